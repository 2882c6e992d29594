import { SOURCES, type SourceId } from '../data/sources';
import { lookupTable } from '../text/lookup';

/**
 * What a message may say and cite for a chain's framework: each rule names its source per
 * framework, so an Avalanche allocation is never judged by CometBFT's thresholds nor a Substrate
 * collator set by a Cosmos PoA module (test/citations.test.ts checks every pair that fires).
 */

export type Family = 'op-stack' | 'arbitrum-orbit' | 'cosmos-sdk' | 'substrate' | 'avalanche' | 'polygon' | 'appchain-manifest';

const FAMILIES = lookupTable<Family>({
  'op-stack': 'op-stack',
  'arbitrum-orbit': 'arbitrum-orbit',
  'cosmos-sdk': 'cosmos-sdk',
  substrate: 'substrate',
  'avalanche-subnet-evm': 'avalanche',
  'avalanche-l1': 'avalanche',
  'polygon-zkevm': 'polygon',
  'polygon-cdk': 'polygon',
  'appchain-manifest': 'appchain-manifest',
});

export function familyOf(framework: string): Family | undefined {
  return Object.prototype.hasOwnProperty.call(FAMILIES, framework) ? FAMILIES[framework] : undefined;
}

const ROLLUP_FAMILIES: ReadonlySet<Family> = new Set(['op-stack', 'arbitrum-orbit', 'polygon', 'appchain-manifest']);

/** True for frameworks of chains that settle on a parent chain, which L2BEAT's framework rates. */
export function isRollupFamily(framework: string): boolean {
  const family = familyOf(framework);
  return family !== undefined && ROLLUP_FAMILIES.has(family);
}

/**
 * Frameworks whose role holders `chokepoint verify` can read on an EVM chain: a rollup's parent chain
 * or an Avalanche L1 itself. Cosmos and Substrate accounts (multisig keys, x/group policies, proxies)
 * are not read yet.
 */
const VERIFIABLE_FAMILIES: ReadonlySet<Family> = new Set(['op-stack', 'arbitrum-orbit', 'polygon', 'avalanche']);

export function verifiableOnChain(framework: string): boolean {
  const family = familyOf(framework);
  return family !== undefined && VERIFIABLE_FAMILIES.has(family);
}

/** The source of `table` for the framework, else `fallback`; never one that speaks for another framework. */
export function sourceFor(framework: string, table: Partial<Record<Family, SourceId>>, fallback: SourceId): SourceId {
  const family = familyOf(framework);
  const picked = family !== undefined ? table[family] : undefined;
  return picked ?? fallback;
}

/** A source id the model names (a grant's or a validator set's), if it is one and it speaks for the framework. */
export function namedSource(id: string | undefined, framework: string): SourceId | undefined {
  if (id === undefined || !Object.prototype.hasOwnProperty.call(SOURCES, id)) return undefined;
  const scope = (SOURCES[id as SourceId] as { frameworks?: readonly string[] }).frameworks;
  return scope === undefined || scope.includes(framework) ? (id as SourceId) : undefined;
}

/** How a framework's consensus fails to a concentrated validator set, for messages. */
export interface ConsensusTerms {
  source: SourceId;
  /** What more than 1/3 of the weight can do: "halt the chain". */
  halt: string;
  /** What more than 2/3 can do: "commit any block". */
  commit: string;
}

export function consensusTerms(framework: string): ConsensusTerms {
  switch (familyOf(framework)) {
    case 'cosmos-sdk':
      return { source: 'cometbftSpec', halt: 'halt the chain', commit: 'commit any block' };
    case 'substrate':
      return { source: 'polkadotConsensus', halt: 'stall finality', commit: 'finalize any block' };
    case 'avalanche':
      return { source: 'avalancheWarpQuorum', halt: 'block the cross-chain (Warp) messages that need 67% of the validator weight', commit: 'sign cross-chain (Warp) messages' };
    default:
      return { source: 'pbft', halt: 'halt the chain', commit: 'commit any block' };
  }
}
