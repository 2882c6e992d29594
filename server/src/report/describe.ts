import { devKeyFor } from '../engine/data/dev-keys';
import type { EntityIndex } from '../engine/entities';
import type { Holder } from '../engine/rules/types';

/** What a holder is, for people: the entity's description, or the development key it is, whose private key anyone has. */
export function describeHolder(holder: Holder, entities: EntityIndex): string {
  const dev = holder.entity.declared ? undefined : holder.grants.map((g) => devKeyFor(g.holder.key)).find((k) => k !== undefined);
  return dev ? `a public development key (${dev.label})` : entities.describe(holder.entity);
}
