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

/** A holder whose entity is looked up only when a rule names it: most holders of a genesis never are. */
class LazyShare implements HolderShare {
  private resolved?: Entity;
  constructor(
    private readonly index: EntityIndex,
    private readonly holder: Address,
    public amount: bigint,
    public readonly at: Origin[],
  ) {}

  get entity(): Entity {
    return (this.resolved ??= this.index.entityOf(this.holder));
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
      byKey.set(entry.holder.key, new LazyShare(entities, entry.holder, BigInt(entry.amount), [entry.at]));
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

/**
 * Largest amount first. Comparing BigInts is slow over hundreds of thousands of holders; their
 * Number approximations, converted once, order them wherever they differ, and BigInt settles ties.
 */
function largestFirst(holders: HolderShare[]): HolderShare[] {
  const keyed = holders.map((holder) => ({ holder, approx: Number(holder.amount) }));
  keyed.sort((a, b) => b.approx - a.approx || (a.holder.amount > b.holder.amount ? -1 : a.holder.amount < b.holder.amount ? 1 : 0));
  return keyed.map((k) => k.holder);
}
