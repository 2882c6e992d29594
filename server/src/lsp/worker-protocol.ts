/** The messages between LintService (the server's main thread, linting.ts) and its lint thread (document-worker.ts). */
import type { ResolvedConfig } from '../engine/config/resolved';
import type { FileReport } from '../engine/lint';
import type { Distribution } from '../engine/model/schema';
import type { Format } from '../engine/parse';

/** A chain member the worker reads: `version` when it is open in the editor, `text` unless the worker already has that version. */
export interface MemberSource {
  path: string;
  version?: number;
  text?: string;
}

export interface WorkerLint {
  type: 'lint';
  id: number;
  file: MemberSource & { version: number };
  siblings: MemberSource[];
  explicit: boolean;
  /** Without its `locate`, which cannot cross threads (and the lint does not use). */
  config: ResolvedConfig;
  maxFileBytes: number;
  /** The buffer of the CancelFlag the main thread raises when a newer version supersedes this lint. */
  cancel: SharedArrayBuffer;
}

/** Asks for the entries of the large distributions the worker kept back from the lint of `version`. */
export interface WorkerEntries {
  type: 'entries';
  id: number;
  path: string;
  version: number;
}

export type WorkerMessage = WorkerLint | WorkerEntries | { type: 'forget'; path: string };

/** How the worker read a chain member, so that the main thread can locate paths in it without linting it again. */
export interface MemberInfo {
  path: string;
  format: Format;
  /** Strict JSON without problems: its spans are found from the text alone (JsonLocator), no parse needed. */
  strictJson: boolean;
  open: boolean;
}

export type WorkerReply =
  /**
   * `keptEntries`: the distributions' entries stayed on the worker (see KEPT_ENTRIES); ask with
   * WorkerEntries. `siblings`: what the same lint found in the chain's other recognized files,
   * without their models (the authority map lists a chain's findings wherever they are).
   */
  | { id: number; kind: 'done'; report: FileReport; siblings: FileReport[]; members: MemberInfo[]; ms: number; keptEntries: boolean }
  | { id: number; kind: 'cancelled' }
  | { id: number; kind: 'failed'; message: string }
  /** In the order of distributionsOf(report); undefined when the worker has linted a newer version since. */
  | { id: number; kind: 'entries'; entries?: Distribution['entries'][] };

/**
 * Past this many distribution entries in a report, the entries stay on the worker until a hover
 * asks for them. A large genesis's supply distribution holds every balance (19,000 in a 9 MB
 * file): cloning them to the main thread would cost it tens of milliseconds on every lint, and
 * only a hover on a balance reads them.
 */
export const KEPT_ENTRIES = 1000;

/** The distributions of a report's file and chain models, each once (the models share them), in a stable order. */
export function distributionsOf(report: FileReport): Distribution[] {
  return [...new Set([...(report.model?.distributions ?? []), ...(report.chain?.distributions ?? [])])];
}
