import { z } from 'zod';

/**
 * `chokepoint.lock.json`: what `chokepoint verify` read on chain about the addresses a chain's
 * configs name, so that `lint` can use it offline. Deterministic and sorted, meant to be committed
 * and reviewed. Chains are keyed by a namespaced id (`evm:1`) so that Cosmos and Substrate chains
 * fit later; addresses by their lower-case form.
 */

export const LOCKFILE_VERSION = 1;

const Hex = z.string().regex(/^0x[0-9a-f]{40}$/, 'a lower-case 0x address');

/** What one address is on the chain where it acts. */
export const LockedAddressSchema = z
  .object({
    /**
     * `eoa`: no code. `safe`: a Safe (owners and threshold). `timelock`: an OpenZeppelin
     * TimelockController. `upgrade-executor`: Arbitrum's UpgradeExecutor. `contract`: other code,
     * with what could be read of it (an owner, proxy slots). `error`: it could not be read.
     */
    kind: z.enum(['eoa', 'safe', 'timelock', 'upgrade-executor', 'contract', 'error']),
    /** What the source calls it (L2BEAT's contract names, "SecurityCouncilMultisig"), for people. */
    name: z.string().optional(),
    threshold: z.number().int().nonnegative().optional(),
    owners: z.array(Hex).optional(),
    modules: z.array(Hex).optional(),
    guard: Hex.nullable().optional(),
    version: z.string().optional(),
    /** TimelockController: seconds between scheduling and execution. */
    minDelay: z.number().nonnegative().optional(),
    proposers: z.array(Hex).optional(),
    executors: z.array(Hex).optional(),
    cancellers: z.array(Hex).optional(),
    /** `Ownable.owner()`, or a ProxyAdmin's owner. */
    owner: Hex.nullable().optional(),
    /** EIP-1967 slots of a proxy. */
    proxy: z.object({ admin: Hex.optional(), implementation: Hex.optional() }).strict().optional(),
    /** For `error`, and for a part that failed on an address otherwise read: what went wrong. */
    error: z.string().optional(),
  })
  .strict();

/**
 * What the contracts of a rollup deployed on this chain say its roles are, by Chokepoint role id
 * (`batcher`, `systemConfigOwner`, `guardian`, `proposer`, `challenger`, `l1ProxyAdminOwner`,
 * `respectedGameType`): an address, a number, or null when the contract holds none.
 */
export const LockedRolesSchema = z.record(z.string(), z.union([Hex, z.number(), z.null()]));

export const LockedChainSchema = z
  .object({
    /** The host of the RPC URL the chain was read through; never its path or query, which may hold a key. */
    rpcHost: z.string(),
    block: z.object({ number: z.number().int().nonnegative(), timestamp: z.string() }).strict(),
    addresses: z.record(Hex, LockedAddressSchema),
    /** Rollups deployed on this chain, by their own namespaced chain id: the roles their contracts report. */
    rollups: z.record(z.string(), LockedRolesSchema).optional(),
  })
  .strict();

export const LockFileSchema = z
  .object({
    lockfileVersion: z.literal(LOCKFILE_VERSION),
    generatedBy: z.string(),
    chains: z.record(z.string(), LockedChainSchema),
  })
  .strict();

export type LockedAddress = z.infer<typeof LockedAddressSchema>;
export type LockedChain = z.infer<typeof LockedChainSchema>;
export type LockedRoles = z.infer<typeof LockedRolesSchema>;
export type LockFile = z.infer<typeof LockFileSchema>;

export const LOCK_FILE_NAME = 'chokepoint.lock.json';
