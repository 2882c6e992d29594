import type { EntityIndex } from './entities';
import type { Entity } from './entities/types';
import type { FileReport } from './lint';
import type { Power } from './model/schema';
import { holdersOf } from './rules/holders';
import { devKeyFor } from './data/dev-keys';
import { THRESHOLDS } from './data/thresholds';
import type { AuthorityModel } from './model/schema';
import { exitWindows } from './rules/exit-window';

/** Powers whose holder can change or stop the chain. */
const CONTROL: ReadonlySet<Power> = new Set(['upgrade', 'pause', 'mint', 'censor', 'set-params', 'govern', 'set-validators']);

export interface ChainSummary {
  /** The L2BEAT stage the findings allow at most; undefined where stages do not apply (no upgradeable contracts or proof system). */
  stage?: 0 | 1 | 2;
  /** Fewest parties that must collude to exercise a control power; undefined when nothing holds one. */
  nakamoto?: number;
  /** Who that is, for people. */
  weakest?: string;
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Parties that must act together to use an entity's powers: 1 for a single key or an undeclared
 * address (assume the worst until declared), the threshold for a multisig.
 */
export function collusion(entity: Entity, entities: EntityIndex, seen = new Set<string>()): number | undefined {
  if (seen.has(entity.id)) return undefined;
  seen.add(entity.id);
  if (entity.kind === 'governance') return undefined;
  if (entity.threshold !== undefined) return entity.threshold;
  const inner = (entity.members ?? []).map((id) => entities.get(id)).filter((e): e is Entity => e !== undefined).map((e) => collusion(e, entities, seen)).filter((n): n is number => n !== undefined);
  if (inner.length > 0) return Math.min(...inner);
  return 1;
}

/** A one-line view of where authority settles in a file's chain: the stage its configuration allows and its weakest holder. */
export function summarize(report: FileReport): ChainSummary {
  const summary: ChainSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const finding of report.findings) {
    if (finding.severity === 'error') summary.errors++;
    else if (finding.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  const model = report.chain ?? report.model;
  const { entities } = report;
  if (!model || !entities) return summary;

  for (const holder of holdersOf(model, entities)) {
    if (![...holder.powers].some((p) => CONTROL.has(p))) continue;
    const parties = collusion(holder.entity, entities);
    if (parties !== undefined && (summary.nakamoto === undefined || parties < summary.nakamoto)) {
      summary.nakamoto = parties;
      summary.weakest = entities.label(holder.entity);
    }
  }

  if (stagesApply(model)) summary.stage = stageOf(stageRequirements(model, entities));
  return summary;
}

/** One requirement of an L2BEAT stage that a configuration can show, and whether the model meets it. */
export interface StageRequirement {
  stage: 1 | 2;
  id: 'proof-system' | 'exit-window-7d' | 'forced-inclusion' | 'no-dev-key-upgrader' | 'permissionless-proofs' | 'exit-window-30d';
  /** The requirement, in a sentence. */
  title: string;
  met: boolean;
  /** Rules whose findings show why it is not met. */
  rules: string[];
  /** Address keys of the holders that break it, to pick their findings out of the rules'. */
  subjects: string[];
}

/**
 * The requirements a config can show: a working proof system, exit windows against upgraders
 * less trusted than a 75% Security Council (an undeclared upgrader counts as instant, as L2BEAT
 * scores it), forced inclusion, no development key that can upgrade, and for Stage 2
 * permissionless proofs and 30-day windows.
 */
export function stageRequirements(model: AuthorityModel, entities: EntityIndex): StageRequirement[] {
  const windows = exitWindows(holdersOf(model, entities), model, entities, true);
  const shortOf = (limit: number) => windows.filter((w) => w.window < limit).flatMap((w) => w.holder.entity.addressKeys);
  const inclusion = model.delays.filter((d) => d.kind === 'forced-inclusion');
  const proof = model.proofSystem?.kind;
  const devUpgraders = model.grants.filter((g) => g.powers.includes('upgrade') && devKeyFor(g.holder.key)).map((g) => g.holder.key);
  const stage1Window = shortOf(THRESHOLDS.stage1ExitWindow.value);
  const stage2Window = shortOf(THRESHOLDS.stage2ExitWindow.value);
  return [
    { stage: 1, id: 'proof-system', title: 'A working proof system checks the state the chain settles', met: proof !== 'none', rules: ['permissioned-proofs'], subjects: [] },
    { stage: 1, id: 'exit-window-7d', title: 'Users have at least 7 days to exit before an upgrade by anyone less trusted than a 75% Security Council', met: stage1Window.length === 0, rules: ['short-exit-window'], subjects: stage1Window },
    { stage: 1, id: 'forced-inclusion', title: 'Users can force their transactions in within 7 days, without the sequencer', met: inclusion.every((d) => d.seconds !== null && d.seconds < THRESHOLDS.forcedInclusionMax.value), rules: ['forced-inclusion-window'], subjects: [] },
    { stage: 1, id: 'no-dev-key-upgrader', title: 'No well-known development key can upgrade', met: devUpgraders.length === 0, rules: ['dev-key-authority'], subjects: devUpgraders },
    { stage: 2, id: 'permissionless-proofs', title: 'Anyone can submit proofs (permissionless proof system)', met: proof !== 'permissioned-fraud', rules: ['permissioned-proofs'], subjects: [] },
    { stage: 2, id: 'exit-window-30d', title: 'Users have at least 30 days to exit before an upgrade not limited to provable bugs', met: stage2Window.length === 0, rules: ['short-exit-window'], subjects: stage2Window },
  ];
}

/** True when L2BEAT stages apply to the model: it has upgradeable contracts or a proof system. */
export function stagesApply(model: AuthorityModel): boolean {
  return model.proofSystem !== undefined || model.grants.some((g) => g.powers.includes('upgrade'));
}

/** The highest L2BEAT stage whose requirements (and those of the stages below it) are all met. */
export function stageOf(requirements: StageRequirement[]): 0 | 1 | 2 {
  if (requirements.some((r) => r.stage === 1 && !r.met)) return 0;
  return requirements.some((r) => r.stage === 2 && !r.met) ? 1 : 2;
}

/** "Stage 0 · Nakamoto 1" */
export function summaryText(summary: ChainSummary): string {
  const parts: string[] = [];
  if (summary.stage !== undefined) parts.push(`Stage ${summary.stage}`);
  if (summary.nakamoto !== undefined) parts.push(`Nakamoto ${summary.nakamoto}`);
  return parts.join(' · ');
}
