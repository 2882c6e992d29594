import { basename } from 'node:path';
import { settlesOnParent } from '../engine/chain-kind';
import { ConfigResolver } from '../engine/config/discover';
import type { EntityIndex } from '../engine/entities';
import { lintPaths, UsageError, type WorkspaceResult } from '../engine/workspace';
import type { Address, AuthorityModel } from '../engine/model/schema';
import type { Expectation } from './read-address';

/** The addresses of the linted configs that act on one chain, and the rollups deployed there. */
export interface ChainPlan {
  /** Namespaced id of the chain where they act (`evm:1`); undefined when no file says (a registry file names no L1): then the one URL given is used. */
  where?: string;
  /** The configs' chains whose addresses these are, for messages: "Base (evm:8453)". */
  sources: string[];
  /** Lower-case address → what a config says it is, when it says. */
  roots: Map<string, Expectation | undefined>;
  /** OP Stack chains whose L1 contracts are deployed here: their own id and the contracts their files name. */
  rollups: { id: string; contracts: Record<string, string> }[];
}

export class VerifyUsageError extends Error {
  override name = 'VerifyUsageError';
}

/**
 * Lints `paths` offline, as `lint` does, and collects for each chain every EVM address that holds a
 * power (grant holders, councils and their members) and every deployed contract its files name,
 * with the chain where they act: the parent chain of a chain that settles on one (its roles live in
 * contracts there), else the chain itself.
 */
export function planVerify(paths: string[]): ChainPlan[] {
  let result: WorkspaceResult;
  try {
    result = lintPaths(paths, { resolver: new ConfigResolver(), models: true });
  } catch (error) {
    if (error instanceof UsageError) throw new VerifyUsageError(error.message);
    throw error;
  }
  if (result.configProblems.length > 0) {
    const first = result.configProblems[0];
    throw new VerifyUsageError(`${first.file}: ${first.message} (fix the configuration first; verify reads it as lint does)`);
  }
  const byWhere = new Map<string, ChainPlan>();
  const planFor = (where: string | undefined, source: string): ChainPlan => {
    const plan: ChainPlan = byWhere.get(where ?? '*') ?? { where, sources: [], roots: new Map(), rollups: [] };
    byWhere.set(where ?? '*', plan);
    if (!plan.sources.includes(source)) plan.sources.push(source);
    return plan;
  };
  const seen = new Set<AuthorityModel>();
  for (const report of result.reports) {
    const model = report.chain;
    const entities = report.entities;
    if (!model || !entities || seen.has(model)) continue;
    seen.add(model);
    const own = ownEvmId(model);
    const where = settlesOnParent(model) ? model.chain.parent?.id : own;
    const source = model.chain.name ? `${model.chain.name}${own ? ` (${own})` : ''}` : own ?? basename(report.uri);
    for (const { address, role } of powerHolders(model)) {
      const onItself = role !== undefined && ON_THE_CHAIN_ITSELF.has(role) && where !== own;
      // Without its own chain id, where such a role acts cannot be told.
      if (onItself && !own) continue;
      const target = onItself ? own : where;
      if (target !== undefined && !target.startsWith('evm:')) continue;
      const plan = planFor(target, source);
      const key = address.raw.trim().toLowerCase();
      plan.roots.set(key, plan.roots.get(key) ?? expectationOf(address, entities));
    }
    const contracts = Object.fromEntries((model.contracts ?? []).filter((c) => c.address.scheme === 'evm').map((c) => [c.name, c.address.raw.trim().toLowerCase()]));
    if (model.chain.framework === 'op-stack' && own && Object.keys(contracts).length > 0 && (where === undefined || where.startsWith('evm:'))) planFor(where, source).rollups.push({ id: own, contracts });
  }
  return [...byWhere.values()];
}

/**
 * Roles of a rollup that act on the rollup itself, not on its parent: its own ProxyAdmin's owner,
 * predeploy owners, ArbOwner's fee accounts. Read on the parent chain, such an address would show
 * what it is there, which says nothing of what it is on the rollup.
 */
const ON_THE_CHAIN_ITSELF = new Set(['l2ProxyAdminOwner', 'governanceTokenOwner', 'l2CrossDomainMessengerOwner', 'gasPriceOracleOwner', 'networkFeeReceiver', 'infrastructureFeeCollector']);

/** Every EVM address a power rests on, with the role it holds: grant holders, councils and their members, the contracts the files name. */
function powerHolders(model: AuthorityModel): { address: Address; role?: string }[] {
  const all = [
    ...model.grants.map((g) => ({ address: g.holder, role: g.role })),
    ...model.councils.flatMap((c) => [...(c.address ? [c.address] : []), ...c.members]).map((address) => ({ address })),
    ...(model.contracts ?? []).map((c) => ({ address: c.address })),
  ];
  return all.filter((a) => a.address.scheme === 'evm');
}

function ownEvmId(model: AuthorityModel): string | undefined {
  return model.chain.identity?.ids.find((id) => id.startsWith('evm:')) ?? (model.chain.chainId && /^\d+$/.test(model.chain.chainId) ? `evm:${model.chain.chainId}` : undefined);
}

/** A Safe or a timelock, when a declaration (in .chokepoint.yaml, a comment, a manifest's council) says so. */
function expectationOf(address: Address, entities: EntityIndex): Expectation | undefined {
  const entity = entities.entityOf(address);
  const by = entity.declared?.by;
  if (by !== 'config' && by !== 'annotation' && by !== 'manifest') return undefined;
  const kind = entity.kind === 'multisig' ? 'safe' : entity.kind === 'timelock' ? 'timelock' : undefined;
  if (!kind) return undefined;
  const file = entity.declared?.file ? basename(entity.declared.file) : 'the configuration';
  const what = entities.describe(entity);
  const where = by === 'config' ? `in ${file}` : by === 'annotation' ? `by a chokepoint: comment in ${file}` : `as a council in ${file}`;
  return { kind, why: `${entity.name} is declared ${what} ${where}` };
}
