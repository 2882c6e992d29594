import { THRESHOLDS } from '../data/thresholds';
import type { EntityIndex } from '../entities';
import type { Entity } from '../entities/types';
import type { Power } from '../model/schema';
import { isRollupFamily } from './framework-terms';
import { byNetwork, capitalized, cite, listOf, powerVerbs, roleTitles, someOf } from './phrases';
import { fitRow, withoutAsides } from './one-row';
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
      const verbs = powerVerbs(powers, frameworkOf(control[0].at));
      const roles = roleTitles(control);
      const text = problem.because ? `${problem.what}: ${problem.because}` : problem.what;
      // L2BEAT's council bar speaks for rollups; a chain with its own consensus is judged by how few must collude.
      const advice = isRollupFamily(frameworkOf(control[0].at))
        ? `L2BEAT Stage 1 needs at least ${minSigners} signers and a ${minRatio * 100}% threshold (6-of-8); move the power to such a council or behind a timelock.`
        : `So few parties decide for the whole chain (${cite('quantifyingDecentralization')}). Move the power to on-chain governance, or to a multisig of independent signers behind a timelock.`;
      const because = problem.because ? `${capitalized(problem.because)}. ` : '';
      yield {
        at: control[0].at,
        severity: problem.severe ? byNetwork(model.chain.network, 'error', 'warning', 'info') : byNetwork(model.chain.network, 'warning', 'warning', 'info'),
        subjects: entity.addressKeys,
        ...fitRow([
          [`${label} can ${verbs} (${roles}) and is ${problem.what}.`, `${because}${advice}`],
          [`${label} can ${verbs} and is ${problem.what}.`, `Its roles: ${roles}. ${because}${advice}`],
          [`${label} can ${verbs} and is ${problem.kind}.`, `Its roles: ${roles}. It is ${text}. ${advice}`],
          [`${label} holds ${someOf(control.map((g) => g.title), 1)} and is ${problem.kind}.`, `As ${roles}, it can ${verbs}. It is ${text}. ${advice}`],
        ], [
          [`${withoutAsides(label)} can ${verbs} and is ${problem.kind}.`, `It is ${label}, ${text}. Its roles: ${roles}. ${advice}`],
          [`${withoutAsides(label)} holds ${someOf(control.map((g) => withoutAsides(g.title)), 1)} and is ${problem.kind}.`, `It is ${label}, ${text}. As ${roles}, it can ${verbs}. ${advice}`],
        ]),
        related: [
          ...control.slice(1).map((g) => ({ at: g.at, message: `${label} is also the ${g.title}` })),
          ...(council?.thresholdAt ? [{ at: council.thresholdAt, message: `${council.name}'s threshold` }] : []),
        ],
        fixes,
      };
    }
  },
};

/** Why a holder falls short of a council: what it is in brief (`kind`), with its shortfalls (`what`), and what follows. */
interface Weakness {
  kind: string;
  what: string;
  because?: string;
  severe: boolean;
}

function weakness(entity: Entity, entities: EntityIndex, minSigners: number, minRatio: number, path = new Set<string>()): Weakness | undefined {
  if (entity.kind === 'eoa') return { kind: 'a single key (EOA)', what: 'a single key (EOA)', because: 'one lost or stolen key is enough', severe: true };
  // A contract or timelock verified on chain is as weak as the weakest of those who control it.
  if ((entity.kind === 'contract' || entity.kind === 'timelock') && entity.members?.length && !path.has(entity.id)) {
    const inner = new Set(path).add(entity.id);
    const found = entity.members
      .map((id) => entities.get(id))
      .filter((member): member is Entity => member !== undefined && !entities.isProperCouncil(member))
      .map((member) => ({ member, problem: weakness(member, entities, minSigners, minRatio, inner) }))
      .filter((m): m is { member: Entity; problem: Weakness } => m.problem !== undefined)
      .sort((a, b) => Number(b.problem.severe) - Number(a.problem.severe))[0];
    if (!found) return undefined;
    const kind = `${entity.kind === 'timelock' ? 'a timelock' : 'a contract'} controlled by ${entities.label(found.member)}`;
    return { kind, what: `${kind}, which is ${found.problem.what}`, because: found.problem.because, severe: found.problem.severe };
  }
  if (entity.kind !== 'multisig' || entity.signers === undefined) return undefined;
  if (entity.threshold === undefined) {
    // A body whose threshold is set elsewhere (a Substrate collective: per motion, by the runtime) is still thin when it is small.
    const { signers } = entity;
    if (signers >= minSigners) return undefined;
    if (signers <= 1) return signers === 1 ? { kind: 'a body of one member', what: 'a body of one member, who acts alone', severe: true } : { kind: 'a body of no members', what: 'a body of no members', severe: true };
    return { kind: `a body of only ${signers} members`, what: `a body of only ${signers} members whose threshold is not stated`, because: `at most ${signers} must agree`, severe: false };
  }
  const { threshold, signers } = entity;
  const kind = `a ${threshold}-of-${signers} multisig`;
  if (threshold <= 1) return { kind, what: kind, because: 'any one signer can act alone', severe: true };
  const reasons: string[] = [];
  if (signers < minSigners) reasons.push(`only ${signers} signers`);
  if (threshold / signers < minRatio) reasons.push(`a ${Math.round((threshold / signers) * 100)}% threshold`);
  const blocking = signers - threshold + 1;
  if (entity.external !== undefined && entity.external < blocking) reasons.push(`${entity.external} external signer${entity.external === 1 ? '' : 's'} where ${blocking} are needed to block a quorum`);
  if (reasons.length === 0) return undefined;
  return { kind, what: `${kind} with ${listOf(reasons)}`, because: `${threshold} signers can act`, severe: false };
}
