import type { AuthorityModel } from './model/schema';

/**
 * What a chain is, for the stage and the risks:
 * - `rollup`: it settles on a parent chain and posts its data there (L2BEAT stages apply);
 * - `offchain-data`: it settles on a parent chain but keeps its data with a committee or another
 *   layer (AnyTrust, a validium, alt-DA): L2BEAT rates its risks but gives it no stage;
 * - `own-consensus`: its own validators decide its state (a Cosmos SDK chain, a Substrate relay,
 *   solochain or parachain, an Avalanche L1): no rollup stage and no rollup risks.
 */
export type ChainKind = 'rollup' | 'offchain-data' | 'own-consensus';

/** Frameworks that only build chains settling on a parent chain. */
const L2_FRAMEWORKS = new Set(['op-stack', 'arbitrum-orbit', 'polygon-zkevm', 'polygon-cdk']);

/** The chain settles on a parent chain: an L2 framework, a parent EVM chain, a proof system, withdrawals, forced inclusion or a settlement layer. */
export function settlesOnParent(model: AuthorityModel): boolean {
  return L2_FRAMEWORKS.has(model.chain.framework)
    || model.chain.parent?.id.startsWith('evm:') === true
    || model.proofSystem !== undefined
    || model.delays.some((d) => d.kind === 'withdrawal' || d.kind === 'forced-inclusion' || d.kind === 'challenge-period' || d.kind === 'self-propose')
    || model.dependencies.some((d) => d.kind === 'settlement');
}

export function chainKind(model: AuthorityModel): ChainKind {
  if (!settlesOnParent(model)) return 'own-consensus';
  return model.dependencies.some((d) => d.kind === 'data-availability') ? 'offchain-data' : 'rollup';
}

/** Why a chain gets no stage, in a sentence; undefined for a rollup. */
export function noStageReason(kind: ChainKind): string | undefined {
  if (kind === 'own-consensus') return 'Not a rollup: its own validators decide its state, and it has no parent chain that checks it, so L2BEAT stages do not apply. Its own measures (validator power, root keys, governance) are below.';
  if (kind === 'offchain-data') return 'No stage: the chain settles on a parent chain but keeps its transaction data off it (a data-availability committee or another layer), and L2BEAT gives stages only to rollups, whose data is on the parent chain.';
  return undefined;
}
