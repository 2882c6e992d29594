/**
 * What the extension needs to lint a file with the CLI when the editor will not (its arguments are
 * `cli-invocation.ts`'s): the CLI's JSON report read into problems per file, and the size limits
 * that keep a file from being linted as you type. Free of `vscode`, so it is unit-tested with vitest.
 */
import { isAbsolute, resolve } from 'node:path';
import { docsUrl } from '../../server/src/engine/rules/docs-url';
import type { Position, Range } from '../../server/src/engine/text/positions';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

/** VS Code does not hand text models above 50 MB (`TextModel._MODEL_SYNC_LIMIT`, in characters) to extensions. */
export const EDITOR_SYNC_LIMIT = 50 * 1024 * 1024;

const MB = 1024 * 1024;
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One finding, as the editor shows it: in `file`, with related places in any file. */
export interface Problem {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  docsUrl: string;
  related: { file: string; range: Range; message: string }[];
  /** Shown faded, as the language server marks it (unused suppressions). */
  unnecessary: boolean;
}

export interface CliRun {
  /** Absolute path of each file the CLI reported on, with its problems (possibly none). */
  problems: Map<string, Problem[]>;
  counts: Record<Severity, number>;
}

/** Files Chokepoint may recognize, by extension, as the extension's selector and menus choose them. */
export function isConfigPath(path: string): boolean {
  return /\.(json|jsonc|yaml|yml|toml)$/i.test(path);
}

function isRange(value: unknown): value is Range {
  const r = value as Range | undefined;
  const pos = (p: Position | undefined) => !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
  return !!r && pos(r.start) && pos(r.end);
}

/**
 * Reads the output of `chokepoint lint --format json` run in `cwd` (paths in it are relative to
 * that). Throws an Error that says what is wrong when the text is not such a report.
 */
export function readCliReport(text: string, cwd: string): CliRun {
  let report: { tool?: unknown; files?: unknown };
  try {
    report = JSON.parse(text) as typeof report;
  } catch (error) {
    throw new Error(`The CLI did not print a JSON report (${(error as Error).message}): ${text.slice(0, 200)}`);
  }
  if (report?.tool !== 'chokepoint' || !Array.isArray(report.files)) throw new Error(`The CLI printed JSON that is not a Chokepoint report: ${text.slice(0, 200)}`);
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const problems = new Map<string, Problem[]>();
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const file of report.files as { path?: unknown; findings?: unknown }[]) {
    if (typeof file?.path !== 'string' || !Array.isArray(file.findings)) throw new Error(`A file of the CLI report has no path or findings: ${JSON.stringify(file).slice(0, 200)}`);
    const path = absolute(file.path);
    const list = problems.get(path) ?? [];
    problems.set(path, list);
    for (const finding of file.findings as Record<string, unknown>[]) {
      const { ruleId, severity, message, range } = finding;
      if (typeof ruleId !== 'string' || typeof message !== 'string' || !SEVERITIES.includes(severity as Severity) || !isRange(range)) {
        throw new Error(`A finding of the CLI report is malformed: ${JSON.stringify(finding).slice(0, 200)}`);
      }
      const related = Array.isArray(finding.related) ? (finding.related as Record<string, unknown>[]) : [];
      list.push({
        ruleId,
        severity: severity as Severity,
        message,
        range,
        docsUrl: docsUrl(ruleId),
        // A related place names its file when it is another one; otherwise it is in the finding's file.
        related: related.filter((r) => isRange(r.range) && typeof r.message === 'string').map((r) => ({ file: typeof r.path === 'string' ? absolute(r.path) : path, range: r.range as Range, message: r.message as string })),
        unnecessary: ruleId === 'unused-suppression',
      });
      counts[severity as Severity]++;
    }
  }
  return { problems, counts };
}

/** Why a file is not linted as you type, if it is too large. */
export type SizeVerdict = { limit: 'editor'; size: number } | { limit: 'setting'; size: number; maxFileSizeMB: number };

/**
 * Whether a file is too large to lint as you type. `bytes` is its size on disk; `chars` its length
 * when VS Code handed the document to extensions (undefined when it did not). The editor's limit
 * counts characters, as the server's `chokepoint.maxFileSizeMB` check does.
 */
export function sizeVerdict(file: { bytes: number; chars?: number; maxFileSizeMB?: unknown }): SizeVerdict | undefined {
  const maxFileSizeMB = typeof file.maxFileSizeMB === 'number' && file.maxFileSizeMB > 0 ? file.maxFileSizeMB : DEFAULT_SETTINGS.maxFileSizeMB;
  if (file.chars === undefined && file.bytes > EDITOR_SYNC_LIMIT) return { limit: 'editor', size: file.bytes };
  const size = file.chars ?? file.bytes;
  if (size > maxFileSizeMB * MB) return { limit: 'setting', size: file.bytes, maxFileSizeMB };
  return undefined;
}

/** "91 MB", "1.6 MB", "820 KB". */
export function formatSize(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / MB;
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

/** Which limit a file is above, e.g. "above what VS Code hands to extensions (50 MB)". */
export function limitText(verdict: SizeVerdict): string {
  return verdict.limit === 'editor' ? `above what VS Code hands to extensions (${EDITOR_SYNC_LIMIT / MB} MB)` : `above chokepoint.maxFileSizeMB (${verdict.maxFileSizeMB} MB)`;
}

/** The one-time message for a file that is not linted as you type. */
export function largeFileMessage(name: string, verdict: SizeVerdict): string {
  return `${name} is ${formatSize(verdict.size)}, ${limitText(verdict)}: it is not linted as you type. Lint it with the CLI?`;
}
