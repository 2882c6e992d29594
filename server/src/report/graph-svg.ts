import { POWERS, type Power } from '../engine/model/schema';
import { powerVerbs } from '../engine/rules/phrases';
import { html } from './escape';
import type { HolderRow, ReportOrigin } from './types';

/**
 * The authority map: a bipartite SVG graph with the holders on the left, the powers their roles
 * grant on the right, and one edge for each holder and power. A holder shows how many parties must
 * collude to use it; single keys and public development keys are marked risky, and so are their
 * edges. Every node and edge carries `data-uri`, `data-path` and `data-line` of the config line that
 * grants it (a holder: its first role; a power: its first grant, riskiest holder first), so a click
 * in the VS Code webview can reveal that line. Colours come from CSS classes (`html-style.ts`).
 */
export function authorityGraph(holders: HolderRow[]): string {
  if (holders.length === 0) return '';
  const edges = holders.flatMap((holder) => holder.powers.map((power) => ({ holder, power, roles: holder.roles.filter((r) => r.powers.includes(power)) })));
  const powers = POWERS.filter((p) => edges.some((e) => e.power === p));

  const holderTops = column(holders.length, HOLDER.height, HOLDER.gap);
  const powerTops = column(powers.length, POWER.height, POWER.gap);
  const height = Math.max(holderTops.size, powerTops.size) + 2 * PAD;
  const holderY = (i: number) => PAD + (height - 2 * PAD - holderTops.size) / 2 + holderTops.at(i);
  const powerY = (i: number) => PAD + (height - 2 * PAD - powerTops.size) / 2 + powerTops.at(i);
  const holderIndex = new Map(holders.map((h, i) => [h, i]));

  const edgeMarkup = edges.map(({ holder, power, roles }) => {
    const x1 = HOLDER.x + HOLDER.width;
    const y1 = holderY(holderIndex.get(holder)!) + HOLDER.height / 2;
    const x2 = POWER.x;
    const y2 = powerY(powers.indexOf(power)) + POWER.height / 2;
    const mid = (x1 + x2) / 2;
    const title = `${holder.label} can ${powerVerbs([power])} as ${roles.map((r) => r.title).join(', ')}`;
    return `<path class="edge ${riskOf(holder)}" data-entity="${html(holder.entityId)}" data-power="${html(power)}"${originAttrs(roles[0]?.origin)} d="M${x1},${round(y1)} C${mid},${round(y1)} ${mid},${round(y2)} ${x2},${round(y2)}"><title>${html(title)}</title></path>`;
  });

  const holderMarkup = holders.map((holder, i) => {
    const y = holderY(i);
    const parties = holder.parties === undefined ? 'vote' : String(holder.parties);
    const partiesTitle = holder.parties === undefined ? 'a governance vote' : `parties to collude: ${holder.parties}`;
    const title = `${holder.label}, ${holder.kind}; ${partiesTitle}; ${holder.roles.map((r) => r.title).join(', ')}`;
    return `<g class="node holder-node ${riskOf(holder)}" data-entity="${html(holder.entityId)}"${originAttrs(holder.roles[0]?.origin)}>`
      + `<title>${html(title)}</title>`
      + `<rect x="${HOLDER.x}" y="${round(y)}" width="${HOLDER.width}" height="${HOLDER.height}" rx="6"/>`
      + `<circle class="parties-dot p-${holder.parties === undefined ? 'vote' : Math.min(holder.parties, 3)}" cx="${HOLDER.x + 22}" cy="${round(y + HOLDER.height / 2)}" r="14"/>`
      + `<text class="parties-text${holder.parties === undefined ? ' vote' : ''}" x="${HOLDER.x + 22}" y="${round(y + HOLDER.height / 2 + 4)}" text-anchor="middle">${html(parties)}</text>`
      + `<text class="node-label" x="${HOLDER.x + 44}" y="${round(y + 19)}">${html(clip(holder.label, 30))}</text>`
      + `<text class="node-sub" x="${HOLDER.x + 44}" y="${round(y + 35)}">${html(clip(holder.devKey !== undefined ? `dev key: ${holder.devKey}` : holder.kind, 40))}</text>`
      + '</g>';
  });

  const powerMarkup = powers.map((power, i) => {
    const y = powerY(i);
    const granted = edges.filter((e) => e.power === power);
    const title = `Can ${powerVerbs([power])}: ${granted.map((e) => e.holder.label).join(', ')}`;
    return `<g class="node power-node" data-power="${html(power)}"${originAttrs(granted[0]?.roles[0]?.origin)}>`
      + `<title>${html(title)}</title>`
      + `<rect x="${POWER.x}" y="${round(y)}" width="${POWER.width}" height="${POWER.height}" rx="15"/>`
      + `<text class="node-label" x="${POWER.x + 14}" y="${round(y + POWER.height / 2 + 4)}">${html(POWER_LABELS[power])}</text>`
      + '</g>';
  });

  const label = `Authority map: ${holders.length} holder${holders.length === 1 ? '' : 's'} and the ${powers.length} power${powers.length === 1 ? '' : 's'} they hold`;
  return `<svg class="authority-graph" role="group" aria-label="${html(label)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`
    + `<title>${html(label)}</title>`
    + `<g class="edges">${edgeMarkup.join('')}</g>`
    + `<g class="holders">${holderMarkup.join('')}</g>`
    + `<g class="powers">${powerMarkup.join('')}</g>`
    + '</svg>';
}

/** Short enough for a node; the node's title has the full verb. */
const POWER_LABELS: Record<Power, string> = {
  upgrade: 'Upgrade contracts',
  pause: 'Pause',
  mint: 'Mint tokens',
  censor: 'Censor',
  deploy: 'Gate deployments',
  sequence: 'Order transactions',
  propose: 'Propose state roots',
  challenge: 'Challenge state roots',
  'set-params': 'Change parameters',
  'receive-fees': 'Collect fees',
  halt: 'Halt the chain',
  finalize: 'Finalize blocks',
  govern: 'Pass governance votes',
  'set-validators': 'Choose validators',
  unscoped: 'Unknown powers',
};

const PAD = 8;
const WIDTH = 780;
const HOLDER = { x: 4, width: 290, height: 46, gap: 12 };
const POWER = { x: WIDTH - 4 - 220, width: 220, height: 30, gap: 10 };

const round = (n: number) => Number(n.toFixed(1));

/** Tops of `n` boxes stacked with a gap, and the column's height. */
function column(n: number, height: number, gap: number): { at: (i: number) => number; size: number } {
  return { at: (i) => i * (height + gap), size: n === 0 ? 0 : n * height + (n - 1) * gap };
}

/** Single keys and public development keys are risky; so is a pair that could collude; more parties or a vote less so. */
function riskOf(holder: HolderRow): string {
  if (holder.devKey !== undefined) return 'risk-dev';
  if (holder.parties === 1) return 'risk-single';
  if (holder.parties === 2) return 'risk-few';
  return 'risk-spread';
}

/** At most `max` characters, with an ellipsis when cut (before escaping, so no entity is cut). */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function originAttrs(origin: ReportOrigin | undefined): string {
  if (!origin) return '';
  return ` data-uri="${html(origin.uri)}" data-path="${html(JSON.stringify(origin.path))}"${origin.line !== undefined ? ` data-line="${origin.line}"` : ''}`;
}
