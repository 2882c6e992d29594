import type { EntityIndex } from '../engine/entities';
import { ratio } from '../engine/metrics';
import type { Distribution, Origin } from '../engine/model/schema';
import { sharesByEntity } from '../engine/rules/concentration';
import type { DistributionView, ReportOrigin } from './types';

/** Most points a Lorenz curve keeps: a genesis with 200,000 balances still draws a smooth curve. */
export const LORENZ_POINTS = 200;
const TOP = 5;

/**
 * A distribution summed by controlling entity (as the concentration rules count it), with its
 * Lorenz curve and concentration metrics. Amounts stay BigInt until each point's share is taken.
 */
export function distributionView(distribution: Distribution, entities: EntityIndex, place: (origin: Origin) => ReportOrigin): DistributionView {
  const { holders, metrics } = sharesByEntity(distribution, entities);
  const n = holders.length;
  const { curve, marks } = lorenz(metrics.sorted, metrics.total, [n - metrics.nakamotoHalt, n - metrics.nakamotoSafety]);
  return {
    kind: distribution.kind,
    title: distribution.title,
    denom: distribution.denom,
    holders: n,
    total: metrics.total.toString(),
    nakamotoHalt: metrics.nakamotoHalt,
    nakamotoSafety: metrics.nakamotoSafety,
    hhi: metrics.hhi,
    gini: metrics.gini,
    topShare: metrics.topShare,
    top: holders.top(TOP).map((h) => ({ label: entities.label(h.entity), share: ratio(h.amount, metrics.total) })),
    lorenz: curve,
    marks: { halt: marks[0], safety: marks[1] },
    origin: place(distribution.at),
  };
}

/**
 * The Lorenz curve of amounts given largest first: after the j smallest holders, [j/n, their share].
 * Keeps at most LORENZ_POINTS points, evenly spaced over holders, plus the exact points at `at`.
 */
export function lorenz(largestFirst: bigint[], total: bigint, at: number[]): { curve: [number, number][]; marks: [number, number][] } {
  const n = largestFirst.length;
  if (n === 0 || total === 0n) return { curve: [[0, 0], [1, 1]], marks: at.map(() => [0, 0]) };
  const wanted = new Set<number>();
  const steps = Math.min(n, LORENZ_POINTS - 1 - at.length);
  for (let k = 0; k <= steps; k++) wanted.add(Math.round((k * n) / steps));
  for (const j of at) wanted.add(Math.max(0, Math.min(n, j)));
  const points = new Map<number, [number, number]>();
  let sum = 0n;
  for (let j = 0; j <= n; j++) {
    if (wanted.has(j)) points.set(j, [j / n, ratio(sum, total)]);
    if (j < n) sum += largestFirst[n - 1 - j];
  }
  const curve = [...points.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  return { curve, marks: at.map((j) => points.get(Math.max(0, Math.min(n, j)))!) };
}
