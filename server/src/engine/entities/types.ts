import type { SourceId } from '../data/sources';

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
  /** `file`: what the linted file itself shows (Cosmos account keys, module account addresses). */
  by: 'config' | 'annotation' | 'manifest' | 'builtin' | 'file';
  file?: string;
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
