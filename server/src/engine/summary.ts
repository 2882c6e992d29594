import type { EntityIndex } from './entities';
import type { Entity } from './entities/types';
import type { FileReport } from './lint';
import type { Power } from './model/schema';
import { holdersOf } from './rules/holders';
import { estimateStage, stageText, type StageEstimate } from './stages';

/** Powers whose holder can change or stop the chain. */
const CONTROL: ReadonlySet<Power> = new Set(['upgrade', 'pause', 'mint', 'censor', 'deploy', 'set-params', 'govern', 'set-validators']);

export interface ChainSummary {
  /** The L2BEAT stage the configuration supports, with what is unknown; undefined for a file that is no recognized config. */
  stage?: StageEstimate;
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
  if (entity.kind === 'governance' || entity.kind === 'module') return undefined;
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

  summary.stage = estimateStage(model, entities);
  return summary;
}

/** "At most Stage 0 · Nakamoto 1", "Not a rollup · Nakamoto 4". */
export function summaryText(summary: ChainSummary): string {
  const parts: string[] = [];
  if (summary.stage) parts.push(stageText(summary.stage));
  if (summary.nakamoto !== undefined) parts.push(`Nakamoto ${summary.nakamoto}`);
  return parts.join(' · ');
}
