import { NAKAMOTO, percent } from '../engine/metrics';
import { FEWEST_PARTIES } from '../engine/summary';
import { amount, md, mdCode } from './escape';
import { controlWord, networkWord, sentimentWord } from './words';
import type { ChainReport, ReportData, RiskView } from './types';

const SENTIMENT_MARK: Record<RiskView['sentiment'], string> = { good: '🟢', warning: '🟡', bad: '🔴', na: '⚪' };

/** The sovereignty report as GitHub-flavoured Markdown for a pull-request comment: tables only, every config string escaped. */
export function renderMarkdown(data: ReportData): string {
  const parts = [`## Chokepoint sovereignty report\n`];
  if (data.chains.length === 0) parts.push('No configuration Chokepoint recognizes was found, so there is nothing to report.\n');
  for (const chain of data.chains) parts.push(chainMarkdown(chain));
  if (data.unrecognized.length > 0) parts.push(`Not recognized as a configuration: ${data.unrecognized.map(md).join(', ')}.\n`);
  parts.push(`<sub>Chokepoint ${md(data.version)}: from the configuration alone; stages and risks follow L2BEAT's definitions.</sub>\n`);
  return parts.join('\n');
}

function chainMarkdown(chain: ChainReport): string {
  const lines: string[] = [];
  const stage = `**${md(chain.stage.text)}**`;
  const fewest = chain.fewestParties !== undefined ? ` · ${FEWEST_PARTIES.name}: **${chain.fewestParties}**${chain.weakest ? ` (${md(chain.weakest)})` : ''}` : '';
  const parent = chain.parent ? ` · settles on ${md(chain.parent)}` : '';
  lines.push(`### ${md(chain.name)}`, '', `${stage} · ${md(chain.framework)} · ${networkWord(chain.network)}${parent}${fewest}`, '', `Files: ${chain.files.map((f) => mdCode(f.file)).join(', ')}`, '');

  lines.push(md(chain.stage.note), '');
  for (const [status, heading] of [['unmet', '**Unmet stage requirements**'], ['unknown', '**Stage requirements the configuration does not show**']] as const) {
    const list = chain.stage.requirements.filter((r) => r.status === status);
    if (list.length === 0) continue;
    lines.push(heading, '');
    for (const r of list) {
      const evidence = r.findings.map((f) => `[${f.ruleId}](${f.docs}) at ${mdCode(`${f.file}:${f.line}`)}${f.suppressed !== undefined ? `, suppressed: ${md(f.suppressed)}` : ''}`).join('; ');
      lines.push(`- Stage ${r.stage}: ${md(r.title)}${r.missing ? `; not stated: ${md(r.missing)}` : ''}${evidence ? ` (${evidence})` : ''}`);
    }
    lines.push('');
  }

  lines.push('| Risk | | Value | Why |', '|---|---|---|---|');
  for (const risk of chain.risks) lines.push(`| ${md(risk.title)} | ${SENTIMENT_MARK[risk.sentiment]} ${sentimentWord(risk.sentiment)} | ${md(risk.value)} | ${md(risk.reason)} |`);
  lines.push('');

  if (chain.holders.length > 0) {
    const share = chain.verifiedShare;
    if (share && share.total > 0) lines.push(`${share.verified} of ${share.total} role${share.total === 1 ? ' is' : 's are'} held by holders verified on chain (${Math.round((share.verified / share.total) * 100)}%).`, '');
    lines.push('| Holder | What it is | Source | Parties to collude | Powers | Roles |', '|---|---|---|---|---|---|');
    for (const row of chain.holders) {
      const roles = row.roles.map((r) => `${md(r.title)} (${md(r.origin.file)}${r.origin.line !== undefined ? `:${r.origin.line}` : ''})`).join('; ');
      const source = row.verified ? `verified: ${md(row.verified)}` : (row.source ?? '');
      lines.push(`| ${md(row.label)} | ${md(row.kind)} | ${source} | ${row.parties ?? 'governance vote'} | ${row.powers.join(', ')} | ${roles} |`);
    }
    lines.push('');
  }

  if (chain.distributions.length > 0) {
    lines.push(`| Distribution | Holders | ${NAKAMOTO.halt.name} | ${NAKAMOTO.safety.name} | HHI | Gini | Largest |`, '|---|---|---|---|---|---|---|');
    for (const d of chain.distributions) {
      lines.push(`| ${md(d.title)} (total ${md(amount(d.total))}${d.denom ? ` ${md(d.denom)}` : ''}) | ${d.holders} | ${d.nakamotoHalt} | ${d.nakamotoSafety} | ${d.hhi.toLocaleString('en-US')} | ${d.gini.toFixed(2)} | ${percent(d.topShare)} ${d.top[0] ? md(d.top[0].label) : ''} |`);
    }
    lines.push('');
  }

  lines.push('| Layer | Control | Who | Why |', '|---|---|---|---|');
  for (const layer of chain.layers) lines.push(`| ${md(layer.title)} | ${controlWord(layer.control)} | ${md(layer.controller)} | ${md(layer.reason)} |`);
  lines.push('');

  const f = chain.findings;
  const byRule = f.byRule.map((r) => `[${r.ruleId}](${r.docs}) ×${r.count}`).join(', ');
  lines.push(`**Findings:** ${f.errors} error${f.errors === 1 ? '' : 's'}, ${f.warnings} warning${f.warnings === 1 ? '' : 's'}, ${f.infos} info${f.suppressed > 0 ? `, ${f.suppressed} suppressed` : ''}${byRule ? `: ${byRule}` : ''}.`, '');
  return lines.join('\n');
}
