import { THRESHOLDS } from '../../data/thresholds';
import type { ModelBuilder, RoleSpec } from '../../model/builder';
import { isRecord, valueAt, withValueAt } from '../../model/read';
import type { Dependency } from '../../model/schema';
import type { ParsedDocument, Path } from '../../parse';
import { classifyNetwork, entryOf, networkFromChainId, networkFromName, type NetworkVerdict } from '../networks';
import { lookupTable } from '../../text/lookup';

/**
 * Arbitrum Orbit roles (docs.arbitrum.io "Ownership structure and access control"; Orbit SDK
 * createRollup parameters). The chain owner acts through the UpgradeExecutor: it upgrades the
 * rollup contracts on the parent chain and, through ArbOwner, sets the chain's parameters and fee
 * accounts. The owner of createRollup, the InitialChainOwner of the chain config and the chainOwner
 * of the setup script are the same role.
 */
export const ORBIT_ROLES = {
  chainOwner: { role: 'chainOwner', title: 'Chain owner', powers: ['upgrade', 'set-params'], layer: 'settlement', critical: true },
  initialChainOwner: { role: 'chainOwner', title: 'Initial chain owner (InitialChainOwner)', powers: ['upgrade', 'set-params'], layer: 'settlement', critical: true },
  rollupOwner: { role: 'chainOwner', title: 'Rollup owner', powers: ['upgrade', 'set-params'], layer: 'settlement', critical: true },
  networkFeeReceiver: { role: 'networkFeeReceiver', title: 'Network fee receiver', powers: ['receive-fees'], layer: 'execution', critical: false },
  infrastructureFeeCollector: { role: 'infrastructureFeeCollector', title: 'Infrastructure fee collector', powers: ['receive-fees'], layer: 'execution', critical: false },
  loserStakeEscrow: { role: 'loserStakeEscrow', title: 'Loser stake escrow (receives slashed stakes)', powers: ['receive-fees'], layer: 'settlement', critical: false },
  batchPoster: { role: 'batchPoster', title: 'Batch poster', powers: ['sequence'], layer: 'execution', critical: true },
  validator: { role: 'validator', title: 'Validator', powers: ['propose', 'challenge'], layer: 'settlement', critical: true },
  staker: { role: 'validator', title: 'Staker (validator)', powers: ['propose', 'challenge'], layer: 'settlement', critical: true },
} satisfies Record<string, RoleSpec>;

/** Parent chains whose `block.number` is not the L1 block number (Orbit SDK getDefaultConfirmPeriodBlocks: ×6 on Base). */
const PARENT_BLOCK_SECONDS = lookupTable<number>({ '8453': 2, '84532': 2 });

/** Seconds per parent-chain block as the rollup contracts count them: Ethereum's slot time, also on Arbitrum parents, whose block.number is the L1 block. */
export function parentBlockSeconds(parentChainId: unknown): number {
  const id = typeof parentChainId === 'number' || typeof parentChainId === 'string' ? String(parentChainId).trim() : '';
  return entryOf(PARENT_BLOCK_SECONDS, id) ?? THRESHOLDS.ethereumBlockTime.value;
}

/** A chain's network from all it states: its own chain id, its parent's, its name. */
export function orbitNetwork(chainId: unknown, parentChainId: unknown, name: unknown): NetworkVerdict {
  return classifyNetwork([networkFromChainId(chainId, 'chain'), networkFromChainId(parentChainId, 'parent'), networkFromName(name)]);
}

/**
 * Fields that hold JSON as a string (a chain config, a chain-info array, a DAS backend list) read as
 * the JSON they hold: the returned document's `value` has each such string replaced by its parsed
 * value, so the builder reads through it with ordinary paths, while `locate` (on the original text)
 * maps those paths to the characters inside the string. A string that does not parse is a problem.
 */
export function withEmbeddedJson(doc: ParsedDocument, paths: Path[]): { doc: ParsedDocument; problems: { path: Path; message: string }[] } {
  let value = doc.value;
  const problems: { path: Path; message: string }[] = [];
  for (const path of paths) {
    const raw = valueAt(value, path);
    if (typeof raw !== 'string') continue;
    try {
      value = withValueAt(value, path, JSON.parse(raw));
    } catch (error) {
      problems.push({ path, message: `${path.join('.')} should hold JSON, but its text does not parse (${(error as Error).message}).` });
    }
  }
  return { doc: value === doc.value ? doc : { ...doc, value }, problems };
}

export interface ChainConfigRead {
  /** Where `DataAvailabilityCommittee: true` is set: the chain runs AnyTrust. */
  anyTrustAt?: Path;
}

/**
 * Reads a chain config's `arbitrum` section (Orbit SDK prepareChainConfig): the InitialChainOwner,
 * AnyTrust mode and debug precompiles. `dev` entries (devnet chains in a file that lists several)
 * raise no development flags.
 */
export function readChainConfig(builder: ModelBuilder, path: Path, options: { dev: boolean; owner?: RoleSpec }): ChainConfigRead {
  const arbitrum = [...path, 'arbitrum'];
  if (!isRecord(builder.get(arbitrum))) return {};
  builder.grant([...arbitrum, 'InitialChainOwner'], options.owner ?? ORBIT_ROLES.initialChainOwner);
  const debug = builder.boolean([...arbitrum, 'AllowDebugPrecompiles'], 'AllowDebugPrecompiles');
  if (debug && !options.dev) {
    builder.model.flags.push({
      id: 'AllowDebugPrecompiles',
      title: 'AllowDebugPrecompiles',
      why: 'turns on ArbOS\'s debug precompiles, including ArbDebug.becomeChainOwner(), through which any account can make itself a chain owner',
      value: true,
      safeValue: false,
      source: 'nitroArbDebug',
      at: builder.origin([...arbitrum, 'AllowDebugPrecompiles']),
    });
  }
  // EigenDA-enabled Nitro forks (Layr-Labs nitro) post batches to EigenDA and only certificates to the parent chain.
  if (builder.boolean([...arbitrum, 'EigenDA'], 'EigenDA')) {
    builder.model.dependencies.push({
      kind: 'data-availability',
      name: 'EigenDA (batches are kept by EigenDA operators; only certificates are posted to the parent chain)',
      provider: 'EigenDA',
      layer: 'data-availability',
      operators: [],
      shared: true,
      at: builder.origin([...arbitrum, 'EigenDA']),
    });
  }
  const dac = builder.boolean([...arbitrum, 'DataAvailabilityCommittee'], 'DataAvailabilityCommittee');
  return dac ? { anyTrustAt: [...arbitrum, 'DataAvailabilityCommittee'] } : {};
}

/** The AnyTrust committee as a data-availability dependency; the node config adds who its members are. */
export function anyTrustDependency(builder: ModelBuilder, at: Path, operators: string[] = []): Dependency {
  return {
    kind: 'data-availability',
    name: 'AnyTrust Data Availability Committee',
    layer: 'data-availability',
    operators,
    // Run by the chain's operator and the members it picks, not a stack the chain does not govern.
    shared: false,
    at: builder.origin(at),
  };
}

/** Reads a block count, also as the SDK's bigint text ("45818n"). */
export function blocksAt(builder: ModelBuilder, path: Path, what: string): number | undefined {
  const raw = builder.get(path);
  if (typeof raw === 'string' && /^\d+n$/.test(raw.trim())) return Number(raw.trim().slice(0, -1));
  return builder.number(path, what);
}

/**
 * The parent-chain contracts a chain info's `rollup` section lists (rollup, bridge, inbox,
 * sequencer-inbox, upgrade-executor…), where `chokepoint verify` reads who controls them.
 */
export function rollupContracts(builder: ModelBuilder, infoPath: Path): void {
  const section = builder.get([...infoPath, 'rollup']);
  if (!isRecord(section)) return;
  for (const [name, value] of Object.entries(section)) {
    if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value.trim())) continue;
    const address = builder.address([...infoPath, 'rollup', name], name);
    if (address) (builder.model.contracts ??= []).push({ name, address, at: builder.origin([...infoPath, 'rollup', name]) });
  }
}
