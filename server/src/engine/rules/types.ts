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

export interface Fix {
  title: string;
  /**
   * True when the fix is safe to apply without review, e.g. turning off a development flag. Fixes
   * that change who holds a power or which proof system is trusted are suggestions: shown as quick
   * fixes, never applied by "fix all" or on save.
   */
  autofix?: boolean;
  edits: FixEdit[];
}

export interface RuleFinding {
  at: Origin;
  /** Report on the key rather than the value. */
  part?: 'key' | 'value';
  /** The exact span to report on in `at.file`, for what no path reaches (a comment). */
  span?: Span;
  message: string;
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
