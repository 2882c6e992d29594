import { describe, expect, it } from 'vitest';
import { EntityIndex } from '../server/src/engine/entities';
import { concentration, nakamoto, ratio } from '../server/src/engine/metrics';
import { namedParty } from '../server/src/engine/model/address';
import type { Distribution } from '../server/src/engine/model/schema';
import { sharesByEntity } from '../server/src/engine/rules/concentration';
import { mulberry32 } from './helpers/random';

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

describe('holders by entity, largest first', () => {
  const holder = (n: number) => namedParty(`holder ${n}`);
  const distribution = (amounts: bigint[]): Distribution => ({
    kind: 'supply',
    title: 'supply',
    entries: amounts.map((amount, i) => ({ holder: holder(i), amount: amount.toString(), at: { file: 'genesis.json', path: ['balances', i] } })),
    at: { file: 'genesis.json', path: ['balances'] },
  });
  const order = (amounts: bigint[]) => sharesByEntity(distribution(amounts), new EntityIndex()).holders.top(Infinity).map((h) => Number(h.entity.name.slice('holder '.length)));
  /** The order the rules expect: amount descending, equal amounts in the order of the file. */
  const reference = (amounts: bigint[]) => amounts.map((amount, i) => ({ amount, i })).sort((a, b) => (a.amount > b.amount ? -1 : a.amount < b.amount ? 1 : a.i - b.i)).map((x) => x.i);

  it('orders exactly, even amounts beyond 2^53 that differ only in their last digits, and keeps ties in file order', () => {
    const rand = mulberry32(7);
    const base = 10n ** 24n;
    for (let round = 0; round < 20; round++) {
      const amounts = Array.from({ length: 500 }, () => {
        const roll = rand();
        if (roll < 0.3) return base + BigInt(Math.floor(rand() * 5));
        if (roll < 0.5) return 1000n;
        if (roll < 0.6) return 2n ** 1100n + BigInt(Math.floor(rand() * 3));
        return BigInt(1 + Math.floor(rand() * 1e9));
      });
      expect(order(amounts)).toEqual(reference(amounts));
    }
  });

  it('orders a genesis-sized distribution of equal amounts in file order', () => {
    const amounts = Array.from({ length: 50_000 }, (_, i) => (i % 1000 === 0 ? 7n : 5n));
    expect(order(amounts)).toEqual(reference(amounts));
  });
});
