import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { ConfigResolver } from '../engine/config/discover';
import { withOverrides, type ConfigProblem } from '../engine/config/resolved';
import { plural } from '../engine/text/counts';
import { visible } from '../engine/text/display';
import { LineIndex } from '../engine/text/positions';
import { nearestRuleId, ruleMeta } from '../engine/rules/index';
import { lintPathsParallel, UsageError } from '../engine/workspace';
import { ArgsError, type LintArgs } from './args';
import { FORMATTERS } from './formatters';
import type { FileResult } from './formatters/types';
import { VERSION } from '../version';

const RANK = { info: 1, warning: 2, error: 3 } as const;

export interface CommandIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /** stderr is a terminal: a large scan shows its progress there. */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  now?: Date;
}

/** Scans of at least this many files show their progress on a terminal's stderr. */
export const PROGRESS_MIN_FILES = 100;
const PROGRESS_INTERVAL_MS = 100;

/** Runs `chokepoint lint`; returns the exit code: 0 clean, 1 findings at the fail level, 2 usage or config errors. */
export async function lintCommand(args: LintArgs, io: CommandIO): Promise<number> {
  checkRuleOverrides(args.rules);
  const progress = io.stderrIsTTY ? progressLine(io) : undefined;
  let result;
  try {
    result = await lintPathsParallel(args.paths, {
      resolver: new ConfigResolver(args.config),
      adjust: (config) => withOverrides(config, args.preset, args.rules),
      now: io.now,
      jobs: args.jobs,
      followSymlinks: args.followSymlinks,
      onProgress: progress?.update,
    });
  } catch (error) {
    if (error instanceof UsageError) throw new ArgsError(error.message);
    throw error;
  } finally {
    progress?.clear();
  }
  if (result.configProblems.length > 0) {
    printConfigProblems(result.configProblems, io);
    return 2;
  }

  const display = displayPath(io.cwd);
  if (!args.quiet) printNotFollowed(result.notFollowed, display, io);
  const files: FileResult[] = result.reports.map((report) => ({
    uri: report.uri,
    path: display(report.uri),
    kind: report.adapter?.title,
    findings: args.quiet ? report.findings.filter((f) => f.severity === 'error') : report.findings,
    suppressed: report.suppressed,
  }));
  for (const finding of result.configFindings) {
    let file = files.find((f) => f.uri === finding.uri);
    if (!file) {
      file = { uri: finding.uri, path: display(finding.uri), kind: 'Chokepoint configuration', findings: [], suppressed: [] };
      files.push(file);
    }
    if (!args.quiet || finding.severity === 'error') file.findings.push(finding);
  }

  const color = args.color ?? (args.format === 'stylish' && !args.output && io.isTTY && !io.env.NO_COLOR) ?? false;
  const output = FORMATTERS[args.format]({ version: VERSION, files, display, notFollowed: result.notFollowed.map(display), color: Boolean(color || io.env.FORCE_COLOR) && args.color !== false });
  const pieces = typeof output === 'string' ? [output] : output;
  if (args.output) {
    writeReport(args.output, pieces);
  } else {
    for (const piece of pieces) io.stdout(piece);
  }
  if (args.failOn === 'none') return 0;
  const threshold = RANK[args.failOn];
  return files.some((file) => file.findings.some((f) => RANK[f.severity] >= threshold)) ? 1 : 0;
}

/**
 * "Linting 412/1000 files…" on one line of stderr, rewritten in place at most every 100 ms and
 * erased at the end, so nothing of it is left in the terminal or in the report on stdout.
 */
function progressLine(io: CommandIO): { update: (done: number, total: number) => void; clear: () => void } {
  let shown = false;
  let last = 0;
  return {
    update: (done, total) => {
      if (total < PROGRESS_MIN_FILES || done >= total) return;
      const now = Date.now();
      if (shown && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      shown = true;
      io.stderr(`\r\x1b[KLinting ${done}/${total} files…`);
    },
    clear: () => {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
    },
  };
}

/** Names shown of the symlinks a scan did not follow; the rest are counted. */
const NOT_FOLLOWED_SHOWN = 10;

/** On stderr: the symlinks that lead out of the folders scanned, which were not followed. */
export function printNotFollowed(paths: string[], display: (path: string) => string, io: CommandIO): void {
  if (paths.length === 0) return;
  const names = paths.slice(0, NOT_FOLLOWED_SHOWN).map((path) => visible(display(path))).join(', ');
  const more = paths.length > NOT_FOLLOWED_SHOWN ? ` and ${paths.length - NOT_FOLLOWED_SHOWN} more` : '';
  const one = paths.length === 1;
  io.stderr(`chokepoint: ${plural(paths.length, 'symlink')} ${one ? 'leads' : 'lead'} out of the folders scanned and ${one ? 'was' : 'were'} not followed: ${names}${more}. Pass --follow-symlinks to lint what ${one ? 'it leads' : 'they lead'} to.\n`);
}

/**
 * How the CLI writes a file's path: relative to `cwd`, with forward slashes. Only the platform's
 * separator becomes one: on Linux a backslash is part of a file's name.
 */
export function displayPath(cwd: string): (uri: string) => string {
  return (uri) => relative(cwd, uri).split(sep).join('/') || uri;
}

/** `--rule` names only rules that exist. */
export function checkRuleOverrides(rules: Record<string, unknown>): void {
  const unknown = Object.keys(rules).filter((id) => !ruleMeta(id));
  if (unknown.length > 0) throw new ArgsError(`Unknown rule ${unknown.map(withNearest).join(', ')} in --rule. Run "chokepoint rules" for the list.`);
}

/** "fee-captur (did you mean fee-capture?)". */
function withNearest(id: string): string {
  const near = nearestRuleId(id);
  return near ? `${id} (did you mean ${near}?)` : id;
}

/** Problems in .chokepoint.yaml files, one a line, on stderr. */
export function printConfigProblems(problems: ConfigProblem[], io: CommandIO): void {
  for (const problem of problems) io.stderr(`${visible(relative(io.cwd, problem.file))}:${position(problem)}  config-error  ${problem.message}\n`);
  io.stderr('Fix the configuration above; nothing was linted with it.\n');
}

/** `line:column` of a config problem, 1-based, or `1:1` when the file cannot be read. */
function position(problem: ConfigProblem): string {
  let text = '';
  try {
    text = readFileSync(problem.file, 'utf8');
  } catch {
    return '1:1';
  }
  const { line, character } = new LineIndex(text).positionAt(problem.span.start);
  return `${line + 1}:${character + 1}`;
}

/** Writes a report, piece by piece, so no output is ever held as one string. */
export function writeReport(path: string, text: string | Iterable<string>): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w');
    for (const piece of typeof text === 'string' ? [text] : text) writeSync(fd, piece);
  } catch (error) {
    throw new ArgsError(`Cannot write the report to ${path}: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
