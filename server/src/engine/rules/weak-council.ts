import { THRESHOLDS } from '../data/thresholds';
import type { EntityIndex } from '../entities';
import type { Entity } from '../entities/types';
import type { Power } from '../model/schema';
import { isRollupFamily } from './framework-terms';
import { byNetwork, cite, listOf, powerVerbs, roleTitles } from './phrases';
import { withdrawalDelay } from './exit-window';
import type { Fix, Rule } from './types';

/** Powers that change or stop the chain. Challenging is checked by permissioned-proofs instead. */
const GOVERNING_POWERS: ReadonlySet<Power> = new Set(['upgrade', 'pause', 'mint', 'censor', 'deploy', 'set-params', 'govern', 'set-validators']);

export const weakCouncil: Rule = {
  meta: {
    id: 'weak-council',
    title: 'Control rests with a single key or a thin multisig',
    severity: 'warning',
    category: 'councils',
    description: 'A holder that can upgrade, pause, mint, censor, govern or change parameters without a timelock long enough to exit is a single key, or a multisig with fewer than 8 signers or a threshold below 75%.',
    rationale:
      'L2BEAT\'s Stage 1 requires that only a "properly set up" Security Council can act without giving users time to exit: at least 8 members and a 75% threshold, so at least 6-of-8 must collude. Vitalik\'s analysis of training wheels adds that a quorum-blocking subset (at least 3 of 8) must sit outside the main organization. A 2-of-3 of co-founders, or a 4-of-7 foundation Safe, is a plain multisig and is treated as such; a single key (EOA) is the weakest case.',
    remediation:
      'Move the power to a Security Council of at least 8 signers with a threshold of at least 75% (6-of-8, 9-of-12), with at least the quorum-blocking number of signers outside the organization; or put it behind a timelock long enough for users to exit. Declare nested Safes with `members:` in .chokepoint.yaml so a 2-of-2 with a proper council counts as one.',
    sources: ['l2beatStages', 'vitalikStages', 'arbitrumSecurityCouncilAip', 'quantifyingDecentralization'],
    thresholds: ['councilMinSigners', 'councilMinThreshold', 'stage1ExitWindow'],
    stage: 1,
    fixable: true,
  },
  *check({ holders, entities, model, frameworkOf }) {
    const minSigners = THRESHOLDS.councilMinSigners.value;
    const minRatio = THRESHOLDS.councilMinThreshold.value;
    const withdrawal = withdrawalDelay(model);
    for (const holder of holders) {
      const { entity } = holder;
      const control = holder.grants.filter((g) => g.powers.some((p) => GOVERNING_POWERS.has(p)));
      if (control.length === 0 || entities.isProperCouncil(entity)) continue;
      // L2BEAT treats a plain multisig behind an exit window of at least 7 days as Stage 1.
      if ((entity.delaySeconds ?? 0) - withdrawal >= THRESHOLDS.stage1ExitWindow.value) continue;
      const powers = new Set(control.flatMap((g) => g.powers).filter((p) => GOVERNING_POWERS.has(p)));
      const label = entities.label(entity);
      const problem = weakness(entity, entities, minSigners, minRatio);
      if (!problem) continue;
      const council = model.councils.find((c) => c.id === entity.id);
      const fixes: Fix[] = [];
      if (council?.thresholdAt && entity.signers !== undefined && entity.signers >= minSigners) {
        fixes.push({ title: `Raise the threshold to ${Math.ceil(entity.signers * minRatio)}-of-${entity.signers}`, changes: 'security-parameter', edits: [{ at: council.thresholdAt, value: Math.ceil(entity.signers * minRatio) }] });
      }
      yield {
        at: control[0].at,
        severity: problem.severe ? byNetwork(model.chain.network, 'error', 'warning', 'info') : byNetwork(model.chain.network, 'warning', 'warning', 'info'),
        subjects: entity.addressKeys,
        // L2BEAT's council bar speaks for rollups; a chain with its own consensus is judged by how few must collude.
        message: isRollupFamily(frameworkOf(control[0].at))
          ? `${label} can ${powerVerbs(powers, frameworkOf(control[0].at))} (${roleTitles(control)}) and is ${problem.text}. L2BEAT Stage 1 needs at least ${minSigners} signers and a ${minRatio * 100}% threshold (6-of-8); move the power to such a council or behind a timelock.`
          : `${label} can ${powerVerbs(powers, frameworkOf(control[0].at))} (${roleTitles(control)}) and is ${problem.text}, so that few parties decide for the whole chain (${cite('quantifyingDecentralization')}). Move the power to on-chain governance, or to a multisig of independent signers behind a timelock.`,
        related: [
          ...control.slice(1).map((g) => ({ at: g.at, message: `${label} is also the ${g.title}` })),
          ...(council?.thresholdAt ? [{ at: council.thresholdAt, message: `${council.name}'s threshold` }] : []),
        ],
        fixes,
      };
    }
  },
};

function weakness(entity: Entity, entities: EntityIndex, minSigners: number, minRatio: number, path = new Set<string>()): { text: string; severe: boolean } | undefined {
  if (entity.kind === 'eoa') return { text: 'a single key (EOA): one lost or stolen key is enough', severe: true };
  // A contract or timelock verified on chain is as weak as the weakest of those who control it.
  if ((entity.kind === 'contract' || entity.kind === 'timelock') && entity.members?.length && !path.has(entity.id)) {
    const inner = new Set(path).add(entity.id);
    const found = entity.members
      .map((id) => entities.get(id))
      .filter((member): member is Entity => member !== undefined && !entities.isProperCouncil(member))
      .map((member) => ({ member, problem: weakness(member, entities, minSigners, minRatio, inner) }))
      .filter((m): m is { member: Entity; problem: { text: string; severe: boolean } } => m.problem !== undefined)
      .sort((a, b) => Number(b.problem.severe) - Number(a.problem.severe))[0];
    if (found) return { text: `${entity.kind === 'timelock' ? 'a timelock' : 'a contract'} controlled by ${entities.label(found.member)}, which is ${found.problem.text}`, severe: found.problem.severe };
    return undefined;
  }
  if (entity.kind !== 'multisig' || entity.signers === undefined) return undefined;
  if (entity.threshold === undefined) {
    // A body whose threshold is set elsewhere (a Substrate collective: per motion, by the runtime) is still thin when it is small.
    const { signers } = entity;
    if (signers >= minSigners) return undefined;
    return signers <= 1
      ? { text: `a body of ${signers === 1 ? 'one member, who acts alone' : 'no members'}`, severe: true }
      : { text: `a body of only ${signers} members whose threshold is not stated: at most ${signers} must agree`, severe: false };
  }
  const { threshold, signers } = entity;
  if (threshold <= 1) return { text: `a ${threshold}-of-${signers} multisig: any one signer can act alone`, severe: true };
  const reasons: string[] = [];
  if (signers < minSigners) reasons.push(`only ${signers} signers`);
  if (threshold / signers < minRatio) reasons.push(`a ${Math.round((threshold / signers) * 100)}% threshold`);
  const blocking = signers - threshold + 1;
  if (entity.external !== undefined && entity.external < blocking) reasons.push(`${entity.external} external signer${entity.external === 1 ? '' : 's'} where ${blocking} are needed to block a quorum`);
  if (reasons.length === 0) return undefined;
  return { text: `a ${threshold}-of-${signers} multisig with ${listOf(reasons)}: ${threshold} signers can act`, severe: false };
}
