import { z } from 'zod';
import { LAYERS, POWERS } from '../../model/schema';

/**
 * The AI-appchain manifest (`appchain.yaml`): Chokepoint's own format for describing what a chain
 * built on a shared AI stack governs itself and what it borrows. docs/appchain-manifest.md and
 * schemas/appchain.schema.json are generated from this schema.
 */

const Duration = z.union([z.number().nonnegative(), z.string()]).describe('Seconds, or a duration such as "7d", "12h", "604800s".');
const Operators = z.union([z.string(), z.array(z.string())]).describe('Who runs it: one name or a list of independent operators.');
const Ref = z.string().describe('A governance body id from governance.bodies, or an address.');
const Fallback = z.string().nullable().describe('What the chain falls back to if this dependency fails; "none" or null when there is none.');
const Controller = z.enum(['chain', 'third-party', 'single-key']).describe('Who governs it: the chain\'s own governance, a third party, or a single key.');

export const BodySchema = z.object({
  id: z.string().min(1).describe('Identifier that roles and dependencies refer to.'),
  name: z.string().optional().describe('Display name.'),
  kind: z.enum(['multisig', 'council', 'governance', 'timelock']).describe('multisig and council need threshold and signers; governance is token voting; timelock needs delay.'),
  address: z.string().optional().describe('The address the body acts through (a Safe, a governor, a timelock).'),
  threshold: z.number().int().positive().optional().describe('Signatures needed to act (M of M-of-N).'),
  signers: z.number().int().positive().optional().describe('Number of signers (N of M-of-N).'),
  external: z.number().int().nonnegative().optional().describe('Signers outside the organization that runs the chain.'),
  members: z.array(z.string()).optional().describe('Signer addresses, when public.'),
  delay: Duration.optional().describe('Delay between a decision and its execution.'),
});

export const RoleSchema = z.object({
  role: z.string().min(1).describe('Role name, e.g. upgrade-admin, pauser, minter.'),
  title: z.string().optional().describe('Display name of the role.'),
  holder: Ref,
  powers: z.array(z.enum(POWERS)).min(1).describe('What the holder can do.'),
  layer: z.enum(LAYERS).optional().describe('Which layer the power acts on; inferred from the powers when absent.'),
  delay: Duration.optional().describe('Timelock in front of this role.'),
  root: z.boolean().optional().describe('The holder can do anything (a sudo or admin key that bypasses governance).'),
});

export const AllocationSchema = z.object({
  holder: z.string().describe('An address, or a label such as "team" or "treasury".'),
  label: z.string().optional().describe('What the allocation is for: team, investors, treasury…'),
  amount: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).describe('Whole token units as an integer; big values as strings.'),
});

export const ConsensusSchema = z.object({
  admission: z.enum(['permissionless', 'permissioned', 'inherited']).describe('Who may become a validator: anyone who stakes, whom the admins admit (proof of authority), or the validators of a provider chain.'),
  admins: z.array(z.string()).optional().describe('Body ids or addresses that add and remove validators, for permissioned admission.'),
  provider: z.string().optional().describe('The chain whose validators secure this one, for inherited admission.'),
});

export const ValidatorSchema = z.object({
  address: z.string().optional().describe('Validator operator or consensus address.'),
  operator: z.string().optional().describe('Who runs the validator.'),
  power: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).describe('Voting power or stake.'),
});

const DependencyBase = {
  name: z.string().min(1).describe('Name of the dependency.'),
  provider: z.string().optional().describe('The company or network that provides it.'),
  operators: Operators.optional(),
  fallback: Fallback.optional(),
  governedBy: Controller.optional(),
  upgradeableBy: z.string().optional().describe('Who can change or upgrade it: a body id, an address, or a party\'s name.'),
  shared: z.boolean().optional().describe('Provided by a stack or party the chain does not govern (default true).'),
};

export const InferenceSchema = z.object({
  ...DependencyBase,
  nodes: z.number().int().nonnegative().optional().describe('Number of inference nodes.'),
  verification: z.enum(['tee', 'zk', 'optimistic', 'none']).optional().describe('How results are checked: a TEE attestation, a ZK proof, optimistic re-execution, or not at all.'),
});

export const ModelSchema = z.object({
  name: z.string().min(1).describe('Name of the model.'),
  ref: z.string().describe('Where the model is fetched from. Pin it by content hash (…@sha256:<64 hex>, an IPFS CID); a tag such as :latest can change under you.'),
  digest: z.string().optional().describe('Content hash of the weights, if the ref itself is a tag.'),
  fallback: Fallback.optional(),
  shared: z.boolean().optional().describe('Hosted by a party the chain does not govern (default true).'),
});

export const SettlementSchema = z.object({
  ...DependencyBase,
  delay: Duration.optional().describe('Upgrade delay of the settlement contracts.'),
});

export const SequencerSchema = z.object({
  ...DependencyBase,
  address: z.string().optional().describe('The sequencer\'s signing address, if it is one key.'),
  forcedInclusion: z.union([Duration, z.literal('none')]).optional().describe('How long until users can force a transaction in; "none" if they cannot.'),
});

const Many = <T extends z.ZodTypeAny>(schema: T) => z.union([schema, z.array(schema)]);

export const ManifestSchema = z.object({
  appchain: z.object({
    name: z.string().min(1).describe('The chain\'s name.'),
    chainId: z.union([z.string(), z.number()]).optional().describe('EVM chain id or Cosmos chain id.'),
    network: z.enum(['mainnet', 'testnet', 'devnet']).optional().describe('Production or not; when absent, Chokepoint infers it and treats unknown chains as production.'),
    stack: z.string().optional().describe('The shared stack the chain is built on, e.g. "OpenGradient Neuro Stack".'),
  }).describe('Identifies the chain.'),
  governance: z
    .object({
      bodies: z.array(BodySchema).optional().describe('Councils, multisigs, token governance and timelocks that hold powers.'),
      roles: z.array(RoleSchema).optional().describe('Who holds which power.'),
    })
    .optional()
    .describe('The chain\'s own governance.'),
  token: z
    .object({
      symbol: z.string().optional().describe('Token symbol.'),
      allocations: z.array(AllocationSchema).optional().describe('Genesis token allocation.'),
    })
    .optional()
    .describe('The governance or gas token.'),
  consensus: ConsensusSchema.optional().describe('How validators are admitted.'),
  validators: z.array(ValidatorSchema).optional().describe('The validator set and its voting power.'),
  infrastructure: z
    .object({
      inference: Many(InferenceSchema).optional().describe('Inference providers and networks the chain calls.'),
      models: Many(ModelSchema).optional().describe('Models the chain\'s logic depends on.'),
      storage: Many(z.object(DependencyBase)).optional().describe('Storage for models and data.'),
      dataAvailability: Many(z.object(DependencyBase)).optional().describe('Where transaction data is published.'),
      settlement: SettlementSchema.optional().describe('The layer the chain settles to.'),
      sequencer: SequencerSchema.optional().describe('Who orders transactions.'),
      bridges: Many(SettlementSchema).optional().describe('Bridges holding the chain\'s assets.'),
      oracles: Many(z.object(DependencyBase)).optional().describe('Oracles feeding external data.'),
    })
    .optional()
    .describe('The shared infrastructure the chain leans on.'),
});

export type Manifest = z.infer<typeof ManifestSchema>;
