import type { Severity } from '../config/schema';
import type { SourceId } from '../data/sources';
import type { ThresholdId } from '../data/thresholds';
import type { EntityIndex } from '../entities';
import type { DeclaredEntity, Entity } from '../entities/types';
import type { VerifiedView } from '../lock/verified-view';
import type { AuthorityModel, Grant, Origin, Power } from '../model/schema';
import type { Format } from '../parse';
import type { Span } from '../text/positions';

export type RuleCategory = 'keys' | 'roles' | 'councils' | 'delays' | 'proofs' | 'fees' | 'flags' | 'dependencies' | 'engine';

export interface RuleMeta {
  /** Stable id: never renamed once released. */
  id: string;
  title: string;
  /** Default severity; a finding may carry its own, and configuration overrides both. */
  severity: Severity;
  category: RuleCategory;
  /** One sentence: what the rule detects. */
  description: string;
  /** Why it matters, with the reasoning of the cited sources. */
  rationale: string;
  /** How to fix it. */
  remediation: string;
  sources: SourceId[];
  thresholds?: ThresholdId[];
  /** The L2BEAT stage whose requirement this rule checks, if any. */
  stage?: 0 | 1 | 2;
  fixable: boolean;
  /** Options the rule reads from configuration, described for the docs. */
  options?: Record<string, string>;
}

/** A holder aggregated by entity: every grant held by any address the entity controls. */
export interface Holder {
  entity: Entity;
  grants: Grant[];
  powers: Set<Power>;
}

export interface RuleContext {
  model: AuthorityModel;
  entities: EntityIndex;
  holders: Holder[];
  options: Record<string, unknown>;
  /** The format of the file an element came from, so messages can say how to declare or suppress there. */
  formatOf(origin: Origin): Format;
  /** The framework (`Chain.framework`) of the file an element came from, so messages cite that framework's sources. */
  frameworkOf(origin: Origin): string;
  /** Whether the file an element came from plans a deployment or describes a chain that exists (`Adapter.describes`). */
  describes(origin: Origin): 'plan' | 'deployment';
  now: Date;
  /** What chokepoint.lock.json and L2BEAT snapshots say of this chain; absent when no source applies. */
  verified?: VerifiedView;
  /** The entities `.chokepoint.yaml` and `chokepoint:` comments declare, as written. */
  declarations?: DeclaredEntity[];
}

/** Replace the value at `at` with `value`, written in the file's own syntax and quoting. */
export interface FixEdit {
  at: Origin;
  value: string | number | boolean;
}

/**
 * What a rule's fix changes in the chain the file describes. Every fix a rule offers changes a value,
 * so none is applied by "fix all" or on save: each is a suggestion, titled with what it changes.
 */
export type FixChange = 'security-parameter' | 'flag' | 'proof-system';

export interface Fix {
  /** What the edit does, e.g. "Set the timelock to 30 days"; the engine adds what that changes. */
  title: string;
  changes: FixChange;
  edits: FixEdit[];
}

export interface RuleFinding {
  at: Origin;
  /** Report on the key rather than the value. */
  part?: 'key' | 'value';
  /** The exact span to report on in `at.file`, for what no path reaches (a comment). */
  span?: Span;
  /** One sentence of at most about 120 characters: what concentrates and who holds it. It fits one row of the Problems panel. */
  message: string;
  /** Why it matters and how to fix it, for the hover, `--format json`/`sarif` and the report. */
  detail?: string;
  severity?: Severity;
  related?: { at: Origin; message: string }[];
  /** Address keys the finding is about, for suppressions by address and for hovers. */
  subjects?: string[];
  fixes?: Fix[];
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): Iterable<RuleFinding>;
}
