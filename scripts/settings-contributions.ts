// The `chokepoint.rules` and `chokepoint.preset` settings in package.json, generated from the rule
// metadata and the presets, so the Settings UI and settings.json offer exactly the ids and presets
// the language server accepts.
import { PRESET_DEFINITIONS } from '../server/src/engine/config/presets';
import { ALL_RULE_METAS } from '../server/src/engine/rules/index';
import { PRESET_FROM_CONFIG, SETTING_PRESETS, SETTING_SEVERITIES } from '../server/src/lsp/settings';

type JsonObject = { [key: string]: unknown };

export function rulesSetting(): JsonObject {
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    properties: Object.fromEntries(ALL_RULE_METAS.map((meta) => [meta.id, { type: 'string', enum: [...SETTING_SEVERITIES], description: `${meta.title} (default: ${meta.severity}).` }])),
    additionalProperties: false,
    markdownDescription: 'Severity overrides on top of `.chokepoint.yaml`, by rule id, e.g. `{ "fee-capture": "off" }`: `off`, `info`, `warning` or `error`. An unknown id or severity is reported and ignored.',
  };
}

export function presetSetting(): JsonObject {
  return {
    type: 'string',
    enum: [PRESET_FROM_CONFIG, ...SETTING_PRESETS],
    enumDescriptions: ['The preset of the .chokepoint.yaml that applies to the file (recommended when there is none or it names none).', ...SETTING_PRESETS.map((name) => PRESET_DEFINITIONS[name].description)],
    default: PRESET_FROM_CONFIG,
    scope: 'resource',
    description: 'The preset that grades findings: the one of .chokepoint.yaml, or one that overrides it.',
  };
}

/** package.json with the generated settings in place; every other byte as `JSON.stringify` writes it. */
export function manifestWithSettings(manifestText: string): string {
  const manifest = JSON.parse(manifestText) as { contributes: { configuration: { properties: JsonObject } } };
  const properties = manifest.contributes.configuration.properties;
  properties['chokepoint.preset'] = presetSetting();
  properties['chokepoint.rules'] = rulesSetting();
  return JSON.stringify(manifest, null, 2) + '\n';
}
