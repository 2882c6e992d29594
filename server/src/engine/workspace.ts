import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { ADAPTERS } from './adapters';
import { ConfigResolver, CONFIG_NAMES } from './config/discover';
import type { ConfigProblem, ResolvedConfig } from './config/resolved';
import { isPlaceholder } from './annotations/directives';
import { lintText, matchesFiles, type FileReport, type Finding } from './lint';
import { LineIndex } from './text/positions';
import { ruleMeta } from './rules/index';

export const CONFIG_EXTENSIONS = ['.json', '.jsonc', '.json5', '.yaml', '.yml', '.toml'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

export interface WorkspaceOptions {
  resolver: ConfigResolver;
  /** Applied on top of every resolved config (`--rule id=severity`). */
  adjust?: (config: ResolvedConfig) => ResolvedConfig;
  now?: Date;
  /** Called before each file, for progress. */
  onFile?: (path: string) => void;
}

export interface WorkspaceResult {
  reports: FileReport[];
  /** Problems in .chokepoint.yaml files: broken configs are usage errors. */
  configProblems: ConfigProblem[];
  /** Findings about config files themselves, e.g. unused or expired suppressions. */
  configFindings: Finding[];
}

/**
 * Lints files and folders the way the CLI and the editor's "Lint workspace" do. Files named
 * explicitly are always linted; in folders, only files that look like a supported config are.
 */
export function lintPaths(paths: string[], options: WorkspaceOptions): WorkspaceResult {
  const files: { path: string; explicit: boolean }[] = [];
  for (const given of paths) {
    const absolute = resolve(given);
    let isDirectory = false;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new UsageError(`No such file or folder: ${given}`);
    }
    if (isDirectory) collect(absolute, options.resolver, files);
    else files.push({ path: absolute, explicit: true });
  }

  const reports: FileReport[] = [];
  const configs = new Map<string, ResolvedConfig>();
  const used = new Map<string, Set<number>>();
  for (const file of files) {
    const base = options.resolver.configFor(file.path);
    const config = options.adjust ? options.adjust(base) : base;
    if (config.file) configs.set(config.file, config);
    if (config.problems.length > 0) continue;
    let text: string;
    try {
      text = readFileSync(file.path, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read ${file.path}: ${(error as Error).message}`);
    }
    if (!file.explicit && !ADAPTERS.some((adapter) => adapter.sniff.test(text))) continue;
    options.onFile?.(file.path);
    const report = lintText(file.path, text, { config, explicit: file.explicit, now: options.now });
    if (!file.explicit && !report.adapter) continue;
    reports.push(report);
    if (config.file) {
      const set = used.get(config.file) ?? new Set();
      report.usedConfigSuppressions.forEach((i) => set.add(i));
      used.set(config.file, set);
    }
  }

  const configProblems = [...configs.values()].flatMap((c) => c.problems);
  const configFindings = [...configs.values()].flatMap((config) => suppressionFindings(config, used.get(config.file!) ?? new Set(), reports.map((r) => r.uri), options.now ?? new Date()));
  return { reports, configProblems, configFindings };
}

export class UsageError extends Error {}

function collect(dir: string, resolver: ConfigResolver, out: { path: string; explicit: boolean }[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) collect(path, resolver, out);
    } else if (entry.isFile() && CONFIG_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext)) && !CONFIG_NAMES.includes(basename(path))) {
      const config = resolver.configFor(path);
      const rel = relative(config.baseDir, path).split('\\').join('/');
      if (config.ignore.length > 0 && picomatch(config.ignore, { dot: true })(rel)) continue;
      out.push({ path, explicit: false });
    }
  }
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
      message: unwritten
        ? `This suppression of ${suppression.rule} still has the placeholder reason "${suppression.reason}"; write why the risk is accepted. Until then it suppresses nothing.`
        : expired
        ? `This suppression of ${suppression.rule} expired on ${suppression.expires}, so its findings are reported again. Fix them, or renew it with a new date and reason.`
        : `This suppression of ${suppression.rule} matched no finding in the files linted. Remove it, or correct its files or address.`,
      related: [],
      fixes: [],
      subjects: [],
    });
  }
  return findings;
}
