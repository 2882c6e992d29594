/**
 * Concentration metrics over amounts (stake, voting power, supply), in BigInt so that amounts
 * beyond 2^53 sum exactly. Shares are fractions of the total.
 */
export interface Concentration {
  total: bigint;
  /** Holders' amounts, largest first. */
  sorted: bigint[];
  /** Fewest holders that together hold more than 1/3 (can halt a BFT chain). */
  nakamotoHalt: number;
  /** Fewest holders that together hold more than 2/3 (can commit any block). */
  nakamotoSafety: number;
  /** Herfindahl-Hirschman Index: Σ(share in %)², 0–10,000. */
  hhi: number;
  /** 0 when all hold the same, towards 1 when one holds everything. */
  gini: number;
  /** The largest holder's share. */
  topShare: number;
}

/** The names of the two Nakamoto coefficients, alike in the report, its Markdown and the Lorenz curve. */
export const NAKAMOTO = {
  halt: { name: 'Nakamoto coefficient (1/3)', meaning: 'the fewest holders whose shares together exceed 1/3, enough to halt a BFT chain' },
  safety: { name: 'Nakamoto coefficient (2/3)', meaning: 'the fewest holders whose shares together exceed 2/3, enough to commit any block' },
};

/** Fewest of the largest holders whose sum exceeds numerator/denominator of the total. */
export function nakamoto(sorted: bigint[], total: bigint, numerator: bigint, denominator: bigint): number {
  // sum × denominator > total × numerator  ⟺  sum > ⌊total × numerator / denominator⌋, for integers.
  const threshold = (total * numerator) / denominator;
  let sum = 0n;
  for (let i = 0; i < sorted.length; i++) {
    sum += sorted[i];
    if (sum > threshold) return i + 1;
  }
  return sorted.length;
}

/** A fraction of two BigInts as a number, precise to about 1e-12 whatever their size. */
export function ratio(part: bigint, total: bigint): number {
  if (total === 0n) return 0;
  return Number((part * 1_000_000_000_000n) / total) / 1_000_000_000_000;
}

export function concentration(amounts: bigint[]): Concentration {
  const positive = amounts.filter((a) => a > 0n);
  const sorted = isDescending(positive) ? positive : positive.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const total = sorted.reduce((sum, a) => sum + a, 0n);
  // Shares as doubles: each within about 1e-16 of the exact fraction, far below what is shown.
  const whole = Number(total);
  const shares = Number.isFinite(whole) ? sorted.map((a) => Number(a) / whole) : sorted.map((a) => ratio(a, total));
  const hhi = shares.reduce((sum, s) => sum + (s * 100) ** 2, 0);
  const n = shares.length;
  // Gini from the Lorenz curve: holders ascending, weighted by rank.
  const ascending = [...shares].reverse();
  const weighted = ascending.reduce((sum, s, i) => sum + (i + 1) * s, 0);
  const gini = n <= 1 ? (n === 1 ? 1 : 0) : (2 * weighted) / n - (n + 1) / n;
  return {
    total,
    sorted,
    nakamotoHalt: nakamoto(sorted, total, 1n, 3n),
    nakamotoSafety: nakamoto(sorted, total, 2n, 3n),
    hhi: Math.round(hhi),
    gini: Math.max(0, Math.min(1, gini)),
    topShare: shares[0] ?? 0,
  };
}

function isDescending(amounts: bigint[]): boolean {
  for (let i = 1; i < amounts.length; i++) if (amounts[i] > amounts[i - 1]) return false;
  return true;
}

export function percent(share: number): string {
  const value = share * 100;
  return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)}%`;
}
