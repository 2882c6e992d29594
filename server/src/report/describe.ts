import { devKeyFor, type DevKey } from '../engine/data/dev-keys';
import type { EntityIndex } from '../engine/entities';
import type { Holder } from '../engine/rules/types';

/** What a holder is, for people: the entity's description, or the development key it is, whose private key anyone has. */
export function describeHolder(holder: Holder, entities: EntityIndex): string {
  const dev = devKeyOf(holder);
  return dev ? `a public development key (${dev.label})` : entities.describe(holder.entity);
}

/** The well-known development key an undeclared holder is, if it is one. */
export function devKeyOf(holder: Holder): DevKey | undefined {
  return holder.entity.declared ? undefined : holder.grants.map((g) => devKeyFor(g.holder.key)).find((k) => k !== undefined);
}
