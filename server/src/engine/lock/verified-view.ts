import { proofSystemFromRoles } from '../adapters/verified-roles';
import type { VerifiedSource } from '../config/resolved';
import type { AuthorityModel, ProofSystem } from '../model/schema';
import { readAt } from './describe';
import type { LockedChain, LockedRoles } from './schema';

/** One chain of one verified source, as it applies to the chain being linted. */
export interface AppliedSection {
  source: VerifiedSource;
  /** Namespaced id of the chain the facts were read on: `evm:1`. */
  chainId: string;
  chain: LockedChain;
}

/** What the verified sources say about the chain being linted, for the entity index and the rules. */
export interface VerifiedView {
  /** The sections that apply, oldest read first: a later read overrides an earlier one. */
  sections: AppliedSection[];
  /** The roles the deployed contracts report for this chain, from the newest section that has them. */
  roles?: { values: LockedRoles; section: AppliedSection };
  /** What the files said of the proof system, when the chain's report replaced it. */
  fileProofSystem?: ProofSystem;
}

/**
 * The sections of the verified sources that speak for a chain, and the roles its deployed contracts
 * report. A rollup's powers act on its parent chain, so that section comes first; then the chain's
 * own; a lock of a single chain applies to a chain that states neither. Where the deployed
 * contracts report the proof system, it replaces what the files say (a verified fact outranks a
 * file), and what the files said is kept for `config-drift`.
 */
export function applyVerified(model: AuthorityModel, sources: VerifiedSource[] | undefined): VerifiedView {
  const sections = applicableSections(model, sources ?? []);
  const ids = model.chain.identity?.ids ?? [];
  let roles: VerifiedView['roles'];
  for (const section of [...sections].reverse()) {
    const id = ids.find((candidate) => section.chain.rollups?.[candidate]);
    if (id) {
      roles = { values: section.chain.rollups![id], section };
      break;
    }
  }
  const view: VerifiedView = { sections, ...(roles ? { roles } : {}) };
  if (!roles) return view;
  const onChain = proofSystemFromRoles(roles.values, model);
  if (!onChain || onChain.kind === model.proofSystem?.kind) return view;
  if (model.proofSystem) view.fileProofSystem = model.proofSystem;
  model.proofSystem = { kind: onChain.kind, title: `${onChain.title}, as the chain's contracts reported ${readAt(roles.section.chainId, roles.section.chain)}`, at: model.proofSystem?.at ?? onChain.at };
  return view;
}

function applicableSections(model: AuthorityModel, sources: VerifiedSource[]): AppliedSection[] {
  const parent = model.chain.parent?.id;
  const candidates = [parent, ...(model.chain.identity?.ids ?? [])].filter((id): id is string => id !== undefined);
  const sections: AppliedSection[] = [];
  for (const source of sources) {
    const chains = source.lock.chains;
    const keys = Object.keys(chains);
    const chainId = candidates.find((id) => Object.prototype.hasOwnProperty.call(chains, id)) ?? (parent === undefined && keys.length === 1 ? keys[0] : undefined);
    if (chainId !== undefined) sections.push({ source, chainId, chain: chains[chainId] });
  }
  return sections.sort((a, b) => a.chain.block.number - b.chain.block.number || a.chain.block.timestamp.localeCompare(b.chain.block.timestamp));
}
