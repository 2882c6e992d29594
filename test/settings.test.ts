import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_DEFINITIONS } from '../server/src/engine/config/presets';
import { ALL_RULE_METAS, nearestRuleId } from '../server/src/engine/rules/index';
import { nearest } from '../server/src/engine/text/nearest';
import { normalizeSettings } from '../server/src/lsp/settings';
import { checkSettings, SettingsProblemReporter } from '../server/src/lsp/settings-problems';

describe('the nearest name to a mistyped one', () => {
  it.each([
    ['fee-captur', 'fee-capture'],
    ['role-colapse', 'role-collapse'],
    ['rolecollapse', 'role-collapse'],
    ['weak-councl', 'weak-council'],
    ['Dev-Key-Authority', 'dev-key-authority'],
    ['shrot-exit-window', 'short-exit-window'],
    ['stake-conc', 'stake-concentration'],
  ])('%s → %s', (typo, id) => expect(nearestRuleId(typo)).toBe(id));

  it('names none when nothing is close, or when several candidates begin the same way', () => {
    expect(nearestRuleId('no-such-thing-at-all')).toBeUndefined();
    expect(nearestRuleId('x')).toBeUndefined();
    expect(nearest('un', ['unused', 'unknown'])).toBeUndefined();
    expect(nearest('unu', ['unused', 'unknown'])).toBe('unused');
  });

  it('counts a swap of neighbouring characters as one edit', () => {
    expect(nearest('wraning', ['warning', 'error'])).toBe('warning');
    expect(nearest('warn', ['off', 'info', 'warning', 'error'])).toBe('warning');
  });
});

describe('chokepoint.* settings', () => {
  it('applies only known rules with a valid severity, and a known preset', () => {
    const { settings, problems } = checkSettings({ rules: { 'fee-capture': 'off', 'fee-captur': 'off', 'role-collapse': 'warn' }, preset: 'strct' });
    expect(settings.rules).toEqual({ 'fee-capture': 'off' });
    expect(settings.preset).toBe('');
    expect(problems).toEqual([
      'chokepoint.rules: unknown rule "fee-captur" — did you mean "fee-capture"?',
      'chokepoint.rules: "warn" is not a severity for "role-collapse" — did you mean "warning"?',
      'chokepoint.preset: unknown preset "strct" — did you mean "strict"? The preset of .chokepoint.yaml applies.',
    ]);
  });

  it('says what to write when nothing is near, and when rules is not an object', () => {
    expect(checkSettings({ rules: { 'role-collapse': 7 } }).problems).toEqual(['chokepoint.rules: 7 is not a severity for "role-collapse" — use off, info, warning, error.']);
    expect(checkSettings({ rules: ['fee-capture'] }).problems).toEqual(['chokepoint.rules must map rule ids to severities, e.g. { "fee-capture": "off" }.']);
    expect(checkSettings({ preset: 'lax' }).problems).toEqual(['chokepoint.preset: unknown preset "lax" — use fromConfig, recommended, strict, l2beat-stage1. The preset of .chokepoint.yaml applies.']);
  });

  it('takes "fromConfig", and the "" earlier versions wrote, as the preset of .chokepoint.yaml, silently', () => {
    for (const preset of ['fromConfig', '', undefined]) {
      expect(checkSettings({ preset })).toEqual({ settings: normalizeSettings({}), problems: [] });
    }
    expect(normalizeSettings({ preset: 'strict' }).preset).toBe('strict');
  });

  it('a reporter says each problem once until the settings change', () => {
    const shown: string[][] = [];
    const logged: string[] = [];
    const reporter = new SettingsProblemReporter((problems) => shown.push(problems), (line) => logged.push(line));
    reporter.report(['a', 'b']);
    reporter.report(['a', 'b']);
    reporter.report(['b', 'c']);
    expect(shown).toEqual([['a', 'b'], ['c']]);
    reporter.reset();
    reporter.report(['a']);
    reporter.report([]);
    expect(shown).toEqual([['a', 'b'], ['c'], ['a']]);
    expect(logged).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('the settings package.json contributes', () => {
  const properties = (JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, Record<string, unknown>> } } }).contributes.configuration.properties;

  it('chokepoint.rules lists every rule id with its title and the four severities, and nothing else', () => {
    const rules = properties['chokepoint.rules'] as { properties: Record<string, { enum: string[]; description: string }>; additionalProperties: boolean };
    expect(Object.keys(rules.properties)).toEqual(ALL_RULE_METAS.map((m) => m.id));
    expect(rules.additionalProperties).toBe(false);
    for (const meta of ALL_RULE_METAS) {
      expect(rules.properties[meta.id].enum).toEqual(['off', 'info', 'warning', 'error']);
      expect(rules.properties[meta.id].description).toBe(`${meta.title} (default: ${meta.severity}).`);
    }
  });

  it('chokepoint.preset has a named default and a description for each option', () => {
    const preset = properties['chokepoint.preset'] as { enum: string[]; enumDescriptions: string[]; default: string };
    expect(preset.default).toBe('fromConfig');
    expect(preset.enum).toEqual(['fromConfig', ...Object.keys(PRESET_DEFINITIONS)]);
    expect(preset.enumDescriptions.length).toBe(preset.enum.length);
    expect(preset.enumDescriptions.every((d) => d.length > 20)).toBe(true);
  });
});
