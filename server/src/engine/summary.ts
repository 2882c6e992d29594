import type { EntityIndex } from './entities';
import type { Entity } from './entities/types';
import type { FileReport } from './lint';
import type { Power } from './model/schema';
import { holdersOf } from './rules/holders';
import { estimateStage, stageText, type StageEstimate } from './stages';

/** Powers whose holder can change or stop the chain. */
const CONTROL: ReadonlySet<Power> = new Set(['upgrade', 'pause', 'mint', 'censor', 'deploy', 'set-params', 'govern', 'set-validators']);

/**
 * The chain's headline measure, named alike wherever it is shown (status item, report, authority
 * map). A holder's own count is its "parties to collude"; it is not a Nakamoto coefficient, which
 * counts the holders of a distribution (metrics.ts).
 */
export const FEWEST_PARTIES = {
  name: 'Fewest parties to collude',
  meaning: 'the fewest parties that must act together to use a control power (upgrade, pause, mint, censor, deploy, change parameters or validators, govern)',
};

export interface ChainSummary {
  /** The L2BEAT stage the configuration supports, with what is unknown; undefined for a file that is no recognized config. */
  stage?: StageEstimate;
  /** Fewest parties to collude (`FEWEST_PARTIES`); undefined when nothing holds a control power. */
  fewestParties?: number;
  /** Who that is, for people. */
  weakest?: string;
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Parties that must act together to use an entity's powers, following nested ownership: a single
 * key or an undeclared address is 1 (assume the worst until declared); a multisig needs its
 * threshold of members, each counted as what it takes to act as that member (an owner that is
 * itself a 1-of-1 Safe counts 1, a 2-of-3 counts 2; unlisted signers count 1); a timelock or a
 * contract is as strong as its weakest member. A member already on the path is cut: in a cycle it
 * cannot act without the entity it belongs to. A key that sits in several nested Safes counts once;
 * the members are chosen greedily, so an unusual layout of shared keys may be counted high.
 * Undefined for on-chain governance and module accounts.
 */
export function collusion(entity: Entity, entities: EntityIndex): number | undefined {
  return coalition(entity, entities, new Set())?.size;
}

/** The fewest leaf parties (entity ids) that can act as `entity`. */
function coalition(entity: Entity, entities: EntityIndex, path: Set<string>): Set<string> | undefined {
  if (entity.kind === 'governance' || entity.kind === 'module') return undefined;
  path.add(entity.id);
  try {
    const listed = entity.members ?? [];
    const cut = listed.filter((id) => path.has(id)).length;
    const members = listed.filter((id) => !path.has(id)).map((id) => entities.get(id));
    // An id that names no entity is a party of its own, like a signer the declaration does not list.
    const options = members.map((member, i) => (member ? coalition(member, entities, path) ?? new Set([member.id]) : new Set([`${entity.id}#${i}`])));
    if (entity.threshold !== undefined) {
      const seats = Math.max(entity.threshold, Math.max(entity.signers ?? 0, listed.length) - cut);
      for (let i = options.length; i < seats; i++) options.push(new Set([`${entity.id}#${i}`]));
      return cheapest(options, entity.threshold);
    }
    if (options.length > 0) return options.reduce((a, b) => (b.size < a.size ? b : a));
    return new Set([entity.id]);
  } finally {
    path.delete(entity.id);
  }
}

/** `count` of the options whose union is smallest, chosen greedily. */
function cheapest(options: Set<string>[], count: number): Set<string> {
  const chosen = new Set<string>();
  const pool = [...options];
  for (let k = 0; k < count && pool.length > 0; k++) {
    let best = 0;
    let bestAdded = Number.POSITIVE_INFINITY;
    pool.forEach((option, i) => {
      let added = 0;
      for (const party of option) if (!chosen.has(party)) added++;
      if (added < bestAdded) {
        best = i;
        bestAdded = added;
      }
    });
    for (const party of pool[best]) chosen.add(party);
    pool.splice(best, 1);
  }
  return chosen;
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
    if (parties !== undefined && (summary.fewestParties === undefined || parties < summary.fewestParties)) {
      summary.fewestParties = parties;
      summary.weakest = entities.label(holder.entity);
    }
  }

  summary.stage = estimateStage(model, entities);
  return summary;
}

/** "At most Stage 0 · Fewest parties to collude: 1", "Not a rollup · Fewest parties to collude: 4". */
export function summaryText(summary: ChainSummary): string {
  const parts: string[] = [];
  if (summary.stage) parts.push(stageText(summary.stage));
  if (summary.fewestParties !== undefined) parts.push(`${FEWEST_PARTIES.name}: ${summary.fewestParties}`);
  return parts.join(' · ');
}
