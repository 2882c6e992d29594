import type { EntityIndex } from '../entities';
import type { AuthorityModel } from '../model/schema';
import type { Holder } from './types';

/** Groups grants by the entity that controls their holder, so one entity with many addresses is one holder. */
export function holdersOf(model: AuthorityModel, entities: EntityIndex): Holder[] {
  const byEntity = new Map<string, Holder>();
  for (const grant of model.grants) {
    const entity = entities.entityOf(grant.holder);
    let holder = byEntity.get(entity.id);
    if (!holder) {
      holder = { entity, grants: [], powers: new Set() };
      byEntity.set(entity.id, holder);
    }
    holder.grants.push(grant);
    for (const power of grant.powers) holder.powers.add(power);
  }
  return [...byEntity.values()];
}
