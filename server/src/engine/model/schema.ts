import { z } from 'zod';

/**
 * The framework-neutral authority model. Every adapter maps its framework's file onto these
 * shapes and every rule reads only these shapes, so one rule serves every framework. Each element
 * keeps `at`, the file and path it came from; spans are resolved from the path when a finding is
 * reported (see ARCHITECTURE.md: lazy ranges keep large genesis files cheap).
 */

export const PathSchema = z.array(z.union([z.string(), z.number()]));

export const OriginSchema = z.object({
  file: z.string(),
  path: PathSchema,
});

export const POWERS = [
  'upgrade',
  'pause',
  'mint',
  'censor',
  'deploy',
  'sequence',
  'propose',
  'challenge',
  'set-params',
  'receive-fees',
  'halt',
  'finalize',
  'govern',
  'set-validators',
  /** A role in a module or contract Chokepoint does not know: what it can do is not known, only that the file names it. */
  'unscoped',
] as const;
export const PowerSchema = z.enum(POWERS);

export const LAYERS = ['application', 'governance', 'execution', 'data-availability', 'inference', 'settlement'] as const;
export const LayerSchema = z.enum(LAYERS);

export const AddressSchema = z.object({
  /** As written in the file. */
  raw: z.string(),
  /** Identity used for comparison: `b20:<hex>` for EVM and 20-byte bech32, `b32:<hex>` for SS58 and 32-byte keys, `name:<id>` for named parties. */
  key: z.string(),
  scheme: z.enum(['evm', 'bech32', 'ss58', 'hex32', 'name']),
});

export const GrantSchema = z.object({
  /** Stable role id within the framework, e.g. `l1ProxyAdminOwner`. */
  role: z.string(),
  /** Human name of the role, e.g. "L1 ProxyAdmin owner". */
  title: z.string(),
  powers: z.array(PowerSchema).min(1),
  holder: AddressSchema,
  layer: LayerSchema,
  /** One of the roles whose separation the framework's security model relies on. */
  critical: z.boolean(),
  /** Can do anything, bypassing governance: a sudo key, a circuit super admin, a module authority override. */
  root: z.boolean().optional(),
  /** When a delegated power lapses (YYYY-MM-DD or RFC 3339); null when it never does; absent when it is not delegated. */
  expiresAt: z.string().nullable().optional(),
  /** Id in data/sources of the source that says what the role can do, for messages that cite it. */
  source: z.string().optional(),
  /** When the role takes effect (RFC 3339), when the file schedules it after genesis (a precompile upgrade's blockTimestamp). */
  from: z.string().optional(),
  /** The contract the power is exercised through (a timelock's proposer upgrades through the timelock), when that contract holds it too. */
  through: AddressSchema.optional(),
  at: OriginSchema,
});

/**
 * A change that ends roles at a point in the chain's timeline: an upgrade that disables a Subnet-EVM
 * precompile ends every allow-list role it granted before. Grants of `roles` that take effect before
 * `until` are ended (`model/timeline.ts`), whichever of the chain's files made them.
 */
export const RoleEndSchema = z.object({
  roles: z.array(z.string()),
  /** What ends them, for messages: "the upgrade that disables the Contract deployer allow list". */
  title: z.string(),
  /** RFC 3339. */
  until: z.string(),
  /** Id in data/sources of the source that says so. */
  source: z.string().optional(),
  at: OriginSchema,
});

/** A grant that a later change ended: its holder holds nothing at the end, but held the power for a window. */
export const EndedGrantSchema = GrantSchema.extend({
  until: z.string(),
  endedBy: RoleEndSchema,
});

export const CouncilSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['multisig', 'governance', 'timelock', 'council', 'committee']),
  /** The address the council acts through, when it has one. */
  address: AddressSchema.optional(),
  members: z.array(AddressSchema),
  /** Number of signers; may exceed the members listed. */
  signers: z.number().int().nonnegative().optional(),
  threshold: z.number().int().nonnegative().optional(),
  /** Signers outside the organization that runs the chain. */
  external: z.number().int().nonnegative().optional(),
  /** Delay between a decision and its execution. */
  delaySeconds: z.number().nonnegative().optional(),
  at: OriginSchema,
  thresholdAt: OriginSchema.optional(),
  delayAt: OriginSchema.optional(),
});

/** `self-propose`: after this long without the permissioned proposer or prover, anyone may propose or prove state (L2BEAT's proposer-failure escape). */
export const DELAY_KINDS = ['upgrade-timelock', 'withdrawal', 'forced-inclusion', 'voting-period', 'expedited-voting-period', 'deposit-period', 'challenge-period', 'finality', 'unbonding', 'self-propose'] as const;

export const DelaySchema = z.object({
  kind: z.enum(DELAY_KINDS),
  title: z.string(),
  /** Null when the file says there is no such mechanism at all (e.g. no forced inclusion). */
  seconds: z.number().nonnegative().nullable(),
  /** How the file writes the value, so a fix can write it back in the field's own unit. */
  unit: z.enum(['seconds', 'blocks', 'duration']),
  blockSeconds: z.number().positive().optional(),
  /** Threshold id in data/thresholds for the framework's standard value, if any. */
  standard: z.string().optional(),
  /** The holder whose actions this delay holds back (a timelock in front of an upgrader). */
  appliesTo: AddressSchema.optional(),
  at: OriginSchema,
});

export const DistributionSchema = z.object({
  kind: z.enum(['stake', 'supply', 'voting-power']),
  title: z.string(),
  denom: z.string().optional(),
  /** For a supply: the token is what validators bond (so held is stakeable voting power), as the framework's staking settings say. */
  bonded: z.boolean().optional(),
  /** For a supply: the token is a voucher for one issued on another chain (an IBC denom), whose supply and holders are that chain's; its concentration here is reported for information. */
  voucher: z.boolean().optional(),
  entries: z.array(
    z.object({
      holder: AddressSchema,
      /** Decimal integer string; sums use BigInt. */
      amount: z.string().regex(/^\d+$/),
      at: OriginSchema,
    }),
  ),
  at: OriginSchema,
});

export const DEPENDENCY_KINDS = ['inference', 'model', 'storage', 'data-availability', 'settlement', 'sequencer', 'bridge', 'oracle', 'validator-set'] as const;

/** A data-availability committee: data is available if `assumedHonest` of its `size` members are honest. */
export const CommitteeSchema = z.object({
  size: z.number().int().nonnegative(),
  assumedHonest: z.number().int().nonnegative(),
  /** Members whose key is a template placeholder rather than a real key. */
  placeholderKeys: z.number().int().nonnegative(),
  /** Members run outside the organization that runs the chain, when known. */
  external: z.number().int().nonnegative().optional(),
  at: OriginSchema,
  /** Where the file sets `assumedHonest`. */
  assumedHonestAt: OriginSchema.optional(),
  /** Where the first placeholder key is written. */
  placeholderAt: OriginSchema.optional(),
});

export const ControllerSchema = z.object({
  kind: z.enum(['chain-governance', 'third-party', 'single-key', 'unknown']),
  name: z.string().optional(),
  address: AddressSchema.optional(),
  at: OriginSchema.optional(),
});

export const DependencySchema = z.object({
  kind: z.enum(DEPENDENCY_KINDS),
  name: z.string(),
  provider: z.string().optional(),
  layer: LayerSchema,
  operators: z.array(z.string()),
  operatorsAt: OriginSchema.optional(),
  verification: z.enum(['tee', 'zk', 'optimistic', 'none']).optional(),
  verificationAt: OriginSchema.optional(),
  /** Name of the fallback; null when the file says there is none; undefined when it does not say. */
  fallback: z.string().nullable().optional(),
  reference: z.object({ value: z.string(), pinned: z.enum(['hash', 'tag']), at: OriginSchema }).optional(),
  controller: ControllerSchema.optional(),
  /** Provided by a stack or party the chain does not govern. */
  shared: z.boolean(),
  committee: CommitteeSchema.optional(),
  at: OriginSchema,
});

export const ProofSystemSchema = z.object({
  kind: z.enum(['permissionless-fraud', 'permissioned-fraud', 'validity', 'none']),
  title: z.string(),
  at: OriginSchema,
  /** The value that would make the proof system permissionless, for a fix. */
  permissionlessValue: z.union([z.number(), z.string(), z.boolean()]).optional(),
});

export const FlagSchema = z.object({
  id: z.string(),
  /** `node`: an operational setting of one machine (an open debug API), not a power over the chain; reported by node-hygiene, not dev-flags-in-production. */
  scope: z.enum(['chain', 'node']).optional(),
  /** For a node setting: what that node does for the chain, "sequences the chain and posts its batches". */
  node: z.string().optional(),
  /** The value is a secret written into the file (a private key): on a public testnet too, anyone who reads the file can use it. */
  secret: z.boolean().optional(),
  title: z.string(),
  why: z.string(),
  value: z.union([z.boolean(), z.number(), z.string()]),
  safeValue: z.union([z.boolean(), z.number(), z.string()]).optional(),
  /** How to make it safe, in words, when writing `safeValue` is not the whole fix: "Load the key from a keystore". */
  remedy: z.string().optional(),
  /** Id in data/sources of the source that says why the flag is dangerous; messages cite op-deployer's intent validation otherwise. */
  source: z.string().optional(),
  at: OriginSchema,
});

export const ParameterSchema = z.object({
  id: z.string(),
  title: z.string(),
  governs: z.string(),
  value: z.union([z.boolean(), z.number(), z.string()]),
  unit: z.enum(['seconds', 'blocks', 'count', 'ratio', 'enum', 'gas', 'wei', 'percent']).optional(),
  blockSeconds: z.number().positive().optional(),
  /** Threshold id in data/thresholds that the value is held to. */
  standard: z.string().optional(),
  /** How the value must compare with the standard; without it the standard is shown on hover only. */
  bound: z.enum(['at-least', 'at-most', 'exactly']).optional(),
  at: OriginSchema,
});

/** A number the file sets, with where it sets it. */
export const NumberSettingSchema = z.object({ value: z.number(), at: OriginSchema });
export const FlagSettingSchema = z.object({ value: z.boolean(), at: OriginSchema });

/** On-chain governance as configured at genesis: ratios are fractions (0.334), periods are delays. */
export const GovernanceSchema = z.object({
  quorum: NumberSettingSchema.optional(),
  threshold: NumberSettingSchema.optional(),
  vetoThreshold: NumberSettingSchema.optional(),
  expeditedQuorum: NumberSettingSchema.optional(),
  expeditedThreshold: NumberSettingSchema.optional(),
  /** Smallest deposit that puts a proposal to a vote, in the smallest unit of `denom`. */
  minDeposit: z.object({ amount: z.string().regex(/^\d+$/), denom: z.string(), at: OriginSchema }).optional(),
  burnVoteVeto: FlagSettingSchema.optional(),
  at: OriginSchema,
});

/** Proof-of-stake settings that bound how concentrated the validator set can become. */
export const StakingSchema = z.object({
  bondDenom: z.string().optional(),
  maxValidators: NumberSettingSchema.optional(),
  minCommissionRate: NumberSettingSchema.optional(),
  slashFractionDoubleSign: NumberSettingSchema.optional(),
  slashFractionDowntime: NumberSettingSchema.optional(),
  at: OriginSchema,
});

/** Who may join the validator set: anyone who stakes, only whom an admin admits, or whoever another chain's set is. */
export const ValidatorSetSchema = z.object({
  admission: z.enum(['permissionless', 'permissioned', 'inherited']),
  /** How admission works here, for messages: "PoA: validators are added by the poa admins". */
  how: z.string(),
  /** Id in data/sources of the source that says how admission works in this framework. */
  source: z.string().optional(),
  at: OriginSchema,
});

/**
 * Code that nodes run in place of what the chain's own state holds (Substrate `codeSubstitutes`):
 * whoever ships the node or its chain spec decides what executes, outside on-chain governance.
 */
export const CodeOverrideSchema = z.object({
  title: z.string(),
  /** From where the override applies, as the file writes it (a block number or hash). */
  from: z.string().optional(),
  at: OriginSchema,
});

/**
 * A deployed contract the file names by its role in the stack (a registry file's
 * `SystemConfigProxy`, a Nitro chain info's `rollup`): not a holder of power, but where
 * `chokepoint verify` reads what the deployed chain says its roles are.
 */
export const ContractSchema = z.object({
  /** The stack's name for it: `SystemConfigProxy`, `OptimismPortalProxy`, `DisputeGameFactoryProxy`, `rollup`, `upgrade-executor`. */
  name: z.string(),
  address: AddressSchema,
  at: OriginSchema,
});

/**
 * What the file itself shows an address to be: a Cosmos account's single or multisig public key, a
 * module account derived from its module's name, a key the setup script signs with. Declarations in
 * .chokepoint.yaml and annotations override it.
 */
export const AddressFactSchema = z.object({
  address: AddressSchema,
  kind: z.enum(['eoa', 'multisig', 'module', 'contract']),
  /** How to name it: "module account (bridge)". */
  name: z.string().optional(),
  threshold: z.number().int().positive().optional(),
  signers: z.number().int().positive().optional(),
  /** What in the file shows it, for hovers: "its account's public key is a single secp256k1 key". */
  why: z.string(),
  at: OriginSchema,
});

/**
 * A role whose field is written but holds no holder: a template placeholder, an empty string or the
 * zero address. The role is not absent (the file names it), it is unset, and nothing can be said of
 * who will hold it until a real address is written.
 */
export const UnsetRoleSchema = z.object({
  role: z.string(),
  title: z.string(),
  powers: z.array(PowerSchema),
  layer: LayerSchema,
  critical: z.boolean(),
  written: z.enum(['placeholder', 'empty', 'zero']),
  /** The value as written, for messages. */
  value: z.string(),
  at: OriginSchema,
});

/**
 * A power the chain has whose holder the file does not state: a Cosmos genesis with x/upgrade but no
 * x/gov, whose module authority the binary sets. Rules say "unknown" and name the missing fact
 * rather than judge a holder nobody has named.
 */
export const UnstatedPowerSchema = z.object({
  /** What the power does, for messages: "upgrade the chain and change its modules' parameters". */
  title: z.string(),
  powers: z.array(PowerSchema).min(1),
  layer: LayerSchema,
  /** The fact that would settle it: "the authority the chain's binary gives x/upgrade". */
  missing: z.string(),
  /** Why the file does not settle it: "this genesis has no x/gov module, the SDK's default authority". */
  why: z.string(),
  /** Where to find it: "ask a node: `<daemon> query upgrade authority`". */
  find: z.string(),
  /** Addresses the file gives roles that might be it, with what the file says of them ("the adminmodule admin (admins)"). Never a verdict. */
  candidates: z.array(z.object({ address: AddressSchema, role: z.string(), at: OriginSchema })),
  /** Id in data/sources of the source that says who holds the power by default. */
  source: z.string(),
  at: OriginSchema,
});

export const NETWORKS = ['mainnet', 'testnet', 'devnet', 'unknown'] as const;

/**
 * Which chain a file describes, as the file itself states it, so that files are grouped into chains
 * by identity rather than by folder (`engine/chain-groups.ts`). Every entry is namespaced:
 * `evm:10`, `cosmos:noble-1`, `substrate:polkadot`, `parachain:rococo-local/1000`.
 */
export const IdentitySchema = z.object({
  /** The chain's own ids: files sharing one (and conflicting in none) describe the same chain. */
  ids: z.array(z.string()),
  /** Facts that tell chains apart without naming one (`parent:evm:1`, `substrate-name:Polkadot`): a difference keeps files apart, a match alone does not join them. */
  traits: z.array(z.string()),
  /** The file describes several chains (a chain-info list, an intent with several chains), so it is a chain of its own. */
  several: z.boolean().optional(),
});

/** The chain this one settles on or is secured by: a rollup's parent chain, a parachain's relay, a consumer's provider. */
export const ParentSchema = z.object({
  /** Namespaced like the identity's ids: `evm:1`, `relay:westend`. */
  id: z.string(),
  /** For people: "Ethereum mainnet (chain id 1)". */
  title: z.string(),
  at: OriginSchema,
});

export const ChainSchema = z.object({
  framework: z.string(),
  name: z.string().optional(),
  chainId: z.string().optional(),
  network: z.enum(NETWORKS),
  /** Why the network was classified so, for messages. */
  networkReason: z.string(),
  identity: IdentitySchema.optional(),
  parent: ParentSchema.optional(),
  at: OriginSchema,
});

export const AuthorityModelSchema = z.object({
  chain: ChainSchema,
  grants: z.array(GrantSchema),
  councils: z.array(CouncilSchema),
  delays: z.array(DelaySchema),
  distributions: z.array(DistributionSchema),
  dependencies: z.array(DependencySchema),
  proofSystem: ProofSystemSchema.optional(),
  flags: z.array(FlagSchema),
  parameters: z.array(ParameterSchema),
  governance: GovernanceSchema.optional(),
  staking: StakingSchema.optional(),
  validatorSet: ValidatorSetSchema.optional(),
  codeOverrides: z.array(CodeOverrideSchema).optional(),
  addressFacts: z.array(AddressFactSchema).optional(),
  contracts: z.array(ContractSchema).optional(),
  /** Changes that end roles later in the chain's timeline; their grants move to `endedGrants`, so every rule sees only the final state. */
  roleEnds: z.array(RoleEndSchema).optional(),
  endedGrants: z.array(EndedGrantSchema).optional(),
  unstated: z.array(UnstatedPowerSchema).optional(),
  unsetRoles: z.array(UnsetRoleSchema).optional(),
});

export type Origin = z.infer<typeof OriginSchema>;
export type Power = z.infer<typeof PowerSchema>;
export type Layer = z.infer<typeof LayerSchema>;
export type Address = z.infer<typeof AddressSchema>;
export type Grant = z.infer<typeof GrantSchema>;
export type Council = z.infer<typeof CouncilSchema>;
export type Delay = z.infer<typeof DelaySchema>;
export type Distribution = z.infer<typeof DistributionSchema>;
export type Dependency = z.infer<typeof DependencySchema>;
export type Controller = z.infer<typeof ControllerSchema>;
export type ProofSystem = z.infer<typeof ProofSystemSchema>;
export type Flag = z.infer<typeof FlagSchema>;
export type Parameter = z.infer<typeof ParameterSchema>;
export type Committee = z.infer<typeof CommitteeSchema>;
export type Governance = z.infer<typeof GovernanceSchema>;
export type Staking = z.infer<typeof StakingSchema>;
export type ValidatorSet = z.infer<typeof ValidatorSetSchema>;
export type CodeOverride = z.infer<typeof CodeOverrideSchema>;
export type AddressFact = z.infer<typeof AddressFactSchema>;
export type Contract = z.infer<typeof ContractSchema>;
export type RoleEnd = z.infer<typeof RoleEndSchema>;
export type EndedGrant = z.infer<typeof EndedGrantSchema>;
export type UnstatedPower = z.infer<typeof UnstatedPowerSchema>;
export type UnsetRole = z.infer<typeof UnsetRoleSchema>;
export type NumberSetting = z.infer<typeof NumberSettingSchema>;
export type Network = z.infer<typeof ChainSchema>['network'];
export type Chain = z.infer<typeof ChainSchema>;
export type ChainIdentity = z.infer<typeof IdentitySchema>;
export type Parent = z.infer<typeof ParentSchema>;
export type AuthorityModel = z.infer<typeof AuthorityModelSchema>;

export function isProduction(network: Network): boolean {
  return network === 'mainnet' || network === 'unknown';
}
