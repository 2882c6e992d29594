import type { SourceId } from '../data/sources';
import type { Address, Origin } from '../model/schema';
import type { Span } from '../text/positions';

export const ENTITY_KINDS = ['eoa', 'multisig', 'timelock', 'governance', 'contract', 'module', 'unknown'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** What controls one or more addresses. Addresses of one entity count as one holder. */
export interface Entity {
  /** A declared name (`security-council`) or, for an undeclared address, its normalized key. */
  id: string;
  name: string;
  kind: EntityKind;
  threshold?: number;
  signers?: number;
  /** Signers outside the organization that runs the chain. */
  external?: number;
  /** Delay between a decision and its execution (a timelock in front of it). */
  delaySeconds?: number;
  /** Entities whose approval this one needs, for nested Safes (e.g. a 2-of-2 of a foundation and a council). */
  members?: string[];
  addressKeys: string[];
  declared?: EntityDeclaration;
}

export interface EntityDeclaration {
  /**
   * `file`: what the linted file itself shows (Cosmos account keys, module account addresses).
   * `verified`: read on chain, from chokepoint.lock.json or an L2BEAT discovery snapshot (`file`).
   */
  by: 'config' | 'annotation' | 'manifest' | 'builtin' | 'file' | 'verified';
  file?: string;
  /** For `verified`: where and when the fact was read, and what the address is there. */
  verified?: VerifiedRead;
  /** Zero-based line of the declaring comment, for annotations. */
  line?: number;
  source?: SourceId;
  note?: string;
}

/** The fields a declaration can set; every declaration source produces this shape. */
export interface EntityFacts {
  entity?: string;
  kind?: EntityKind;
  threshold?: number;
  signers?: number;
  external?: number;
  delaySeconds?: number;
  members?: string[];
  note?: string;
}

/** Where a verified fact was read, for hovers, messages and the report. */
export interface VerifiedRead {
  source: 'lock' | 'l2beat-discovery';
  /** Namespaced id of the chain it was read on: `evm:1`. */
  chain: string;
  block: number;
  /** RFC 3339; empty when the source does not record when it read the chain. */
  timestamp: string;
  /** What the address is there: `safe`, `timelock`… (the lock's kinds). */
  kind: 'eoa' | 'safe' | 'timelock' | 'upgrade-executor' | 'contract' | 'error';
  /** In words: "Safe 6-of-8", "TimelockController with a 14 days delay". */
  what: string;
  /** "at block 21,693,174 on Ethereum mainnet (chain id 1)". */
  readAt: string;
}

/** An entity as `.chokepoint.yaml` or a `chokepoint:` comment declares it, kept to compare with what was verified on chain. */
export interface DeclaredEntity {
  by: 'config' | 'annotation';
  /** The entity's id under `entities:`, or the one a comment gives with `entity`. */
  entity?: string;
  facts: EntityFacts;
  addresses: Address[];
  /** Where it is written: `entities.<id>` in .chokepoint.yaml, or the file of the comment. */
  at: Origin;
  /** For a comment: its span. */
  span?: Span;
}
