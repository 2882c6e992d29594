import { chainKind, noStageReason, type ChainKind } from './chain-kind';
import { devKeyFor } from './data/dev-keys';
import { THRESHOLDS } from './data/thresholds';
import type { EntityIndex } from './entities';
import { formatDuration } from './model/duration';
import type { AuthorityModel } from './model/schema';
import { upgradeDelay, withdrawalDelay } from './rules/exit-window';
import { holdersOf } from './rules/holders';
import { listOf } from './rules/phrases';
import type { Holder } from './rules/types';

/**
 * The L2BEAT stage a configuration supports, from the requirements a configuration can show
 * (L2BEAT getStage.ts; the Stage 1 exit window and council from Vitalik's "training wheels").
 * Each requirement is met, unmet, or unknown when the files do not say; an unknown requirement is
 * never counted as met, so no stage is shown that the evidence does not support.
 */

export type RequirementStatus = 'met' | 'unmet' | 'unknown';

export interface StageRequirement {
  stage: 0 | 1 | 2;
  id: 'proof-system' | 'outside-challengers' | 'exit-window-7d' | 'forced-inclusion' | 'no-dev-key-upgrader' | 'permissionless-proofs' | 'exit-window-30d';
  /** The requirement, in a sentence. */
  title: string;
  status: RequirementStatus;
  /** When unknown: the fact that would decide it, and how to give it. */
  missing?: string;
  /** Rules whose findings show why it is not met. */
  rules: string[];
  /** Address keys of the holders that break it (or leave it unknown), to pick their findings out of the rules'. */
  subjects: string[];
}

export interface StageEstimate {
  kind: ChainKind;
  /** False where L2BEAT stages do not apply: chains with their own consensus, and those whose data is off the parent chain. */
  applies: boolean;
  /** The highest stage whose requirements, and those below, are all met; undefined when even Stage 0's are unknown. */
  stage?: 0 | 1 | 2;
  /** `exact`: a requirement of the next stage is unmet (or this is Stage 2). `at-most`: the next stage's requirements are met or unknown. `unknown`: Stage 0's are not known. */
  bound: 'exact' | 'at-most' | 'unknown';
  /** The facts that would decide the next stage, when the bound is not exact. */
  missing: string[];
  requirements: StageRequirement[];
}

/** Where each framework states its proof system, for the missing fact. */
const PROOF_MISSING: Record<string, string> = {
  'op-stack': 'which dispute game withdrawals respect (respectedGameType, or the dispute games deployed)',
  'arbitrum-orbit': 'whether its validators are whitelisted and how many there are (the rollup\'s validators and validatorWhitelistDisabled)',
  'polygon-zkevm': 'whether its verifier checks real proofs (realVerifier)',
  'polygon-cdk': 'whether its verifier checks real proofs (realVerifier)',
};

const DECLARE = 'declare it under `entities:` in .chokepoint.yaml or with a `chokepoint:` comment on its line';

/** The stage a chain's configuration supports, with each requirement's status. */
export function estimateStage(model: AuthorityModel, entities: EntityIndex): StageEstimate {
  const kind = chainKind(model);
  if (kind !== 'rollup') return { kind, applies: false, bound: 'exact', missing: [], requirements: [] };
  const requirements = stageRequirements(model, entities);
  for (const stage of [0, 1, 2] as const) {
    const ofStage = requirements.filter((r) => r.stage === stage);
    const unknown = ofStage.filter((r) => r.status === 'unknown');
    if (ofStage.some((r) => r.status === 'unmet')) return { kind, applies: true, stage: stage === 0 ? 0 : ((stage - 1) as 0 | 1), bound: 'exact', missing: [], requirements };
    if (unknown.length > 0) {
      const missing = [...new Set(unknown.map((r) => r.missing ?? r.title))];
      return stage === 0
        ? { kind, applies: true, bound: 'unknown', missing, requirements }
        : { kind, applies: true, stage: (stage - 1) as 0 | 1, bound: 'at-most', missing, requirements };
    }
  }
  return { kind, applies: true, stage: 2, bound: 'exact', missing: [], requirements };
}

/** "Stage 1", "At most Stage 0", "Stage unknown", "Not a rollup", "No stage". */
export function stageText(estimate: StageEstimate): string {
  if (!estimate.applies) return estimate.kind === 'own-consensus' ? 'Not a rollup' : 'No stage';
  if (estimate.bound === 'unknown') return 'Stage unknown';
  return estimate.bound === 'at-most' ? `At most Stage ${estimate.stage}` : `Stage ${estimate.stage}`;
}

/** What the estimate rests on, in a sentence or two. */
export function stageNote(estimate: StageEstimate): string {
  if (!estimate.applies) return noStageReason(estimate.kind)!;
  const unmet = estimate.requirements.filter((r) => r.status === 'unmet');
  const missing = estimate.missing.length > 0 ? listOf(estimate.missing) : '';
  if (estimate.bound === 'unknown') return `The configuration does not show whether the chain meets even Stage 0: it does not state ${missing}.`;
  if (estimate.bound === 'at-most') return `At most Stage ${estimate.stage} until the configuration states ${missing}; a requirement it does not show is not counted as met.`;
  if (estimate.stage === 0 && unmet.some((r) => r.stage === 0)) return 'A Stage 0 requirement is not met: L2BEAT would list the chain under "Others" rather than as a Stage 0 rollup.';
  return unmet.length === 0 ? 'Every requirement the configuration can show is met.' : `${unmet.length} requirement${unmet.length === 1 ? ' is' : 's are'} not met; the stage is the highest whose requirements, and those below it, all are.`;
}

function requirement(stage: StageRequirement['stage'], id: StageRequirement['id'], title: string, rules: string[], status: RequirementStatus, extra: { missing?: string; subjects?: string[] } = {}): StageRequirement {
  return { stage, id, title, status, rules, subjects: extra.subjects ?? [], ...(status === 'unknown' && extra.missing ? { missing: extra.missing } : {}) };
}

/** The requirements a configuration can show, each met, unmet or unknown. */
export function stageRequirements(model: AuthorityModel, entities: EntityIndex): StageRequirement[] {
  const holders = holdersOf(model, entities);
  const proof = model.proofSystem?.kind;
  const proofMissing = PROOF_MISSING[model.chain.framework] ?? 'which proof system checks its state roots';
  const proofStatus = (ok: boolean): RequirementStatus => (proof === undefined ? 'unknown' : ok ? 'met' : 'unmet');
  const devUpgraders = model.grants.filter((g) => g.powers.includes('upgrade') && devKeyFor(g.holder.key)).map((g) => g.holder.key);
  return [
    requirement(0, 'proof-system', 'A working proof system checks the state the chain settles', ['permissioned-proofs'], proofStatus(proof !== 'none'), { missing: proofMissing }),
    outsideChallengers(model, holders, proofMissing),
    exitWindow(1, model, entities, holders),
    forcedInclusion(model),
    requirement(1, 'no-dev-key-upgrader', 'No well-known development key can upgrade', ['dev-key-authority'], devUpgraders.length > 0 ? 'unmet' : 'met', { subjects: devUpgraders }),
    requirement(2, 'permissionless-proofs', 'Anyone can submit proofs (permissionless proof system)', ['permissioned-proofs'], proofStatus(proof === 'permissionless-fraud' || proof === 'validity'), { missing: proofMissing }),
    exitWindow(2, model, entities, holders),
  ];
}

/** L2BEAT's fraudProofSystemAtLeast5Outsiders: with whitelisted challengers, at least 5 must be able to dispute a state root. */
function outsideChallengers(model: AuthorityModel, holders: Holder[], proofMissing: string): StageRequirement {
  const title = `At least ${THRESHOLDS.proofMinOutsideChallengers.value} parties can challenge a false state root`;
  const proof = model.proofSystem?.kind;
  const rules = ['permissioned-proofs'];
  if (proof === undefined) return requirement(1, 'outside-challengers', title, rules, 'unknown', { missing: proofMissing });
  if (proof === 'permissionless-fraud' || proof === 'validity') return requirement(1, 'outside-challengers', title, rules, 'met');
  if (proof === 'none') return requirement(1, 'outside-challengers', title, rules, 'unmet');
  const challengers = holders.filter((h) => h.powers.has('challenge'));
  if (challengers.length === 0) return requirement(1, 'outside-challengers', title, rules, 'unknown', { missing: 'who may challenge state roots (the whitelisted challengers or validators)' });
  const subjects = challengers.flatMap((h) => h.entity.addressKeys);
  return requirement(1, 'outside-challengers', title, rules, challengers.length >= THRESHOLDS.proofMinOutsideChallengers.value ? 'met' : 'unmet', { subjects });
}

/**
 * Users can exit before an upgrade by anyone less trusted than a properly set-up Security Council:
 * 7 days for Stage 1, 30 for Stage 2. An upgrader whose nature is undeclared leaves it unknown, as
 * does an unstated withdrawal delay when the upgrade delay alone would suffice.
 */
function exitWindow(stage: 1 | 2, model: AuthorityModel, entities: EntityIndex, holders: Holder[]): StageRequirement {
  const limit = stage === 1 ? THRESHOLDS.stage1ExitWindow.value : THRESHOLDS.stage2ExitWindow.value;
  const id = stage === 1 ? 'exit-window-7d' : 'exit-window-30d';
  const title = stage === 1
    ? 'Users have at least 7 days to exit before an upgrade by anyone less trusted than a 75% Security Council'
    : 'Users have at least 30 days to exit before an upgrade not limited to provable bugs';
  const rules = ['short-exit-window', 'unverified-authority'];
  const upgraders = holders.filter((h) => h.grants.some((g) => g.powers.includes('upgrade')));
  if (upgraders.length === 0) return requirement(stage, id, title, rules, 'unknown', { missing: 'who can upgrade the contracts the chain settles through' });
  const withdrawal = withdrawalDelay(model);
  const withdrawalStated = model.delays.some((d) => d.kind === 'withdrawal' && d.seconds !== null);
  const short: Holder[] = [];
  const undeclared: Holder[] = [];
  let withdrawalMatters = false;
  for (const holder of upgraders) {
    if (stage === 1 && entities.isProperCouncil(holder.entity)) continue;
    const delay = upgradeDelay(holder, model, false);
    if (delay === undefined) undeclared.push(holder);
    else if (delay - withdrawal < limit) short.push(holder);
    else if (!withdrawalStated) withdrawalMatters = true;
  }
  if (short.length > 0) return requirement(stage, id, title, rules, 'unmet', { subjects: short.flatMap((h) => h.entity.addressKeys) });
  if (undeclared.length > 0) {
    const who = listOf(undeclared.map((h) => `${entities.label(h.entity)} (${h.grants.find((g) => g.powers.includes('upgrade'))!.title})`));
    return requirement(stage, id, title, rules, 'unknown', {
      missing: `what ${who} ${undeclared.length === 1 ? 'is' : 'are'}: a single key, a multisig or a timelock, and its delay (${DECLARE})`,
      subjects: undeclared.flatMap((h) => h.entity.addressKeys),
    });
  }
  if (withdrawalMatters) return requirement(stage, id, title, rules, 'unknown', { missing: `how long withdrawals take (the withdrawal or proof maturity delay), which the ${formatDuration(limit)} exit window is counted after` });
  return requirement(stage, id, title, rules, 'met');
}

function forcedInclusion(model: AuthorityModel): StageRequirement {
  const title = 'Users can force their transactions in within 7 days, without the sequencer';
  const rules = ['forced-inclusion-window'];
  const inclusion = model.delays.filter((d) => d.kind === 'forced-inclusion');
  if (inclusion.length === 0) return requirement(1, 'forced-inclusion', title, rules, 'unknown', { missing: 'whether users can force transactions in past the sequencer (the forced-inclusion window)' });
  const ok = inclusion.every((d) => d.seconds !== null && d.seconds < THRESHOLDS.forcedInclusionMax.value);
  return requirement(1, 'forced-inclusion', title, rules, ok ? 'met' : 'unmet');
}
