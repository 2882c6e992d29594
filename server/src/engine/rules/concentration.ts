import type { EntityIndex } from '../entities';
import type { Entity } from '../entities/types';
import { concentration, type Concentration } from '../metrics';
import type { Address, Distribution, Origin } from '../model/schema';

export interface HolderShare {
  entity: Entity;
  amount: bigint;
  at: Origin[];
}

/**
 * Holders ranked largest first. A genesis has hundreds of thousands; a rule names a few, so each
 * holder's object (and its entity) is made only when asked for.
 */
export class RankedHolders {
  private readonly made = new Map<number, HolderShare>();

  constructor(
    private readonly order: number[],
    private readonly make: (slot: number) => HolderShare,
  ) {}

  get length(): number {
    return this.order.length;
  }

  /** The holder at `rank` (0 is the largest), or undefined past the end. */
  at(rank: number): HolderShare | undefined {
    if (rank < 0 || rank >= this.order.length) return undefined;
    let holder = this.made.get(rank);
    if (!holder) this.made.set(rank, (holder = this.make(this.order[rank])));
    return holder;
  }

  /** The `count` largest holders. */
  top(count: number): HolderShare[] {
    return Array.from({ length: Math.min(count, this.order.length) }, (_, rank) => this.at(rank)!);
  }
}

interface Shares {
  holders: RankedHolders;
  metrics: Concentration;
}

/** Several rules read the same distribution; a large genesis has hundreds of thousands of entries. */
const memo = new WeakMap<Distribution, WeakMap<EntityIndex, Shares>>();

/**
 * A distribution summed by controlling entity, largest first: addresses of one entity are one
 * holder. Kept in parallel arrays by slot (one per address, then one per declared entity) rather
 * than an object per holder.
 */
export function sharesByEntity(distribution: Distribution, entities: EntityIndex): Shares {
  const cached = memo.get(distribution)?.get(entities);
  if (cached) return cached;
  // Sum by address first.
  const slotOf = new Map<string, number>();
  const addresses: Address[] = [];
  const amounts: bigint[] = [];
  const places: (Origin | Origin[])[] = [];
  for (const entry of distribution.entries) {
    const slot = slotOf.get(entry.holder.key);
    if (slot === undefined) {
      slotOf.set(entry.holder.key, addresses.length);
      addresses.push(entry.holder);
      amounts.push(BigInt(entry.amount));
      places.push(entry.at);
    } else {
      amounts[slot] += BigInt(entry.amount);
      const held = places[slot];
      if (Array.isArray(held)) held.push(entry.at);
      else places[slot] = [held, entry.at];
    }
  }
  // Then merge the addresses a declared entity controls into one slot per entity, after the addresses.
  const holders: number[] = [];
  const entitySlots = new Map<string, number>();
  const slotEntities = new Map<number, Entity>();
  const addressCount = addresses.length;
  for (let slot = 0; slot < addressCount; slot++) {
    const declared = entities.declaredIdOf(addresses[slot].key);
    if (declared === undefined) {
      if (amounts[slot] > 0n) holders.push(slot);
      continue;
    }
    const merged = entitySlots.get(declared);
    if (merged === undefined) {
      entitySlots.set(declared, amounts.length);
      slotEntities.set(amounts.length, entities.entityOf(addresses[slot]));
      amounts.push(amounts[slot]);
      places.push(placesOf(places[slot]).slice());
    } else {
      amounts[merged] += amounts[slot];
      (places[merged] as Origin[]).push(...placesOf(places[slot]));
    }
  }
  for (const slot of entitySlots.values()) if (amounts[slot] > 0n) holders.push(slot);
  const order = largestFirst(holders, amounts);
  const make = (slot: number): HolderShare => ({
    entity: slotEntities.get(slot) ?? entities.entityOf(addresses[slot]),
    amount: amounts[slot],
    at: placesOf(places[slot]),
  });
  const result = { holders: new RankedHolders(order, make), metrics: concentration(order.map((slot) => amounts[slot])) };
  const perIndex = memo.get(distribution) ?? new WeakMap<EntityIndex, Shares>();
  perIndex.set(entities, result);
  memo.set(distribution, perIndex);
  return result;
}

function placesOf(held: Origin | Origin[]): Origin[] {
  return Array.isArray(held) ? held : [held];
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
function largestFirst(slots: number[], amounts: bigint[]): number[] {
  const n = slots.length;
  const byAmount = (a: number, b: number) => (amounts[slots[a]] > amounts[slots[b]] ? -1 : amounts[slots[a]] < amounts[slots[b]] ? 1 : a - b);
  let order: number[];
  if (n > INDEX_MASK || !LITTLE_ENDIAN) {
    order = slots.map((_, i) => i).sort(byAmount);
  } else {
    const keys = new Float64Array(n);
    const words = new Uint32Array(keys.buffer);
    for (let i = 0; i < n; i++) {
      const approx = Number(amounts[slots[i]]);
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
        const equal = run.every((i) => amounts[slots[i]] === amounts[slots[run[0]]]);
        if (equal) run.reverse();
        else run.sort(byAmount);
        for (let i = 0; i < run.length; i++) order[start + i] = run[i];
      }
      start = end;
    }
  }
  return order.map((i) => slots[i]);
}
