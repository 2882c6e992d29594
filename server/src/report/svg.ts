import { NAKAMOTO } from '../engine/metrics';
import { html } from './escape';
import { sentimentWord } from './words';
import type { DistributionView, RiskView, StageView } from './types';

/** Inline SVG charts for the report. Colours come from CSS classes, so the page's light and dark themes apply. */

const round = (n: number) => Number(n.toFixed(1));

/** The stage as a badge: "Stage 1", or why there is none. */
export function stageBadge(stage: StageView): string {
  const text = !stage.applies ? 'No stage' : stage.stage === undefined ? 'Stage ?' : `Stage ${stage.stage}`;
  const sub = !stage.applies ? (stage.kind === 'own-consensus' ? 'not a rollup' : 'data off the parent') : stage.bound === 'exact' ? 'L2BEAT estimate' : stage.bound === 'at-most' ? 'at most: facts missing' : 'facts missing';
  const tone = stage.applies && stage.stage !== undefined ? `stage-${stage.stage}` : 'stage-na';
  return `<svg class="badge ${tone}" role="img" aria-label="${html(`${text}, ${sub}`)}" viewBox="0 0 150 56" width="150" height="56">`
    + `<title>${html(`${text} (${sub})`)}</title>`
    + '<rect class="badge-bg" x="1" y="1" width="148" height="54" rx="10"/>'
    + `<text class="badge-text" x="75" y="29" text-anchor="middle">${html(text)}</text>`
    + `<text class="badge-sub" x="75" y="46" text-anchor="middle">${html(sub)}</text>`
    + '</svg>';
}

/**
 * L2BEAT's rosette: a pentagon of five wedges, one for each risk, coloured by sentiment, with the
 * risk's name and value outside its wedge.
 */
export function rosette(risks: RiskView[]): string {
  const cx = 230;
  const cy = 150;
  const r = 92;
  const n = risks.length;
  const vertex = (i: number) => {
    const angle = -Math.PI / 2 - Math.PI / n + (2 * Math.PI * i) / n;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  };
  const parts: string[] = [];
  risks.forEach((risk, i) => {
    const [x1, y1] = vertex(i);
    const [x2, y2] = vertex(i + 1);
    parts.push(`<path class="wedge s-${risk.sentiment}" d="M${cx},${cy} L${round(x1)},${round(y1)} L${round(x2)},${round(y2)} Z"><title>${html(`${risk.title}: ${risk.value}`)}</title></path>`);
    const middle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const lx = cx + (r + 18) * Math.cos(middle);
    const ly = cy + (r + 18) * Math.sin(middle);
    const anchor = Math.abs(lx - cx) < 10 ? 'middle' : lx > cx ? 'start' : 'end';
    const dy = ly < cy - r / 2 ? -8 : ly > cy + r / 2 ? 10 : 0;
    parts.push(`<text class="rosette-label" x="${round(lx)}" y="${round(ly + dy)}" text-anchor="${anchor}">${html(risk.title)}</text>`);
    parts.push(`<text class="rosette-value s-text-${risk.sentiment}" x="${round(lx)}" y="${round(ly + dy + 15)}" text-anchor="${anchor}">${html(risk.value)}</text>`);
  });
  const outline = Array.from({ length: n }, (_, i) => vertex(i).map(round).join(',')).join(' ');
  const label = risks.map((risk) => `${risk.title}: ${sentimentWord(risk.sentiment)}`).join('; ');
  return `<svg class="rosette" role="img" aria-label="${html(label)}" viewBox="0 0 460 300" width="460" height="300"><title>Risk rosette</title>${parts.join('')}<polygon class="rosette-outline" points="${outline}"/></svg>`;
}

/**
 * A Lorenz curve: holders from smallest to largest along x, their cumulative share along y, the
 * line of equality, and where the fewest largest holders that exceed 1/3 and 2/3 begin.
 */
export function lorenzChart(view: DistributionView): string {
  const w = 320;
  const h = 260;
  const left = 44;
  const top = 14;
  const size = 200;
  const px = (x: number) => round(left + x * size);
  const py = (y: number) => round(top + (1 - y) * size);
  const points = view.lorenz.map(([x, y]) => `${px(x)},${py(y)}`).join(' ');
  const area = `${px(0)},${py(0)} ${points} ${px(1)},${py(0)}`;
  const mark = (name: string, cls: string, count: number, [x, y]: [number, number], dy: number) =>
    `<line class="mark ${cls}" x1="${px(x)}" y1="${py(0)}" x2="${px(x)}" y2="${py(y)}"/>`
    + `<circle class="mark-dot ${cls}" cx="${px(x)}" cy="${py(y)}" r="4"><title>${html(`${count} holder${count === 1 ? '' : 's'} hold more than ${name}`)}</title></circle>`
    + `<text class="mark-label ${cls}" x="${px(x) + (x < 0.5 ? 8 : -8)}" y="${py(y) + dy}" text-anchor="${x < 0.5 ? 'start' : 'end'}">${html(`${name}: ${count}`)}</text>`;
  const grid = [0.25, 0.5, 0.75].map((g) => `<line class="grid" x1="${px(0)}" y1="${py(g)}" x2="${px(1)}" y2="${py(g)}"/><line class="grid" x1="${px(g)}" y1="${py(0)}" x2="${px(g)}" y2="${py(1)}"/>`).join('');
  const label = `Lorenz curve of the ${view.title}: ${view.holders} holders, ${NAKAMOTO.halt.name} ${view.nakamotoHalt}, ${NAKAMOTO.safety.name} ${view.nakamotoSafety}, Gini ${view.gini.toFixed(2)}`;
  return `<svg class="lorenz" role="img" aria-label="${html(label)}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">`
    + `<title>${html(label)}</title>`
    + grid
    + `<rect class="frame" x="${px(0)}" y="${py(1)}" width="${size}" height="${size}"/>`
    + `<line class="equality" x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}"/>`
    + `<polygon class="lorenz-area" points="${area}"/>`
    + `<polyline class="lorenz-line" points="${points}"/>`
    + (view.holders === 1 ? `<text class="axis" x="${px(0.5)}" y="${py(0.9)}" text-anchor="middle">one holder holds everything</text>` : '')
    + mark('1/3', 'halt', view.nakamotoHalt, view.marks.halt, -8)
    + mark('2/3', 'safety', view.nakamotoSafety, view.marks.safety, 16)
    + `<text class="axis" x="${px(0.5)}" y="${py(0) + 30}" text-anchor="middle">holders, smallest to largest</text>`
    + `<text class="axis" x="${px(0) - 8}" y="${py(0) + 4}" text-anchor="end">0</text>`
    + `<text class="axis" x="${px(0) - 8}" y="${py(1) + 4}" text-anchor="end">100%</text>`
    + `<text class="axis" transform="translate(${px(0) - 30},${py(0.5)}) rotate(-90)" text-anchor="middle">share held</text>`
    + '</svg>';
}
