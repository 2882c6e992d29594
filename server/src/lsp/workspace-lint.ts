import { statSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import { DidChangeWatchedFilesNotification, LSPErrorCodes, ResponseError, WatchKind, type CancellationToken, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { chainSiblings } from '../engine/chains';
import { isConfigCandidate } from '../engine/folder-walk';
import { CONFIG_NAMES, type ConfigResolver } from '../engine/config/discover';
import type { ConfigProblem } from '../engine/config/resolved';
import type { Finding } from '../engine/lint';
import { LOCK_FILE_NAME } from '../engine/lock/schema';
import { lintPathsParallel, type WorkspaceResult } from '../engine/workspace';
import { toDiagnostic } from './diagnostics';
import { applySettings } from './linting';
import type { Settings } from './settings';
import { pathToUri, uriToPath } from './uri';

/** Lint Workspace's answer; the client words its message from it. */
export interface WorkspaceLintSummary {
  files: number;
  findings: number;
  configProblems: number;
  cancelled?: boolean;
}

/** What the language server lends the workspace lint. */
export interface WorkspaceLintHost {
  connection: Connection;
  resolver: ConfigResolver;
  roots(): string[];
  /** The settings that apply to the whole scan (the first workspace folder's). */
  settings(): Promise<Settings>;
  /** Whether the editor shows its own lint of the file (open, and linted as edited) in place of the workspace result. */
  showsLive(uri: string): boolean;
  /** Pull diagnostics: an open file's live findings arrive through the pull, beside what was pushed. */
  pull(): boolean;
  /** Whether the client watches files the server asks it to (dynamic registration of workspace/didChangeWatchedFiles). */
  watchesFiles(): boolean;
  publishConfig(problems: ConfigProblem[]): void;
  log(message: string): void;
}

/** A .chokepoint.yaml or chokepoint.lock.json: it changes how every file it applies to is linted, and is not linted itself. */
export function isConfigFile(path: string): boolean {
  return [...CONFIG_NAMES, LOCK_FILE_NAME].includes(basename(path));
}

/**
 * Every file that may be a config, whose change on disk may change a workspace result; and every
 * deletion, since a deleted folder is reported as itself, not as the files it held.
 */
const WATCHERS = [{ globPattern: '**/*.{json,jsonc,json5,yaml,yml,toml}' }, { globPattern: '**/*', kind: WatchKind.Delete }];

/** Lets a burst of changes (a checkout; a save and its watcher event) be re-linted at once. */
const REFRESH_DELAY_MS = 100;

/** A file's findings from the workspace lint, and its modification time and size when it was read (undefined: missing). */
interface Held {
  diagnostics: Diagnostic[];
  stamp: string | undefined;
}

function stampOf(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return undefined;
  }
}

/**
 * Lint Workspace and the findings it leaves in Problems, which stay until their file changes, as a
 * compiler's project diagnostics do: an open file shows its live lint instead and gets its workspace
 * result back when closed; a file that changed on disk (saved, or reported by the client's watcher)
 * is re-linted with the rest of its chain, from disk, and its result replaced.
 *
 * Files changed while a scan runs are re-linted after it, since the scan may have read them before
 * the change: the watcher is registered before the first scan reads anything.
 */
export class WorkspaceLint {
  private results = new Map<string, Held>();
  /** A scan has completed: from then on, changes to its files are followed. */
  private ran = false;
  private scan: AbortController | undefined;
  /** Bumped when a scan starts: a re-lint begun before it does not overwrite what it finds. */
  private epoch = 0;
  /** Changed files waiting to be re-linted, by path. */
  private readonly pending = new Set<string>();
  private refreshing = false;
  private timer: NodeJS.Timeout | undefined;
  private watching = false;

  constructor(private readonly host: WorkspaceLintHost) {}

  /**
   * Lints every config in the workspace folders and pushes the results of the files the editor does
   * not show live. Large scans run on worker threads, so the server keeps answering; the scan reports
   * work-done progress and stops when the user cancels it (the result then says `cancelled`, nothing
   * is published and the previous results stay) or the request is cancelled. A new scan cancels the
   * running one.
   */
  async run(token?: CancellationToken): Promise<WorkspaceLintSummary> {
    const { connection } = this.host;
    this.scan?.abort();
    const scan = new AbortController();
    this.scan = scan;
    this.epoch++;
    await this.watch();
    const settings = await this.host.settings();
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Chokepoint: linting the workspace', 0, undefined, true);
    const cancels = [progress.token.onCancellationRequested(() => scan.abort()), token?.onCancellationRequested(() => scan.abort())];
    let result: WorkspaceResult;
    try {
      result = await lintPathsParallel(this.host.roots(), {
        resolver: this.host.resolver,
        adjust: (config) => applySettings(config, settings),
        signal: scan.signal,
        offThread: true,
        onProgress: (done, total) => progress.report(total === 0 ? 100 : Math.floor((done / total) * 100), `${done}/${total} files`),
      });
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Lint Workspace was cancelled.');
      return { files: 0, findings: 0, configProblems: 0, cancelled: true };
    } finally {
      for (const cancel of cancels) cancel?.dispose();
      if (this.scan === scan) this.scan = undefined;
      progress.done();
      if (this.pending.size > 0) this.refreshSoon();
    }
    if (result.notFollowed.length > 0) this.host.log(`Lint Workspace did not follow ${result.notFollowed.length} symlink(s) that lead out of the workspace folders, as the CLI does without --follow-symlinks: ${result.notFollowed.join(', ')}`);
    this.replace(result);
    return { files: result.reports.length, findings: result.reports.reduce((sum, report) => sum + report.findings.length, 0), configProblems: result.configProblems.length };
  }

  /** After a .chokepoint.yaml or lock changed, which may change every result: the scan runs again, if one ran. */
  rescan(): void {
    if (this.ran || this.scan) this.run().catch((error: unknown) => this.host.log(`Chokepoint could not lint the workspace again: ${(error as Error).message}`));
  }

  /** The editor opened a file: with pull diagnostics its live findings replace the pushed result, which is cleared so that nothing shows twice. */
  opened(uri: string): void {
    if (this.host.pull() && this.results.has(uri) && this.host.showsLive(uri)) void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * The editor closed a file: shows its workspace result again, or, if the file changed on disk
   * since that result, re-lints it. Returns false when the file has no workspace result.
   */
  closed(uri: string): boolean {
    const held = this.results.get(uri);
    if (!held) return false;
    const path = uriToPath(uri);
    if (held.stamp !== undefined && stampOf(path) === held.stamp) {
      this.show(uri, held.diagnostics);
    } else {
      this.show(uri, []);
      this.changed([path]);
    }
    return true;
  }

  /**
   * Files created, changed or deleted on disk (watched, or saved in the editor): re-lints, with
   * their chains, those that have a workspace result or sit in a folder that does, any that changed
   * while a scan ran, and those with a result in a folder that was deleted.
   */
  changed(paths: string[]): void {
    if (!this.ran && !this.scan) return;
    const held = [...this.results.keys()].map(uriToPath);
    const folders = new Set(held.map((path) => dirname(path)));
    for (const path of paths) {
      for (const inside of held) if (inside.startsWith(`${path}${sep}`)) this.pending.add(inside);
      if (!isConfigCandidate(basename(path)) || isConfigFile(path)) continue;
      if (this.scan || this.results.has(pathToUri(path)) || folders.has(dirname(path))) this.pending.add(path);
    }
    if (this.pending.size > 0) this.refreshSoon();
  }

  private replace(result: WorkspaceResult): void {
    const next = new Map<string, Held>();
    for (const report of result.reports) next.set(pathToUri(report.uri), held(report.findings, stampOf(report.uri)));
    const byConfig = new Map<string, Finding[]>();
    for (const finding of result.configFindings) byConfig.set(finding.uri, [...(byConfig.get(finding.uri) ?? []), finding]);
    for (const [file, findings] of byConfig) next.set(pathToUri(file), held(findings, stampOf(file)));
    for (const uri of this.results.keys()) if (!next.has(uri)) this.show(uri, []);
    this.results = next;
    this.ran = true;
    for (const [uri, { diagnostics }] of next) this.show(uri, diagnostics);
    this.host.publishConfig(result.configProblems);
  }

  private show(uri: string, diagnostics: Diagnostic[]): void {
    if (!this.host.showsLive(uri)) void this.host.connection.sendDiagnostics({ uri, diagnostics });
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Re-lints the chains of the changed files, as the scan lints them, and replaces (or drops) their files' results. */
  private async refresh(): Promise<void> {
    if (this.scan || this.refreshing || this.pending.size === 0) return;
    const changed = [...this.pending];
    this.pending.clear();
    this.refreshing = true;
    const epoch = this.epoch;
    try {
      // Taken before the files are read: a change during the lint makes the stamp older than the result, never newer.
      const stamps = new Map<string, string | undefined>();
      for (const path of changed) {
        for (const member of [path, ...chainSiblings(path, this.host.resolver.configFor(path))]) if (!stamps.has(member)) stamps.set(member, stampOf(member));
      }
      const present = [...stamps].filter(([, stamp]) => stamp !== undefined).map(([path]) => path);
      const settings = await this.host.settings();
      const result = present.length > 0 ? await lintPathsParallel(present, { resolver: this.host.resolver, adjust: (config) => applySettings(config, settings), offThread: true, asFound: true }) : undefined;
      if (epoch !== this.epoch) {
        // A scan started meanwhile; if it is cancelled, these files still need their re-lint.
        for (const path of changed) this.pending.add(path);
        return;
      }
      const reports = new Map((result?.reports ?? []).map((report) => [report.uri, report]));
      for (const [path, stamp] of stamps) {
        const uri = pathToUri(path);
        const report = reports.get(path);
        if (report) {
          const next = held(report.findings, stamp);
          this.results.set(uri, next);
          this.show(uri, next.diagnostics);
        } else if (this.results.delete(uri)) {
          this.show(uri, []);
        }
      }
    } catch (error) {
      this.host.log(`Chokepoint could not re-lint the files that changed (${changed.join(', ')}): ${(error as Error).message}`);
    } finally {
      this.refreshing = false;
      if (this.pending.size > 0) this.refreshSoon();
    }
  }

  /** Asks the client, once, to report changes to every file that may be a config. */
  private async watch(): Promise<void> {
    if (this.watching || !this.host.watchesFiles()) return;
    this.watching = true;
    try {
      await this.host.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHERS });
    } catch (error) {
      this.host.log(`The client did not watch the workspace's files: ${(error as Error).message}. Lint Workspace results will be checked against the files when they are closed.`);
    }
  }
}

function held(findings: Finding[], stamp: string | undefined): Held {
  return { diagnostics: findings.map((finding) => toDiagnostic(finding, pathToUri)), stamp };
}
