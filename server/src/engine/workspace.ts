import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ADAPTERS } from './adapters';
import { chainOf, chainSiblings, isIgnored, walkConfigFiles } from './chains';
import type { ConfigResolver } from './config/discover';
import type { ConfigProblem, ResolvedConfig } from './config/resolved';
import { isPlaceholder } from './annotations/directives';
import { lintChain, matchesFiles, type ChainMember, type FileReport, type Finding } from './lint';
import { parseDocument } from './parse';
import { LineIndex } from './text/positions';
import { ruleMeta } from './rules/index';

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
 * Files are linted by chain (a folder, or a `chains:` entry), each with the rest of its chain as
 * context, so entities and powers add up across a chain's files.
 */
export function lintPaths(paths: string[], options: WorkspaceOptions): WorkspaceResult {
  const requested = new Map<string, boolean>();
  for (const given of paths) {
    const absolute = resolve(given);
    let isDirectory = false;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new UsageError(`No such file or folder: ${given}`);
    }
    if (isDirectory) collect(absolute, options, requested);
    else requested.set(absolute, true);
  }

  const configs = new Map<string, ResolvedConfig>();
  const groups = new Map<string, { config: ResolvedConfig; members: Map<string, 'explicit' | 'found' | 'context'> }>();
  for (const [path, explicit] of requested) {
    const base = options.resolver.configFor(path);
    const config = options.adjust ? options.adjust(base) : base;
    if (config.file) configs.set(config.file, config);
    if (config.problems.length > 0) continue;
    const { key } = chainOf(path, config);
    let group = groups.get(key);
    if (!group) {
      group = { config, members: new Map() };
      groups.set(key, group);
    }
    group.members.set(path, explicit ? 'explicit' : 'found');
    if (explicit) for (const sibling of chainSiblings(path, config)) if (!group.members.has(sibling)) group.members.set(sibling, 'context');
  }

  const reports: FileReport[] = [];
  const used = new Map<string, Set<number>>();
  for (const { config, members } of groups.values()) {
    const chain: { member: ChainMember; reported: boolean }[] = [];
    for (const [path, role] of members) {
      const text = readText(path, role === 'explicit');
      if (text === undefined || (role !== 'explicit' && !ADAPTERS.some((adapter) => adapter.sniff.test(text)))) continue;
      if (role !== 'context') options.onFile?.(path);
      chain.push({ member: { doc: parseDocument(path, text), explicit: role === 'explicit' }, reported: role !== 'context' });
    }
    const chainReports = lintChain(chain.map((c) => c.member), { config, now: options.now });
    chainReports.forEach((report, i) => {
      if (!chain[i].reported || (!chain[i].member.explicit && !report.adapter)) return;
      reports.push(report);
      if (config.file) {
        const set = used.get(config.file) ?? new Set();
        report.usedConfigSuppressions.forEach((index) => set.add(index));
        used.set(config.file, set);
      }
    });
  }

  const configProblems = [...configs.values()].flatMap((c) => c.problems);
  const configFindings = [...configs.values()].flatMap((config) => suppressionFindings(config, used.get(config.file!) ?? new Set(), reports.map((r) => r.uri), options.now ?? new Date()));
  return { reports, configProblems, configFindings };
}

/** The text of a file; a file named explicitly must be readable, a sibling may vanish. */
function readText(path: string, required: boolean): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (required) throw new UsageError(`Cannot read ${path}: ${(error as Error).message}`);
    return undefined;
  }
}

export class UsageError extends Error {}

function collect(dir: string, options: WorkspaceOptions, out: Map<string, boolean>): void {
  walkConfigFiles(dir, (path) => {
    const config = options.resolver.configFor(path);
    if (!isIgnored(path, config) && !out.has(path)) out.set(path, false);
  });
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
