import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ConfigProblem } from '../engine/config/resolved';
import { LOCK_FILE_NAME } from '../engine/lock/schema';
import { FEWEST_PARTIES, summarize, summaryText } from '../engine/summary';
import { problemCounts } from '../engine/text/counts';
import { LineIndex } from '../engine/text/positions';
import type { LintEntry } from './linting';
import { pathToUri } from './uri';

export const STATUS_NOTIFICATION = 'chokepoint/status';

/**
 * What the language-status item shows for a document, sent by the server as `chokepoint/status`.
 * `hidden`: not a configuration, so the item says nothing (as ESLint's does for files it does not lint).
 */
export type StatusParams =
  | { uri: string; kind: 'hidden' }
  | { uri: string; kind: 'linting' }
  | { uri: string; kind: 'summary'; text: string; detail: string; severity: 'error' | 'warning' | 'info' }
  /** `open`: the place that explains why (the invalid line of the config), 0-based. */
  | { uri: string; kind: 'not-linted'; text: string; detail: string; open?: { uri: string; line: number } };

/** The status after a lint: the chain's summary, why the file was not linted, or nothing for a file that is no configuration. */
export function lintedStatus(uri: string, entry: LintEntry): StatusParams {
  if (entry.config.problems.length > 0) return configErrorStatus(uri, entry.config.problems[0]);
  const { report } = entry;
  if (!report.adapter) {
    const unrecognized = report.findings.find((f) => f.ruleId === 'unrecognized-config');
    return unrecognized ? { uri, kind: 'not-linted', text: 'Not linted: unrecognized configuration', detail: unrecognized.message } : { uri, kind: 'hidden' };
  }
  const summary = summarize(report);
  const counts = problemCounts({ error: summary.errors, warning: summary.warnings, info: summary.infos });
  const fewest = summary.fewestParties === undefined ? '' : ` ${FEWEST_PARTIES.name}: ${summary.fewestParties}${summary.weakest ? ` (${summary.weakest})` : ''}, ${FEWEST_PARTIES.meaning}.`;
  return {
    uri,
    kind: 'summary',
    text: summaryText(summary) || counts,
    detail: `${report.adapter.title}: ${counts}.${fewest}`,
    severity: summary.errors > 0 ? 'error' : summary.warnings > 0 ? 'warning' : 'info',
  };
}

/** "Not linted: .chokepoint.yaml is invalid (line 3)", opening that line. */
export function configErrorStatus(uri: string, problem: ConfigProblem): StatusParams {
  const name = basename(problem.file) === LOCK_FILE_NAME ? LOCK_FILE_NAME : '.chokepoint.yaml';
  const line = lineOf(problem);
  return {
    uri,
    kind: 'not-linted',
    text: `Not linted: ${name} is invalid${line === undefined ? '' : ` (line ${line + 1})`}`,
    detail: problem.message,
    open: { uri: pathToUri(problem.file), line: line ?? 0 },
  };
}

export function tooLargeStatus(uri: string, maxFileSizeMB: number): StatusParams {
  return { uri, kind: 'not-linted', text: 'Not linted: too large', detail: `Larger than chokepoint.maxFileSizeMB (${maxFileSizeMB} MB): not linted as you type. Run Chokepoint: Lint File with CLI instead.` };
}

/** The 0-based line of a problem in its file; undefined when the file cannot be read. */
function lineOf(problem: ConfigProblem): number | undefined {
  try {
    return new LineIndex(readFileSync(problem.file, 'utf8')).positionAt(problem.span.start).line;
  } catch {
    return undefined;
  }
}
