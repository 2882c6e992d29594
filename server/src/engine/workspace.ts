import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ADAPTERS } from './adapters';
import { CHAIN_CONFIG_SNIFF } from './detect';
import { chainOf, chainSiblings, isIgnored } from './chains';
import { isInside, realPath, walkConfigFiles } from './folder-walk';
import type { ConfigResolver } from './config/discover';
import type { ConfigProblem, ResolvedConfig } from './config/resolved';
import { isPlaceholder } from './annotations/directives';
import { lintChain, matchesFiles, splitSentence, type ChainMember, type FileReport, type Finding } from './lint';
import { parseDocument, type ParsedDocument } from './parse';
import { PRESCAN_MIN_CHARS, startPrescan } from './parse/prescan';
import { errorReason, readErrorReport } from './read-error';
import { checkReadable, NotARegularFile, readRegularFile, specialKind } from './read-file';
import { LineIndex, type Span } from './text/positions';
import { ruleMeta } from './rules/index';
import { runPool } from './worker-pool';

export interface WorkspaceOptions {
  resolver: ConfigResolver;
  /** Applied on top of every resolved config (`--rule id=severity`). */
  adjust?: (config: ResolvedConfig) => ResolvedConfig;
  now?: Date;
  /**
   * Called after each chain with the count of files done and the total (files found and named,
   * without the context siblings linted alongside them): increasing, the last call has done === total.
   */
  onProgress?: (done: number, total: number) => void;
  /** Keep each report's models and entity index (`lintPaths` only: they do not survive a copy between threads), for the sovereignty report. */
  models?: boolean;
  /**
   * Lint the files named as a folder scan finds them: skipped when ignored, reported only when
   * recognized (or when they look like a chain's config), with no siblings added as context. The
   * caller names every file of their chains: the language server re-lints this way the chains of
   * files that changed since Lint Workspace.
   */
  asFound?: boolean;
  /**
   * Follow symlinks that lead out of the folder scanned, and to files beside a named file
   * (`--follow-symlinks`). By default a scan follows only symlinks whose target is inside it.
   */
  followSymlinks?: boolean;
}

export interface ParallelOptions extends WorkspaceOptions {
  /**
   * Most worker threads to use; 1 lints on this thread. Given, it is used whatever the scan's size.
   * By default (`defaultJobs`), a scan estimated over PARALLEL_MIN_MS runs on one worker a core
   * where there are at least MIN_CORES_FOR_POOL cores; otherwise on this thread.
   */
  jobs?: number;
  /** Stops the scan: the workers are terminated and the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /**
   * Lint a large scan on workers (at least one) even where a pool would not be faster, so this
   * thread stays free (the language server). Small scans are still linted here.
   */
  offThread?: boolean;
  /** The bundled worker entry; defaults to lint-worker.mjs beside this bundle. Without it, the scan runs on this thread. */
  workerScript?: string;
}

export interface WorkspaceResult {
  reports: FileReport[];
  /** Problems in .chokepoint.yaml files: broken configs are usage errors. */
  configProblems: ConfigProblem[];
  /** Findings about config files themselves, e.g. unused or expired suppressions. */
  configFindings: Finding[];
  /** Worker threads the scan ran on; 0 when it ran on the calling thread. */
  workers: number;
  /** With `models`: every file parsed for the lint (the chains' context files too), by path. */
  documents?: Map<string, ParsedDocument>;
  /** Symlinks in the folders scanned that were not followed because they lead out of them (see `followSymlinks`). */
  notFollowed: string[];
}

type Role = 'explicit' | 'found' | 'context';

/** One chain to lint: everything a worker needs, as plain data (a config without its `locate`). */
export interface ChainTask {
  config: ResolvedConfig;
  members: [path: string, role: Role][];
  now?: Date;
}

/** The reports of a chain's files that are reported (not context), or why the chain failed. */
export type ChainOutcome = { reports: FileReport[] } | { error: string; usage: boolean };

interface Plan {
  configs: Map<string, ResolvedConfig>;
  /** Problems of every config and lock file met, once each (a lock without a .chokepoint.yaml too). */
  problems: ConfigProblem[];
  tasks: ChainTask[];
  /** Files found or named in each task (its progress weight). */
  weights: number[];
  /** Bytes each task reads, to schedule the largest first and to decide whether threads pay. */
  bytes: number[];
  total: number;
  /** Folders found in the scan that could not be listed, each as a `read-error` report. */
  unreadable: FileReport[];
  notFollowed: string[];
}

/**
 * A scan estimated to take less than this on one thread stays there: a worker takes about 120 ms
 * to load the engine bundle and lint its first chain (measured on a 2-core machine), more than
 * it could save on a small scan.
 */
export const PARALLEL_MIN_MS = 300;

/** A rough single-thread cost of a scan: about 0.5 ms a file plus 25 MB/s (JSON.parse and the locator). */
export function estimateMs(files: number, bytes: number): number {
  return files * 0.5 + bytes / 25_000;
}

/**
 * Fewest cores for a default pool. With two, a single thread already keeps both busy: V8's helper
 * threads (concurrent compilation and GC) take the second core, and each worker compiles the
 * engine again. Measured on a 2-core machine (`npm run bench`, "Workspace scan"): two workers
 * took 5-15% longer than one thread on 1,000 small configs, and on two 10 MB geneses.
 */
export const MIN_CORES_FOR_POOL = 3;

/** Workers by default: one a core where that pays, else none (the scan stays on one thread). */
export function defaultJobs(cores = availableParallelism()): number {
  return cores >= MIN_CORES_FOR_POOL ? cores : 1;
}

/**
 * Lints files and folders the way the CLI and the editor's "Lint workspace" do. Files named
 * explicitly are always linted; in folders, only files that look like a supported config are.
 * Files are linted by chain (a folder, or a `chains:` entry), each with the rest of its chain as
 * context, so entities and powers add up across a chain's files. Runs on this thread.
 */
export function lintPaths(paths: string[], options: WorkspaceOptions): WorkspaceResult {
  const plan = planPaths(paths, options);
  const outcomes: ChainOutcome[] = [];
  const documents = options.models ? new Map<string, ParsedDocument>() : undefined;
  let done = 0;
  options.onProgress?.(0, plan.total);
  plan.tasks.forEach((task, i) => {
    outcomes.push(runChainTask(task, options.models, documents));
    options.onProgress?.((done += plan.weights[i]), plan.total);
  });
  const result = assemble(plan, outcomes, options.now, 0);
  return documents ? { ...result, documents } : result;
}

/**
 * `lintPaths` across worker threads: a pool of min(jobs, chains) workers lints whole chains, the
 * largest first; the results are assembled in the same order as `lintPaths`, so the output is
 * identical. Small scans (and `jobs: 1`) run on this thread, yielding between chains so a caller
 * can cancel.
 */
export async function lintPathsParallel(paths: string[], options: ParallelOptions): Promise<WorkspaceResult> {
  const plan = planPaths(paths, options);
  options.onProgress?.(0, plan.total);
  const files = plan.tasks.reduce((sum, task) => sum + task.members.length, 0);
  const cost = estimateMs(files, plan.bytes.reduce((a, b) => a + b, 0));
  const script = options.workerScript ?? defaultWorkerScript();
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), plan.tasks.length));
  // Threads pay for a large scan; `jobs` given explicitly asks for them whatever the size.
  const worthIt = options.jobs !== undefined || cost >= PARALLEL_MIN_MS;
  const threads = (jobs > 1 && plan.tasks.length > 1) || (options.offThread === true && options.jobs !== 1);
  const useWorkers = worthIt && threads && script !== undefined && existsSync(script);
  let outcomes: ChainOutcome[];
  if (useWorkers) {
    const order = plan.tasks.map((_, i) => i).sort((a, b) => plan.bytes[b] - plan.bytes[a] || a - b);
    let done = 0;
    outcomes = await runPool<ChainTask, ChainOutcome>({
      script: script!,
      size: jobs,
      tasks: plan.tasks.map(workerTask),
      order,
      signal: options.signal,
      onResult: (i) => options.onProgress?.((done += plan.weights[i]), plan.total),
    });
  } else {
    outcomes = [];
    let done = 0;
    for (const [i, task] of plan.tasks.entries()) {
      if (options.signal?.aborted) throw abortError();
      outcomes.push(runChainTask(task));
      options.onProgress?.((done += plan.weights[i]), plan.total);
      // Lets a cancellation (or anything else waiting on this thread) in between chains.
      if (options.signal) await new Promise((resolve) => setImmediate(resolve));
    }
    if (options.signal?.aborted) throw abortError();
  }
  return assemble(plan, outcomes, options.now, useWorkers ? jobs : 0);
}

/**
 * Lints one chain: reads its files (context siblings that are not a recognized config are skipped)
 * and keeps the reported ones, then those of its found files that could not be read.
 */
export function lintChainTask(task: ChainTask, models = false, documents?: Map<string, ParsedDocument>): FileReport[] {
  const chain: { member: ChainMember; reported: boolean }[] = [];
  const unread: FileReport[] = [];
  for (const [path, role] of task.members) {
    const text = readText(path, role, task.config, unread);
    if (text === undefined || (role !== 'explicit' && !ADAPTERS.some((adapter) => adapter.sniff.test(text)) && !CHAIN_CONFIG_SNIFF.test(text))) continue;
    // A large JSON file's structure is scanned on another thread while this one parses it.
    const prescan = text.length >= PRESCAN_MIN_CHARS && /\.json$/i.test(path) ? startPrescan(path) : undefined;
    const doc = parseDocument(path, text, undefined, prescan ? { structure: () => prescan.take() } : {});
    chain.push({ member: { doc, explicit: role === 'explicit', context: role === 'context' }, reported: role !== 'context' });
    documents?.set(path, doc);
  }
  const reports = lintChain(chain.map((c) => c.member), { config: task.config, now: task.now });
  // Files found in a folder are reported when read, or when they look like a chain config that could not be (never skipped silently).
  const reported = reports.filter((report, i) => chain[i].reported && (chain[i].member.explicit || report.adapter || report.findings.some((f) => f.ruleId === 'unrecognized-config')));
  return [...reported.map(models ? (report) => report : plainReport), ...unread];
}

/** `lintChainTask` with its errors as data, as a worker returns them. */
export function runChainTask(task: ChainTask, models = false, documents?: Map<string, ParsedDocument>): ChainOutcome {
  try {
    return { reports: lintChainTask(task, models, documents) };
  } catch (error) {
    return { error: (error as Error).message, usage: error instanceof UsageError };
  }
}

/**
 * A workspace report carries findings, not the models: the same fields whichever thread linted it
 * (an entity index does not survive a copy between threads).
 */
function plainReport(report: FileReport): FileReport {
  const { model: _model, chain: _chain, entities: _entities, ...rest } = report;
  return rest;
}

function workerTask(task: ChainTask): ChainTask {
  const { locate: _locate, ...config } = task.config;
  return { ...task, config };
}

function planPaths(paths: string[], options: WorkspaceOptions): Plan {
  const requested = new Map<string, boolean>();
  const scan: Scan = { unreadable: new Map(), notFollowed: new Set(), roots: [] };
  for (const given of paths) {
    const absolute = resolve(given);
    const stat = statOf(given, absolute);
    if (stat.isDirectory()) collect(given, absolute, options, requested, scan);
    else if (!stat.isFile()) {
      // A FIFO would block the read and a device never end it: named, it is an error; re-linted as found, it is passed over as a scan does.
      if (!options.asFound) throw new UsageError(new NotARegularFile(given, specialKind(stat)).message);
    } else if (!options.asFound) {
      readable(given, absolute);
      requested.set(absolute, true);
    }
    else if (!isIgnored(absolute, options.resolver.configFor(absolute))) requested.set(absolute, false);
  }

  const configs = new Map<string, ResolvedConfig>();
  const problems = new Map<string, ConfigProblem>();
  /** The config a path is linted with, its problems recorded; undefined when it has any (nothing is linted with it). */
  const configOf = (path: string): ResolvedConfig | undefined => {
    const base = options.resolver.configFor(path);
    const config = options.adjust ? options.adjust(base) : base;
    if (config.file) configs.set(config.file, config);
    for (const problem of config.problems) problems.set(`${problem.file}\0${problem.span.start}\0${problem.message}`, problem);
    return config.problems.length > 0 ? undefined : config;
  };
  const groups = new Map<string, { config: ResolvedConfig; members: Map<string, Role> }>();
  for (const [path, explicit] of requested) {
    const config = configOf(path);
    if (!config) continue;
    const { key } = chainOf(path, config);
    let group = groups.get(key);
    if (!group) {
      group = { config, members: new Map() };
      groups.set(key, group);
    }
    group.members.set(path, explicit ? 'explicit' : 'found');
    if (explicit) for (const sibling of chainSiblings(path, config, options)) if (!group.members.has(sibling)) group.members.set(sibling, 'context');
  }

  const tasks: ChainTask[] = [];
  const weights: number[] = [];
  const bytes: number[] = [];
  for (const { config, members } of groups.values()) {
    tasks.push({ config, members: [...members], now: options.now });
    weights.push([...members.values()].filter((role) => role !== 'context').length);
    bytes.push([...members.keys()].reduce((sum, path) => sum + sizeOf(path), 0));
  }
  const unreadable: FileReport[] = [];
  for (const [path, error] of scan.unreadable) {
    const config = configOf(path);
    const report = config && !isIgnored(path, config) ? readErrorReport(path, 'folder', error, config) : undefined;
    if (report) unreadable.push(report);
  }
  return { configs, problems: [...problems.values()], tasks, weights, bytes, total: weights.reduce((a, b) => a + b, 0), unreadable, notFollowed: outsideAll(scan.notFollowed, scan.roots) };
}

/** What the walks met besides files (once each, when a folder is named twice or inside another named): folders they could not list, and symlinks they did not follow. */
interface Scan {
  unreadable: Map<string, NodeJS.ErrnoException>;
  notFollowed: Set<string>;
  /** The real paths of the folders named. */
  roots: string[];
}

/** The symlinks not followed whose target is in none of the folders named (one named folder's link into another is linted there). */
function outsideAll(links: Set<string>, roots: string[]): string[] {
  return [...links].filter((link) => {
    const target = realPath(link);
    return target === undefined || !roots.some((root) => isInside(target, root));
  });
}

/** A named path's stat; a usage error when it is missing or out of reach. */
function statOf(given: string, absolute: string): Stats {
  try {
    return statSync(absolute);
  } catch (error) {
    throw new UsageError((error as NodeJS.ErrnoException).code === 'ENOENT' ? `No such file or folder: ${given}` : `Cannot read ${given}: ${errorReason(error)}.`);
  }
}

/** A named file that cannot be read is a usage error, named as it was given. */
function readable(given: string, absolute: string): void {
  try {
    checkReadable(absolute);
  } catch (error) {
    throw new UsageError(`Cannot read ${given}: ${errorReason(error)}.`);
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The reports in chain order, and the config findings that depend on all of them. */
function assemble(plan: Plan, outcomes: ChainOutcome[], now: Date | undefined, workers: number): WorkspaceResult {
  const reports: FileReport[] = [];
  const used = new Map<string, Set<number>>();
  plan.tasks.forEach(({ config }, i) => {
    const outcome = outcomes[i];
    if ('error' in outcome) throw outcome.usage ? new UsageError(outcome.error) : new Error(outcome.error);
    for (const report of outcome.reports) {
      reports.push(report);
      if (config.file) {
        const set = used.get(config.file) ?? new Set();
        report.usedConfigSuppressions.forEach((index) => set.add(index));
        used.set(config.file, set);
      }
    }
  });
  reports.push(...plan.unreadable);
  const configProblems = plan.problems;
  const configFindings = [
    ...declarationFindings(plan.configs, reports),
    ...[...plan.configs.values()].flatMap((config) => suppressionFindings(config, used.get(config.file!) ?? new Set(), reports.map((r) => r.uri), now ?? new Date())),
  ];
  return { reports, configProblems, configFindings, workers, notFollowed: plan.notFollowed };
}

/** lint-worker.mjs beside the running bundle (dist/); absent when the engine runs from source. */
function defaultWorkerScript(): string | undefined {
  return typeof __dirname === 'string' ? join(__dirname, 'lint-worker.mjs') : undefined;
}

export function abortError(): Error {
  const error = new Error('The workspace lint was cancelled.');
  error.name = 'AbortError';
  return error;
}

/**
 * The text of a chain's file. A file named explicitly must be a readable file (else a usage
 * error); one found in a folder that cannot be read is reported in `unread` (`read-error`). A
 * context sibling that cannot be read, and a file that vanished or is no longer a regular file, are
 * left out.
 */
function readText(path: string, role: Role, config: ResolvedConfig, unread: FileReport[]): string | undefined {
  try {
    return readRegularFile(path);
  } catch (error) {
    if (role === 'explicit') throw new UsageError(error instanceof NotARegularFile ? error.message : `Cannot read ${path}: ${errorReason(error)}.`);
    if (role === 'found' && !(error instanceof NotARegularFile) && (error as NodeJS.ErrnoException).code !== 'ENOENT') {
      const report = readErrorReport(path, 'file', error, config);
      if (report) unread.push(report);
    }
    return undefined;
  }
}

export class UsageError extends Error {}

/**
 * The config candidates of a named folder, with the folders in it that cannot be listed and the
 * symlinks not followed. The named folder itself not being listable is a usage error.
 */
function collect(given: string, dir: string, options: WorkspaceOptions, out: Map<string, boolean>, scan: Scan): void {
  scan.roots.push(realPath(dir) ?? dir);
  walkConfigFiles(dir, (path) => {
    const config = options.resolver.configFor(path);
    if (!isIgnored(path, config) && !out.has(path)) out.set(path, false);
  }, {
    followSymlinks: options.followSymlinks,
    onUnreadable: (path, error) => {
      if (path === dir) throw new UsageError(`Cannot read the folder ${given}: ${errorReason(error)}. Nothing was linted.`);
      scan.unreadable.set(path, error);
    },
    onNotFollowed: (path) => scan.notFollowed.add(path),
  });
}

/** Findings the rules made about `.chokepoint.yaml` declarations (each chain of a config reports them; once each here), placed in its text. */
function declarationFindings(configs: Map<string, ResolvedConfig>, reports: FileReport[]): Finding[] {
  const findings = new Map<string, Finding>();
  const lines = new Map<string, LineIndex>();
  for (const found of reports.flatMap((r) => r.configFindings ?? [])) {
    const config = configs.get(found.file);
    if (!config) continue;
    const key = JSON.stringify([found.ruleId, found.path, found.message]);
    if (findings.has(key)) continue;
    let index = lines.get(found.file);
    if (!index) {
      index = new LineIndex(readFileSync(found.file, 'utf8'));
      lines.set(found.file, index);
    }
    let span: Span | undefined;
    for (let cut = found.path.length; !span && cut > 0; cut--) span = config.locate?.(found.path.slice(0, cut));
    findings.set(key, { ruleId: found.ruleId, severity: found.severity, message: found.message, ...(found.detail ? { detail: found.detail } : {}), uri: found.file, range: index.rangeOf(span ?? { start: 0, end: 0 }), related: found.related, fixes: [], subjects: found.subjects });
  }
  return [...findings.values()];
}

/** Expired and unused `.chokepoint.yaml` suppressions, reported on the config file itself. */
function suppressionFindings(config: ResolvedConfig, used: Set<number>, linted: string[], now: Date): Finding[] {
  if (!config.file || config.problems.length > 0) return [];
  const today = now.toISOString().slice(0, 10);
  const findings: Finding[] = [];
  const lines = new LineIndex(readFileSync(config.file, 'utf8'));
  const rangeOf = (index: number) => {
    const span = config.locate?.(['suppressions', index, 'rule']) ?? { start: 0, end: 0 };
    return lines.rangeOf(span);
  };
  for (const suppression of config.suppressions) {
    const expired = suppression.expires !== undefined && suppression.expires < today;
    const unwritten = isPlaceholder(suppression.reason);
    const applicable = linted.some((path) => matchesFiles(suppression.files, relative(config.baseDir, path)));
    const ruleId = unwritten ? 'invalid-directive' : expired ? 'expired-suppression' : applicable && !used.has(suppression.index) ? 'unused-suppression' : undefined;
    if (!ruleId) continue;
    const meta = ruleMeta(ruleId)!;
    const severity = config.rules[ruleId]?.severity ?? meta.severity;
    if (severity === 'off') continue;
    findings.push({
      ruleId,
      severity,
      uri: config.file,
      range: rangeOf(suppression.index),
      ...splitSentence(unwritten
        ? `This suppression of ${suppression.rule} still has the placeholder reason "${suppression.reason}" and suppresses nothing. Write why the risk is accepted.`
        : expired
        ? `This suppression of ${suppression.rule} expired on ${suppression.expires}; its findings are back. Fix them, or renew it with a new date and reason.`
        : `This suppression of ${suppression.rule} matched no finding in the files linted. Remove it, or correct its files or address.`),
      related: [],
      fixes: [],
      subjects: [],
    });
  }
  return findings;
}
