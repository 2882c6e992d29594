import type { EntityIndex } from '../entities';
import type { Entity } from '../entities/types';
import { concentration, type Concentration } from '../metrics';
import type { Address, Distribution, Origin } from '../model/schema';

export interface HolderShare {
  entity: Entity;
  amount: bigint;
  at: Origin[];
}

interface Shares {
  holders: HolderShare[];
  metrics: Concentration;
}

/** Several rules read the same distribution; a large genesis has hundreds of thousands of entries. */
const memo = new WeakMap<Distribution, WeakMap<EntityIndex, Shares>>();

/**
 * A holder whose entity, and the list of its places, are made only when a rule names it: most
 * holders of a genesis never are.
 */
class LazyShare implements HolderShare {
  private resolved?: Entity;
  private more?: Origin[];
  constructor(
    private readonly index: EntityIndex,
    private readonly holder: Address,
    public amount: bigint,
    private readonly first: Origin,
  ) {}

  get entity(): Entity {
    return (this.resolved ??= this.index.entityOf(this.holder));
  }

  get at(): Origin[] {
    return (this.more ??= [this.first]);
  }
}

/** A distribution summed by controlling entity, largest first: addresses of one entity are one holder. */
export function sharesByEntity(distribution: Distribution, entities: EntityIndex): Shares {
  const cached = memo.get(distribution)?.get(entities);
  if (cached) return cached;
  // Sum by address first, then merge the addresses that a declared entity controls.
  const byKey = new Map<string, LazyShare>();
  for (const entry of distribution.entries) {
    const existing = byKey.get(entry.holder.key);
    if (existing) {
      existing.amount += BigInt(entry.amount);
      existing.at.push(entry.at);
    } else {
      byKey.set(entry.holder.key, new LazyShare(entities, entry.holder, BigInt(entry.amount), entry.at));
    }
  }
  const byEntity = new Map<string, HolderShare>();
  const holders: HolderShare[] = [];
  for (const [key, share] of byKey) {
    const declared = entities.declaredIdOf(key);
    if (declared === undefined) {
      if (share.amount > 0n) holders.push(share);
      continue;
    }
    const merged = byEntity.get(declared);
    if (merged) {
      merged.amount += share.amount;
      merged.at.push(...share.at);
    } else {
      byEntity.set(declared, { entity: share.entity, amount: share.amount, at: [...share.at] });
    }
  }
  for (const merged of byEntity.values()) if (merged.amount > 0n) holders.push(merged);
  const sorted = largestFirst(holders);
  const result = { holders: sorted, metrics: concentration(sorted.map((h) => h.amount)) };
  const perIndex = memo.get(distribution) ?? new WeakMap<EntityIndex, Shares>();
  perIndex.set(entities, result);
  memo.set(distribution, perIndex);
  return result;
}

/** Holders are numbered in the low bits of their sort keys, so at most this many sort natively. */
const INDEX_BITS = 20;
const INDEX_MASK = (1 << INDEX_BITS) - 1;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Largest amount first, exactly, holders of equal amounts in their given order. Sorting hundreds of
 * thousands of BigInts with a comparator is slow, so each holder's amount becomes a double whose
 * lowest mantissa bits are replaced by the holder's number, and the doubles are sorted natively.
 * Amounts the shortened doubles cannot tell apart (equal, or within about 1 part in 4 billion) end
 * up adjacent, and each such run is then ordered by BigInt.
 */
function largestFirst(holders: HolderShare[]): HolderShare[] {
  const n = holders.length;
  const byAmount = (a: number, b: number) => (holders[a].amount > holders[b].amount ? -1 : holders[a].amount < holders[b].amount ? 1 : a - b);
  let order: number[];
  if (n > INDEX_MASK || !LITTLE_ENDIAN) {
    order = holders.map((_, i) => i).sort(byAmount);
  } else {
    const keys = new Float64Array(n);
    const words = new Uint32Array(keys.buffer);
    for (let i = 0; i < n; i++) {
      const approx = Number(holders[i].amount);
      keys[i] = approx === Infinity ? Number.MAX_VALUE : approx;
      words[2 * i] = ((words[2 * i] & ~INDEX_MASK) | i) >>> 0;
    }
    keys.sort();
    // Ascending keys, read backwards: largest first.
    const high = (rank: number) => words[2 * (n - 1 - rank) + 1] * 4096 + (words[2 * (n - 1 - rank)] >>> INDEX_BITS);
    order = new Array<number>(n);
    for (let rank = 0; rank < n; rank++) order[rank] = words[2 * (n - 1 - rank)] & INDEX_MASK;
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && high(end) === high(start)) end++;
      if (end - start > 1) {
        // Equal amounts (common: a genesis gives many accounts the same) came out by number, descending.
        const run = order.slice(start, end);
        const equal = run.every((i) => holders[i].amount === holders[run[0]].amount);
        if (equal) run.reverse();
        else run.sort(byAmount);
        for (let i = 0; i < run.length; i++) order[start + i] = run[i];
      }
      start = end;
    }
  }
  return order.map((i) => holders[i]);
}
