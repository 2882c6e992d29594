import type { EntityIndex } from '../entities';
import type { Entity } from '../entities/types';
import { concentration, type Concentration } from '../metrics';
import type { Distribution, Origin } from '../model/schema';

export interface HolderShare {
  entity: Entity;
  amount: bigint;
  at: Origin[];
}

/** A distribution summed by controlling entity, largest first: addresses of one entity are one holder. */
export function sharesByEntity(distribution: Distribution, entities: EntityIndex): { holders: HolderShare[]; metrics: Concentration } {
  const byEntity = new Map<string, HolderShare>();
  for (const entry of distribution.entries) {
    const entity = entities.entityOf(entry.holder);
    const holder = byEntity.get(entity.id) ?? { entity, amount: 0n, at: [] };
    holder.amount += BigInt(entry.amount);
    holder.at.push(entry.at);
    byEntity.set(entity.id, holder);
  }
  const holders = [...byEntity.values()].filter((h) => h.amount > 0n).sort((a, b) => (a.amount > b.amount ? -1 : a.amount < b.amount ? 1 : 0));
  return { holders, metrics: concentration(holders.map((h) => h.amount)) };
}
