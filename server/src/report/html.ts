import { NAKAMOTO, percent } from '../engine/metrics';
import { FEWEST_PARTIES } from '../engine/summary';
import { amount, html } from './escape';
import { authorityGraph } from './graph-svg';
import { REPORT_CSS } from './html-style';
import { lorenzChart, rosette, stageBadge } from './svg';
import { controlWord, networkWord, sentimentWord } from './words';
import type { ChainReport, DistributionView, FindingRef, HolderRow, HolderSource, LayerView, ReportData, ReportOrigin, RequirementView, RiskView, Sentiment, StageView } from './types';

export interface HtmlOptions {
  /**
   * For a VS Code webview: its CSP source and a nonce. The page then allows stylesheets and scripts
   * only with that nonce (or from `cspSource`), and loads `scripts` with it at the end of the body.
   * Without it the page is standalone and runs no script at all.
   */
  webview?: { cspSource: string; nonce: string; scripts?: string[] };
  title?: string;
}

/**
 * The sovereignty report as one self-contained HTML page: inline CSS and SVG, nothing loaded from
 * anywhere, no script unless a webview adds its own. Every string from a config is escaped. Each
 * holder, role, risk and layer, and each node and edge of the authority map (`graph-svg.ts`), carries
 * `data-uri`, `data-path` (JSON) and `data-line` with its origin.
 */
export function renderHtml(data: ReportData, options: HtmlOptions = {}): string {
  const { webview } = options;
  const csp = webview
    ? `default-src 'none'; style-src ${webview.cspSource} 'nonce-${webview.nonce}'; img-src ${webview.cspSource} data:; font-src ${webview.cspSource}; script-src 'nonce-${webview.nonce}'`
    : "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
  const title = options.title ?? (data.chains.length === 1 ? `Sovereignty report: ${data.chains[0].name}` : 'Sovereignty report');
  const nonce = webview ? ` nonce="${html(webview.nonce)}"` : '';
  const scripts = (webview?.scripts ?? []).map((src) => `<script${nonce} src="${html(src)}"></script>`).join('');
  const body = data.chains.length > 0 ? data.chains.map((chain, i) => chainSection(chain, i)).join('\n') : '<p class="empty">No configuration Chokepoint recognizes was found, so there is nothing to report.</p>';
  const unrecognized = data.unrecognized.length > 0 ? `<p class="note">Not recognized as a configuration: ${data.unrecognized.map((f) => `<code>${html(f)}</code>`).join(', ')}.</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${html(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style${nonce}>${REPORT_CSS}</style>
</head>
<body>
<header class="page-head"><h1>${html(title)}</h1><p class="muted">Where authority settles in ${data.chains.length === 1 ? 'this chain' : `${data.chains.length} chains`}, from the configuration alone. Chokepoint ${html(data.version)}.</p></header>
<main>
${body}
${unrecognized}
</main>
${scripts}
</body>
</html>
`;
}

function chainSection(chain: ChainReport, index: number): string {
  const files = chain.files.map((f) => `<code data-uri="${html(f.uri)}">${html(f.file)}</code>${f.kind ? ` <span class="muted">(${html(f.kind)})</span>` : ''}`).join(', ');
  const fewest = chain.fewestParties !== undefined ? ` · <span class="fewest-parties" title="${html(`${FEWEST_PARTIES.name}: ${FEWEST_PARTIES.meaning}`)}">${FEWEST_PARTIES.name}: <strong>${chain.fewestParties}</strong></span>${chain.weakest ? ` (${html(chain.weakest)})` : ''}` : '';
  return `<section class="chain" id="chain-${index}" data-chain="${index}">
<div class="chain-head">
<div><h2>${html(chain.name)}</h2><p class="muted">${html(chain.framework)} · <span class="network" title="${html(chain.networkReason)}">${html(networkWord(chain.network))}</span>${chain.parent ? ` · settles on ${html(chain.parent)}` : ''}${fewest}</p><p class="muted files">${files}</p></div>
${stageBadge(chain.stage)}
</div>
<div class="row">
<div class="card stage-card"><h3>Stage estimate</h3>${stageBlock(chain.stage)}</div>
<div class="card"><h3>Risks</h3><div class="risks">${rosette(chain.risks)}${riskTable(chain.risks)}</div></div>
</div>
<div class="card"><h3>Powers</h3>${verifiedShare(chain)}${powersTable(chain.holders)}</div>
<div class="card"><h3>Stake and supply</h3>${distributions(chain.distributions)}</div>
<div class="card"><h3>Sovereignty by layer</h3>${layersTable(chain.layers)}</div>
<div class="card"><h3>Findings</h3>${findingsBlock(chain)}</div>
</section>`;
}

function stageBlock(stage: StageView): string {
  if (!stage.applies) return `<p>${html(stage.note)}</p>`;
  const item = (r: RequirementView) => `<li class="${r.status}" data-requirement="${html(r.id)}"><span class="req-stage">Stage ${r.stage}</span> ${html(r.title)}${r.missing ? `<br><span class="muted">Not stated: ${html(r.missing)}</span>` : ''}${r.findings.length > 0 ? `<ul class="evidence">${r.findings.map(findingItem).join('')}</ul>` : ''}</li>`;
  const section = (status: RequirementView['status'], heading: string) => {
    const list = stage.requirements.filter((r) => r.status === status);
    return list.length > 0 ? `<h4>${heading}</h4><ul class="requirements ${status}">${list.map(item).join('')}</ul>` : '';
  };
  return `<p>${html(stage.note)}</p>${section('unmet', 'Not met')}${section('unknown', 'Unknown: the configuration does not say')}${section('met', 'Met')}`;
}

function findingItem(finding: FindingRef): string {
  return `<li class="finding" data-uri="${html(finding.uri)}" data-line="${finding.line}"><span class="sev sev-${finding.severity}">${html(finding.severity)}</span> <a href="${html(finding.docs)}">${html(finding.ruleId)}</a> <code>${html(finding.file)}:${finding.line}</code> ${html(finding.message)}${finding.detail ? ` <span class="muted">${html(finding.detail)}</span>` : ''}${finding.suppressed !== undefined ? ` <em class="muted">Suppressed: ${html(finding.suppressed)}</em>` : ''}</li>`;
}

function originAttrs(origin: ReportOrigin | undefined): string {
  if (!origin) return '';
  return ` data-uri="${html(origin.uri)}" data-path="${html(JSON.stringify(origin.path))}"${origin.line !== undefined ? ` data-line="${origin.line}"` : ''}`;
}

function originText(origin: ReportOrigin): string {
  return `<code class="origin">${html(origin.file)}${origin.line !== undefined ? `:${origin.line}` : ''}</code>`;
}

function riskTable(risks: RiskView[]): string {
  const rows = risks.map((risk) => `<tr class="risk" data-risk="${html(risk.id)}"${originAttrs(risk.origin)}><th scope="row">${html(risk.title)}</th><td><span class="chip s-${risk.sentiment}">${html(sentimentWord(risk.sentiment))}</span></td><td><strong>${html(risk.value)}</strong><br>${html(risk.reason)}${risk.origin ? ` ${originText(risk.origin)}` : ''}</td></tr>`).join('');
  return `<table class="risk-table"><thead><tr><th>Risk</th><th>Sentiment</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function powersTable(holders: HolderRow[]): string {
  if (holders.length === 0) return '<p class="muted">The configuration gives no one a power.</p>';
  const graph = `<figure class="authority-map">${authorityGraph(holders)}<figcaption class="muted">Each holder (left, with its parties to collude: how many must act together to use its powers) is linked to the powers its roles grant (right). Red marks a single key or a public development key, amber two parties.</figcaption></figure>`;
  const rows = holders.map((row) => {
    const parties = row.parties === undefined ? '<span class="muted">a governance vote</span>' : `<span class="parties p-${Math.min(row.parties, 3)}">${row.parties}</span>`;
    const powers = row.powers.map((p) => `<span class="power-tag">${html(p)}</span>`).join(' ');
    const roles = row.roles.map((role) => `<li class="power"${originAttrs(role.origin)} data-entity="${html(row.entityId)}">${html(role.title)} ${originText(role.origin)}</li>`).join('');
    return `<tr class="holder" data-entity="${html(row.entityId)}"><th scope="row">${html(row.label)}</th><td>${html(row.kind)}${sourceChip(row)}</td><td class="num">${parties}</td><td>${powers}</td><td><ul class="roles">${roles}</ul></td></tr>`;
  }).join('');
  return `${graph}<table class="powers"><thead><tr><th>Holder</th><th>What it is</th><th title="How many parties must act together to use the holder's powers">Parties to collude</th><th>Powers</th><th>Roles</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const SOURCE_SENTIMENT: Record<HolderSource, Sentiment> = { verified: 'good', declared: 'na', unknown: 'warning' };

/** "verified", "declared" or "unknown" under what a holder is, with what was read on chain as its title. */
function sourceChip(row: HolderRow): string {
  if (!row.source) return '';
  const title = row.verified ? ` title="${html(row.verified)}"` : '';
  return `<br><span class="chip s-${SOURCE_SENTIMENT[row.source]} source"${title}>${row.source}</span>`;
}

/** "3 of 7 roles (43%) are held by holders verified on chain." */
function verifiedShare(chain: ChainReport): string {
  const share = chain.verifiedShare;
  if (!share || share.total === 0) return '';
  return `<p class="verified-share">${share.verified} of ${share.total} role${share.total === 1 ? ' is' : 's are'} held by holders verified on chain (${Math.round((share.verified / share.total) * 100)}%).</p>`;
}

function distributions(views: DistributionView[]): string {
  if (views.length === 0) return '<p class="muted">The configuration lists no stake, voting power or supply.</p>';
  return `<div class="distributions">${views.map(distribution).join('')}</div>`;
}

function distribution(view: DistributionView): string {
  const unit = view.denom ? ` ${html(view.denom)}` : '';
  const top = view.top.map((t) => `<li><span>${html(t.label)}</span> <strong>${html(percent(t.share))}</strong></li>`).join('');
  return `<figure class="distribution" data-kind="${html(view.kind)}"${originAttrs(view.origin)}>
<figcaption><strong>${html(view.title)}</strong> <span class="muted">${view.holders} holder${view.holders === 1 ? '' : 's'} by entity · total ${html(amount(view.total))}${unit}</span></figcaption>
${lorenzChart(view)}
<dl class="metrics">
<dt title="${html(`${NAKAMOTO.halt.name}: ${NAKAMOTO.halt.meaning}`)}">${NAKAMOTO.halt.name}</dt><dd>${view.nakamotoHalt}</dd>
<dt title="${html(`${NAKAMOTO.safety.name}: ${NAKAMOTO.safety.meaning}`)}">${NAKAMOTO.safety.name}</dt><dd>${view.nakamotoSafety}</dd>
<dt>HHI</dt><dd>${view.hhi.toLocaleString('en-US')}</dd>
<dt>Gini</dt><dd>${view.gini.toFixed(2)}</dd>
<dt>Largest</dt><dd>${html(percent(view.topShare))}</dd>
</dl>
<ol class="top">${top}</ol>
</figure>`;
}

function layersTable(layers: LayerView[]): string {
  const rows = layers.map((layer) => `<tr class="layer" data-layer="${html(layer.layer)}"${originAttrs(layer.origins[0])}><th scope="row">${html(layer.title)}</th><td><span class="chip c-${layer.control}">${html(controlWord(layer.control))}</span></td><td><strong>${html(layer.controller)}</strong></td><td>${html(layer.reason)}${layer.origins[0] ? ` ${originText(layer.origins[0])}` : ''}</td></tr>`).join('');
  return `<table class="layers"><thead><tr><th>Layer</th><th>Control</th><th>Who</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function findingsBlock(chain: ChainReport): string {
  const f = chain.findings;
  const counts = `<p><strong>${f.errors}</strong> error${f.errors === 1 ? '' : 's'}, <strong>${f.warnings}</strong> warning${f.warnings === 1 ? '' : 's'}, <strong>${f.infos}</strong> info${f.suppressed > 0 ? `, ${f.suppressed} suppressed` : ''}. Run <code>chokepoint lint</code> for every message.</p>`;
  if (f.byRule.length === 0) return counts;
  const rows = f.byRule.map((r) => `<tr><td><a href="${html(r.docs)}">${html(r.ruleId)}</a></td><td><span class="sev sev-${r.severity}">${html(r.severity)}</span></td><td class="num">${r.count}</td></tr>`).join('');
  return `${counts}<table class="findings"><thead><tr><th>Rule</th><th>Severity</th><th>Findings</th></tr></thead><tbody>${rows}</tbody></table>`;
}
