import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import picomatch from 'picomatch';
import { CancelFlag, isCancelled, LintCancelled } from '../engine/cancel';
import { chainSiblings } from '../engine/chains';
import { ConfigResolver } from '../engine/config/discover';
import { withOverrides, type ResolvedConfig } from '../engine/config/resolved';
import { EntityIndex } from '../engine/entities';
import type { FileReport, Finding } from '../engine/lint';
import { LOCK_FILE_NAME } from '../engine/lock/schema';
import { formatOf, parseDocument, type Format, type ParsedDocument, type Path } from '../engine/parse';
import { JsonLocator } from '../engine/parse/json-locator';
import { visible } from '../engine/text/display';
import { LineIndex } from '../engine/text/positions';
import type { Settings } from './settings';
import { LintLanes, type LintLane } from './lint-lanes';
import { distributionsOf, type MemberSource, type WorkerLint } from './worker-protocol';

/** One linted version of a file, kept for hovers and code actions. */
export interface LintEntry {
  path: string;
  version: number;
  doc: ParsedDocument;
  report: FileReport;
  config: ResolvedConfig;
  /** Every file of the chain it was linted with, by path (itself included). */
  chainDocs: Map<string, ParsedDocument>;
  /** What the same lint found in the chain's other recognized files (reports without models). */
  siblings: FileReport[];
  /** How long the lint took on the worker, in ms (0 when nothing was linted). */
  ms: number;
}

export interface FileLintRequest {
  path: string;
  text: string;
  version: number;
  settings: Settings;
  /** For extraFiles globs: the folder they are relative to. */
  workspaceRoot?: string;
  /** An open document's current version and text, so that the chain's open files are linted as edited. */
  openDocument?: (path: string) => { version: number; text: string } | undefined;
}

/** The worker's file: dist/document-worker.mjs beside the bundle's chunks (dist/, for the server and the CLI alike). */
const WORKER_SCRIPT = join(__dirname, 'document-worker.mjs');

/**
 * Text this long takes longer to lint than the status's delay on these machines: the status says
 * "Linting…" at once (server.ts), and a second lint thread is started beside it.
 */
export const SLOW_LINT_CHARS = 1024 * 1024;

interface Running {
  version: number;
  flag: CancelFlag;
  promise: Promise<LintEntry>;
}

/**
 * Lints documents for the language server with the same config resolution, chains and engine as
 * the CLI. Editor settings apply on top of .chokepoint.yaml the way `--rule` does on the command line.
 *
 * The lint itself runs on a worker thread (document-worker.ts), so the main thread keeps answering
 * messages; a document whose thread is busy with another one is linted on a second thread
 * (lint-lanes.ts), so one slow file does not hold back the others' diagnostics and hovers. A thread
 * keeps the latest text of each document it was sent and parses it there; the main thread keeps
 * the report (findings, models, entities), the config and a lazy view of each chain file's text
 * for hovers and code actions. A newer version of a file cancels its running lint through a
 * shared flag the engine checks between stages.
 */
export class LintService {
  readonly resolver = new ConfigResolver();
  private readonly entries = new Map<string, LintEntry>();
  private readonly running = new Map<string, Running>();
  private readonly lanes: LintLanes;
  /** Entries whose distributions' entries are still on the thread that linted them, with the request that fetches them once asked. */
  private readonly kept = new WeakMap<LintEntry, { lane: LintLane; fetching?: Promise<void> }>();
  /** Bumped by invalidate(): a lint started before it is not remembered. */
  private generation = 0;

  /** `trace` receives a line when a lint starts, ends or is cancelled (the server sends it as $/logTrace). */
  constructor(private readonly trace: (message: string) => void = () => undefined, workerScript = WORKER_SCRIPT, threads = 2) {
    this.lanes = new LintLanes(workerScript, threads);
  }

  configFor(path: string, settings: Settings): ResolvedConfig {
    return applySettings(this.resolver.configFor(path), settings);
  }

  /** Starts the worker ahead of the first lint, so that it does not wait for the worker to load. */
  warmUp(): void {
    this.lanes.warmUp();
  }

  /**
   * Lints a document with the other files of its chain: open ones as edited, the rest from disk.
   * A lint of the same version already running is shared; one of an older version is cancelled.
   * Rejects with LintCancelled when a newer version (or invalidate) supersedes it.
   */
  lint(request: FileLintRequest): Promise<LintEntry> {
    const running = this.running.get(request.path);
    if (running && running.version === request.version) return running.promise;
    running?.flag.cancel();
    const flag = new CancelFlag();
    const name = `${basename(request.path)} v${request.version}`;
    this.trace(`Linting ${name} on the worker.`);
    const promise = this.start(request, flag).then(
      (entry) => {
        this.trace(`Linted ${name} in ${Math.round(entry.ms)} ms.`);
        return entry;
      },
      (error: unknown) => {
        this.trace(isCancelled(error) ? `Cancelled the lint of ${name}: a newer version superseded it.` : `The lint of ${name} failed: ${(error as Error).message}`);
        throw error;
      },
    ).finally(() => {
      if (this.running.get(request.path)?.flag === flag) this.running.delete(request.path);
    });
    this.running.set(request.path, { version: request.version, flag, promise });
    return promise;
  }

  /** Cancels the running lint of a file if it is of an older version than `version`. */
  supersede(path: string, version: number): void {
    const running = this.running.get(path);
    if (running && running.version < version) running.flag.cancel();
  }

  private async start(request: FileLintRequest, flag: CancelFlag): Promise<LintEntry> {
    const generation = this.generation;
    const { path, version, text, settings } = request;
    const config = this.configFor(path, settings);
    if (config.problems.length > 0) {
      const doc = documentView(path, text, formatOf(path, text));
      const report: FileReport = { uri: path, format: doc.format, findings: [configFinding(path, config)], suppressed: [], usedConfigSuppressions: [] };
      return this.remember({ path, version, doc, report, siblings: [], config, chainDocs: new Map([[path, doc]]), ms: 0 }, generation);
    }
    const texts = new Map([[path, text]]);
    const lane = this.lanes.for(path);
    const source = (member: string, open: { version: number; text: string }): MemberSource & { version: number } => {
      texts.set(member, open.text);
      return lane.sent.get(member) === open.version ? { path: member, version: open.version } : { path: member, version: open.version, text: open.text };
    };
    const siblings = chainSiblings(path, config).map((sibling) => {
      const open = request.openDocument?.(sibling);
      return open ? source(sibling, open) : { path: sibling };
    });
    const { locate: _, ...plainConfig } = config;
    const message: Omit<WorkerLint, 'id'> = {
      type: 'lint',
      file: source(path, { version, text }),
      siblings,
      explicit: isExtraFile(path, settings, request.workspaceRoot),
      config: plainConfig,
      maxFileBytes: settings.maxFileSizeMB * 1024 * 1024,
      cancel: flag.buffer,
    };
    const replied = lane.lint(message, [message.file, ...siblings]);
    // A long lint ahead: have the other thread ready, so that the next document does not wait for it to load.
    if (text.length >= SLOW_LINT_CHARS) this.lanes.spare();
    const reply = await replied;
    if (reply.kind === 'cancelled') throw new LintCancelled();
    if (reply.kind === 'failed') throw new Error(reply.message);
    if (reply.kind !== 'done') throw new Error(`Unexpected reply from the lint worker: ${reply.kind}`);
    const chainDocs = new Map<string, ParsedDocument>();
    for (const member of reply.members) {
      const memberText = texts.get(member.path);
      chainDocs.set(member.path, documentView(member.path, memberText ?? (() => readText(member.path)), member.format, member.strictJson));
    }
    const doc = chainDocs.get(path) ?? documentView(path, text);
    // A structured clone keeps the entity index's maps but not its class.
    if (reply.report.entities) Object.setPrototypeOf(reply.report.entities, EntityIndex.prototype);
    const entry: LintEntry = { path, version, doc, report: reply.report, siblings: reply.siblings, config, chainDocs, ms: reply.ms };
    if (reply.keptEntries) this.kept.set(entry, { lane });
    return this.remember(entry, generation);
  }

  /**
   * Completes an entry for a hover: fetches the distribution entries the worker kept back (once).
   * If the worker has linted a newer version since, they stay empty; that hover is of an old version.
   */
  complete(entry: LintEntry): Promise<void> {
    const kept = this.kept.get(entry);
    if (!kept) return Promise.resolve();
    kept.fetching ??= kept.lane.entries({ type: 'entries', path: entry.path, version: entry.version }).then((reply) => {
      if (reply.kind !== 'entries' || !reply.entries) return;
      const distributions = distributionsOf(entry.report);
      reply.entries.forEach((entries, i) => {
        if (distributions[i]) distributions[i].entries = entries;
      });
    }, () => undefined); // The thread stopped: the hover shows the distribution without its entries.
    return kept.fetching;
  }

  private remember(entry: LintEntry, generation: number): LintEntry {
    const current = this.entries.get(entry.path);
    if (generation === this.generation && !(current && current.version > entry.version)) this.entries.set(entry.path, entry);
    return entry;
  }

  get(path: string): LintEntry | undefined {
    return this.entries.get(path);
  }

  /** The document was closed (or is no longer linted): drop its result and the worker's copy of its text. */
  forget(path: string): void {
    this.entries.delete(path);
    this.running.get(path)?.flag.cancel();
    this.lanes.forget(path);
  }

  /** After a .chokepoint.yaml or the settings changed: forget every cached config and result, and cancel running lints. */
  invalidate(): void {
    this.generation++;
    this.resolver.invalidate();
    this.entries.clear();
    for (const running of this.running.values()) running.flag.cancel();
    this.running.clear();
  }

  /** Stops the lint threads. */
  async dispose(): Promise<void> {
    await this.lanes.dispose();
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * A chain file's text as hovers and code actions see it: line positions at once, spans on demand.
 * Strict JSON is located by scanning its text; anything else is parsed on the first request for a
 * span. No lint runs here.
 */
function documentView(uri: string, source: string | (() => string), format?: Format, strictJson = false): ParsedDocument {
  let text: string | undefined = typeof source === 'string' ? source : undefined;
  let lines: LineIndex | undefined;
  let parsed: ParsedDocument | undefined;
  let locator: JsonLocator | undefined;
  const textOf = () => (text ??= (source as () => string)());
  const full = () => (parsed ??= parseDocument(uri, textOf()));
  const jsonLocator = () => (locator ??= new JsonLocator(textOf()));
  return {
    uri,
    get text() {
      return textOf();
    },
    get format() {
      return format ?? full().format;
    },
    get lines() {
      return (lines ??= new LineIndex(textOf()));
    },
    get value() {
      return full().value;
    },
    get problems() {
      return full().problems;
    },
    get comments() {
      return full().comments;
    },
    locate: (path: Path) => (strictJson ? jsonLocator().locate(path) : full().locate(path)),
    scalarStyle: (path: Path) => (strictJson ? jsonLocator().style(path) : full().scalarStyle(path)),
    duplicatesAlong: (path: Path) => (strictJson ? jsonLocator().duplicatesAlong(path) : full().duplicatesAlong(path)),
  };
}

/** Editor settings on top of .chokepoint.yaml, the way `--rule` applies on the command line. */
export function applySettings(config: ResolvedConfig, settings: Settings): ResolvedConfig {
  return withOverrides(config, settings.preset || undefined, settings.rules);
}

function isExtraFile(path: string, settings: Settings, root: string | undefined): boolean {
  if (settings.extraFiles.length === 0) return false;
  const rel = root ? relative(root, path) : path;
  return picomatch(settings.extraFiles, { dot: true })(rel.split('\\').join('/'));
}

/** Shown on the linted file when the .chokepoint.yaml (or chokepoint.lock.json) that applies to it is invalid. */
function configFinding(path: string, config: ResolvedConfig): Finding {
  return {
    ruleId: 'config-error',
    severity: 'error',
    uri: path,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `The ${basename(config.problems[0].file) === LOCK_FILE_NAME ? 'chokepoint.lock.json' : '.chokepoint.yaml'} that applies to this file (${visible(config.problems[0].file)}) is invalid, so the file was not linted: ${config.problems[0].message}`,
    related: [],
    fixes: [],
    subjects: [],
  };
}
