import { PRESET_DEFINITIONS } from '../config/presets';
import type { PresetName } from '../config/schema';
import { SOURCES } from '../data/sources';
import { THRESHOLDS } from '../data/thresholds';
import { formatDuration } from '../model/duration';
import { docsUrl } from './index';
import type { RuleMeta } from './types';

function thresholdText(value: number, unit: string): string {
  if (unit === 'seconds') return `${formatDuration(value)} (${value} s)`;
  if (unit === 'ratio') return `${value * 100}%`;
  if (unit === 'blocks') return `${value} blocks`;
  return String(value);
}

/** The documentation page of a rule, generated from its metadata so the docs cannot drift from the code. */
export function ruleDocMarkdown(meta: RuleMeta): string {
  const lines = [
    `# ${meta.id}`,
    '',
    `**${meta.title}**`,
    '',
    `| Default severity | Category | Quick fix | L2BEAT stage |`,
    `|---|---|---|---|`,
    `| ${meta.severity} | ${meta.category} | ${meta.fixable ? 'a suggestion, never applied on save' : 'no'} | ${meta.stage === undefined ? '—' : `Stage ${meta.stage}`} |`,
    '',
    meta.description,
    '',
    '## Severity by preset',
    '',
    '| Preset | Severity |',
    '|---|---|',
    ...(Object.keys(PRESET_DEFINITIONS) as PresetName[]).map((preset) => `| \`${preset}\` | ${PRESET_DEFINITIONS[preset].severity(meta, meta.severity)} |`),
    '',
    'The severity shown is for a finding at the rule\'s default; a finding on a testnet or devnet may be milder, and the preset raises or lowers it the same way. `rules:` in `.chokepoint.yaml` (or `chokepoint.rules` in the editor) overrides the preset.',
    '',
    '## Why it matters',
    '',
    meta.rationale,
    '',
    '## How to fix it',
    '',
    meta.remediation,
  ];
  if (meta.thresholds?.length) {
    lines.push('', '## Thresholds', '', '| Threshold | Value | Source |', '|---|---|---|');
    for (const id of meta.thresholds) {
      const t = THRESHOLDS[id];
      lines.push(`| ${t.note} | ${thresholdText(t.value, t.unit)} | [${SOURCES[t.source].title}](${SOURCES[t.source].url}) |`);
    }
  }
  if (meta.options) {
    lines.push('', '## Options', '', '| Option | Meaning |', '|---|---|');
    for (const [name, text] of Object.entries(meta.options)) lines.push(`| \`${name}\` | ${text} |`);
  }
  lines.push(
    '',
    '## Configure or suppress',
    '',
    'In `.chokepoint.yaml`:',
    '',
    '```yaml',
    'rules:',
    `  ${meta.id}: warning   # or off, info, error`,
    '```',
  );
  if (meta.category !== 'engine') {
    lines.push(
      '',
      'On the line above a finding, in YAML, TOML or JSONC (a reason is required; the expiry is optional):',
      '',
      '```yaml',
      `# chokepoint-disable-next-line ${meta.id} expires 2027-01-31 -- <why this risk is accepted>`,
      '```',
      '',
      'For JSON, which has no comments, add an entry under `suppressions:` in `.chokepoint.yaml` with `rule`, `files`, optionally `address`, and `reason`.',
    );
  }
  if (meta.sources.length > 0) {
    lines.push('', '## Sources', '');
    for (const id of meta.sources) lines.push(`- [${SOURCES[id].title}](${SOURCES[id].url})`);
  }
  lines.push('', `<!-- Generated from the rule's metadata by \`npm run generate\`; edit server/src/engine/rules, not this file. Canonical URL: ${docsUrl(meta.id)} -->`, '');
  return lines.join('\n');
}
