import { describe, expect, it } from 'vitest';
import { concentration, nakamoto, ratio } from '../server/src/engine/metrics';

describe('concentration metrics', () => {
  it('counts the fewest holders above 1/3 and 2/3', () => {
    const m = concentration([20n, 20n, 20n, 10n, 10n, 10n, 10n]);
    expect(m.nakamotoHalt).toBe(2);
    expect(m.nakamotoSafety).toBe(4);
    expect(nakamoto([1n, 1n, 1n], 3n, 1n, 3n)).toBe(2);
  });

  it('computes HHI and Gini: equal holders, and one holder with everything', () => {
    const equal = concentration(Array.from({ length: 10 }, () => 5n));
    expect(equal.hhi).toBe(1000);
    expect(equal.gini).toBeCloseTo(0, 10);
    const solo = concentration([7n]);
    expect(solo.hhi).toBe(10000);
    expect(solo.gini).toBe(1);
    expect(solo.topShare).toBe(1);
    expect(concentration([1n, 0n, 0n, 0n]).nakamotoHalt).toBe(1);
  });

  it('sums amounts beyond 2^53 exactly', () => {
    const huge = 2n ** 80n;
    const m = concentration([huge + 1n, huge, huge]);
    expect(m.total).toBe(3n * huge + 1n);
    expect(m.sorted[0]).toBe(huge + 1n);
    expect(m.nakamotoHalt).toBe(1);
    expect(ratio(huge, 3n * huge)).toBeCloseTo(1 / 3, 12);
  });

  it('is empty-safe', () => {
    const m = concentration([]);
    expect(m.total).toBe(0n);
    expect(m.hhi).toBe(0);
    expect(m.topShare).toBe(0);
  });
});
