import type { EntityIndex } from '../entities';
import type { AuthorityModel, Delay } from '../model/schema';
import type { Holder } from './types';

/** The longest withdrawal delay in the model: what an exit costs users before they are out. */
export function withdrawalDelay(model: AuthorityModel): number {
  return Math.max(0, ...model.delays.filter((d) => d.kind === 'withdrawal' && d.seconds !== null).map((d) => d.seconds as number));
}

/** The first upgrade timelock of each address, with its place among the model's delays. */
const TIMELOCKS = new WeakMap<AuthorityModel, Map<string, { delay: Delay; index: number }>>();

function timelocksOf(model: AuthorityModel): Map<string, { delay: Delay; index: number }> {
  let byKey = TIMELOCKS.get(model);
  if (!byKey) {
    byKey = new Map();
    model.delays.forEach((delay, index) => {
      if (delay.kind === 'upgrade-timelock' && delay.appliesTo && delay.seconds !== null && !byKey!.has(delay.appliesTo.key)) byKey!.set(delay.appliesTo.key, { delay, index });
    });
    TIMELOCKS.set(model, byKey);
  }
  return byKey;
}

/** The timelock in front of a holder's upgrades, from the file itself: the first in the model that applies to one of its addresses. */
export function upgradeTimelock(holder: Holder, model: AuthorityModel): Delay | undefined {
  const byKey = timelocksOf(model);
  let first: { delay: Delay; index: number } | undefined;
  for (const key of holder.entity.addressKeys) {
    const found = byKey.get(key);
    if (found && (!first || found.index < first.index)) first = found;
  }
  return first?.delay;
}

/**
 * How long a holder's upgrades wait: a timelock in the file, else the entity's declared delay,
 * else none. `assumeUndeclared` treats an undeclared holder as instant (L2BEAT's "None" exit
 * window); without it, an undeclared holder gives undefined.
 */
export function upgradeDelay(holder: Holder, model: AuthorityModel, assumeUndeclared: boolean): number | undefined {
  const timelock = upgradeTimelock(holder, model);
  if (timelock?.seconds !== undefined && timelock.seconds !== null) return timelock.seconds;
  if (holder.entity.delaySeconds !== undefined) return holder.entity.delaySeconds;
  return holder.entity.kind === 'unknown' && !assumeUndeclared ? undefined : 0;
}

/**
 * Upgrade holders that are not a properly set-up Security Council, with the exit window they leave
 * users. A holder with a delay of its own (a timelock, even one a council controls) is judged by it.
 */
export function exitWindows(holders: Holder[], model: AuthorityModel, entities: EntityIndex, assumeUndeclared: boolean): { holder: Holder; delay: number; window: number }[] {
  const withdrawal = withdrawalDelay(model);
  const windows: { holder: Holder; delay: number; window: number }[] = [];
  const upgraders = new Set(holders.filter((h) => h.grants.some((g) => g.powers.includes('upgrade'))).flatMap((h) => h.entity.addressKeys));
  for (const holder of holders) {
    const upgrades = holder.grants.filter((g) => g.powers.includes('upgrade'));
    if (upgrades.length === 0) continue;
    // A timelock's proposer upgrades through the timelock, whose own window is the one users get.
    if (upgrades.every((g) => g.through && upgraders.has(g.through.key) && !holder.entity.addressKeys.includes(g.through.key))) continue;
    if (holder.entity.delaySeconds === undefined && entities.isProperCouncil(holder.entity)) continue;
    const delay = upgradeDelay(holder, model, assumeUndeclared);
    if (delay !== undefined) windows.push({ holder, delay, window: delay - withdrawal });
  }
  return windows;
}
