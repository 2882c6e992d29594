import { THRESHOLDS } from '../data/thresholds';
import { formatDuration } from '../model/duration';
import type { Delay } from '../model/schema';
import { byNetwork, listOf, roleTitles } from './phrases';
import { fitRow, withoutAsides } from './one-row';
import { exitWindows, upgradeTimelock, withdrawalDelay } from './exit-window';
import type { Fix, Rule } from './types';

export const shortExitWindow: Rule = {
  meta: {
    id: 'short-exit-window',
    title: 'Users cannot exit before an upgrade takes effect',
    severity: 'error',
    category: 'delays',
    description: 'An upgrader that is not a properly set-up Security Council can upgrade with an exit window (upgrade delay minus withdrawal delay) under 7 days (Stage 1) or under 30 days (Stage 2).',
    rationale:
      'An exit window is the time between announcing an upgrade and its taking effect, minus the time a withdrawal takes. If it is shorter than the time users need to withdraw, a malicious or coerced upgrader can take their funds before they can leave. L2BEAT scores an exit window under 7 days as bad and requires at least 7 days for Stage 1 and 30 days for Stage 2, unless only a Security Council with a 75% threshold can upgrade.',
    remediation:
      'Put the upgrade power behind a timelock of at least 7 days plus the withdrawal delay (30 days plus it for Stage 2), or give instant upgrades only to a Security Council of at least 8 signers with a 75% threshold. Declare the timelock in .chokepoint.yaml (`delay: 14d`) or inline (`chokepoint: timelock 14d`).',
    sources: ['l2beatStages', 'l2beatRiskView'],
    thresholds: ['stage1ExitWindow', 'stage2ExitWindow'],
    stage: 1,
    fixable: true,
    options: { stage: 'Set to 1 to report only Stage 1 failures (under 7 days); the l2beat-stage1 preset does this.' },
  },
  *check({ holders, entities, model, options }) {
    const withdrawal = withdrawalDelay(model);
    const withdrawalDelays = model.delays.filter((d) => d.kind === 'withdrawal');
    // An undeclared upgrader is left to unverified-authority, which asks what it is.
    for (const { holder, delay, window } of exitWindows(holders, model, entities, false)) {
      const upgrades = holder.grants.filter((g) => g.powers.includes('upgrade'));
      const timelock = upgradeTimelock(holder, model);
      const stage1 = THRESHOLDS.stage1ExitWindow.value;
      const stage2 = THRESHOLDS.stage2ExitWindow.value;
      const failsStage1 = window < stage1;
      if (!failsStage1 && (window >= stage2 || options.stage === 1)) continue;
      const target = failsStage1 ? stage1 : stage2;
      // The fix meets the bar this rule checks, so applying it clears the finding rather than turning a Stage 1 error into a Stage 2 warning.
      const bar = options.stage === 1 ? stage1 : stage2;
      const needs = failsStage1 && bar !== target ? `L2BEAT Stage 1 needs at least ${formatDuration(stage1)} and Stage 2 ${formatDuration(stage2)}` : `L2BEAT Stage ${failsStage1 ? 1 : 2} needs at least ${formatDuration(target)}`;
      const windowText = window <= 0 ? 'no exit window at all' : `an exit window of ${formatDuration(window)}`;
      const delayText = delay === 0 ? 'with no delay' : `after ${formatDuration(delay)}`;
      const withdrawalText = withdrawal > 0 ? ` while withdrawals take ${formatDuration(withdrawal)}` : '';
      const advice = `${needs}: add a timelock of ${formatDuration(bar + withdrawal)} or more${bar !== target ? ` (${formatDuration(target + withdrawal)} for Stage 1)` : ''}, or give upgrades to a 75% Security Council.`;
      const label = entities.label(holder.entity);
      const what = `It is ${entities.describe(holder.entity)}.`;
      const roles = roleTitles(upgrades);
      const bareRoles = listOf(upgrades.map((g) => withoutAsides(g.title)));
      const withdrawals = withdrawal > 0 ? `Withdrawals take ${formatDuration(withdrawal)}. ` : '';
      yield {
        at: upgrades[0].at,
        severity: failsStage1 ? byNetwork(model.chain.network, 'error', 'warning', 'info') : byNetwork(model.chain.network, 'warning', 'warning', 'info'),
        subjects: holder.entity.addressKeys,
        ...fitRow([
          [`${entities.who(holder.entity)} can upgrade as ${roles} ${delayText}${withdrawalText}, leaving users ${windowText}.`, advice],
          [`${label} can upgrade as ${roles} ${delayText}${withdrawalText}, leaving users ${windowText}.`, `${what} ${advice}`],
          [`${label} can upgrade as ${roles} ${delayText}, leaving users ${windowText}.`, `${what} ${withdrawals}${advice}`],
          [`${label} can upgrade as ${bareRoles} ${delayText}, leaving users ${windowText}.`, `${what} Its roles: ${roles}. ${withdrawals}${advice}`],
          [`${label} can upgrade ${delayText}, leaving users ${windowText}.`, `${what} It upgrades as ${roles}. ${withdrawals}${advice}`],
        ], [
          [`${withoutAsides(label)} can upgrade as ${bareRoles} ${delayText}, leaving users ${windowText}.`, `It is ${label}, ${entities.describe(holder.entity)}. Its roles: ${roles}. ${withdrawals}${advice}`],
          [`${withoutAsides(label)} can upgrade ${delayText}, leaving users ${windowText}.`, `It is ${label}, ${entities.describe(holder.entity)}, and upgrades as ${roles}. ${withdrawals}${advice}`],
        ]),
        related: [...(timelock ? [{ at: timelock.at, message: `${timelock.title}: ${formatDuration(delay)}` }] : []), ...withdrawalDelays.map((d) => ({ at: d.at, message: `${d.title}: ${formatDuration(d.seconds ?? 0)}` }))],
        fixes: timelock ? [setDelay(timelock, bar + withdrawal)] : [],
      };
    }
  },
};

/** Writes a delay in the field's own unit. */
export function delayValue(delay: Delay, seconds: number): number | string {
  if (delay.unit === 'blocks') return Math.ceil(seconds / (delay.blockSeconds ?? 1));
  if (delay.unit === 'duration') return seconds % 86_400 === 0 ? `${seconds / 86_400}d` : `${seconds}s`;
  return seconds;
}

export function setDelay(delay: Delay, seconds: number): Fix {
  return { title: `Set the ${delay.title} to ${formatDuration(seconds)}`, changes: 'security-parameter', edits: [{ at: delay.at, value: delayValue(delay, seconds) }] };
}
