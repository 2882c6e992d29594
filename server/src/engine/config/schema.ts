import { z } from 'zod';
import { ENTITY_KINDS } from '../entities/types';
import { unboundedGlob } from '../text/glob';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SeverityOrOffSchema = z.enum(['off', ...SEVERITIES]);
export type SeverityOrOff = z.infer<typeof SeverityOrOffSchema>;

export const PRESETS = ['recommended', 'strict', 'l2beat-stage1'] as const;
export type PresetName = (typeof PRESETS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A glob that cannot backtrack without bound against a long file name. */
const Glob = z.string().superRefine((glob, context) => {
  const why = unboundedGlob(glob);
  if (why) context.addIssue({ code: 'custom', message: `The glob is refused: ${why}.` });
});

export const RuleSettingSchema = z.union(
  [
    SeverityOrOffSchema,
    z
      .object({
        severity: SeverityOrOffSchema.optional(),
        options: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
  ],
  { error: 'use off, info, warning or error, or { severity, options }' },
);

export const EntityConfigSchema = z
  .object({
    kind: z.enum(ENTITY_KINDS).describe('What controls the addresses: a single key (eoa), a multisig, a timelock, on-chain governance, or another contract.'),
    name: z.string().optional().describe('Display name; defaults to the entity id.'),
    addresses: z.array(z.string()).default([]).describe('Addresses this entity controls, in any format (EVM hex, bech32, SS58).'),
    threshold: z.number().int().positive().optional().describe('Signatures needed to act (the M in M-of-N).'),
    signers: z.number().int().positive().optional().describe('Number of signers (the N in M-of-N).'),
    external: z.number().int().nonnegative().optional().describe('Signers outside the organization that runs the chain.'),
    delay: z.union([z.number().nonnegative(), z.string()]).optional().describe('Timelock in front of this entity: seconds, or a duration such as "7d".'),
    members: z.array(z.string()).optional().describe('Entity ids whose approval this entity needs (nested Safes).'),
    note: z.string().optional(),
  })
  .strict();

export const SuppressionConfigSchema = z
  .object({
    rule: z.string().describe('Rule id to suppress.'),
    files: z.union([Glob, z.array(Glob)]).optional().describe('Glob(s), relative to this config file; default: every file.'),
    address: z.string().optional().describe('Only findings about this holder.'),
    reason: z.string().trim().min(1).describe('Why the risk is accepted. Required.'),
    expires: z.string().regex(DATE, 'use YYYY-MM-DD').optional().describe('After this date the finding returns.'),
  })
  .strict();

export const ConfigFileSchema = z
  .object({
    preset: z.enum(PRESETS).optional().describe('Base rule set: recommended (default), strict, or l2beat-stage1.'),
    network: z.enum(['mainnet', 'testnet', 'devnet']).optional().describe('Overrides the network Chokepoint detects from chain ids.'),
    rules: z.record(z.string(), RuleSettingSchema).optional().describe('Per-rule severity (off, info, warning, error) or { severity, options }.'),
    ignore: z.array(Glob).optional().describe('Globs, relative to this file, that folder linting skips.'),
    entities: z.record(z.string(), EntityConfigSchema).optional().describe('Who controls which addresses.'),
    suppressions: z.array(SuppressionConfigSchema).optional().describe('Accepted risks, for files that cannot hold comments (JSON).'),
    chains: z
      .record(z.string(), z.object({ files: z.union([Glob, z.array(Glob)]).describe('Globs, relative to this file.') }).strict())
      .optional()
      .describe('Files that make up one chain, when they are not simply the files of one folder. Their entities and powers add up.'),
    discovery: z
      .array(z.string().min(1))
      .optional()
      .describe('L2BEAT discovery snapshots (discovered.json), relative to this file, read as verified facts: Safe owners and thresholds, timelock delays, owners and proxy admins, and the roles an OP Stack chain\'s contracts report. Like chokepoint.lock.json, they outrank every declaration.'),
  })
  .strict();

export type RuleSetting = z.infer<typeof RuleSettingSchema>;
export type EntityConfig = z.infer<typeof EntityConfigSchema>;
export type SuppressionConfig = z.infer<typeof SuppressionConfigSchema>;
export type ConfigFile = z.infer<typeof ConfigFileSchema>;
