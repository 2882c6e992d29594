import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import picomatch from 'picomatch';
import { ADAPTERS } from '../engine/adapters';
import { ConfigResolver } from '../engine/config/discover';
import { withRuleOverrides, type ResolvedConfig } from '../engine/config/resolved';
import { lintDocument, type FileReport, type Finding } from '../engine/lint';
import { parseDocument, type ParsedDocument } from '../engine/parse';
import { CONFIG_EXTENSIONS } from '../engine/workspace';
import type { Settings } from './settings';

/** One linted version of a file, kept for hovers and code actions. */
export interface LintEntry {
  path: string;
  version: number;
  doc: ParsedDocument;
  report: FileReport;
  config: ResolvedConfig;
}

export interface FileLintRequest {
  path: string;
  text: string;
  version: number;
  settings: Settings;
  /** For extraFiles globs: the folder they are relative to. */
  workspaceRoot?: string;
}

/**
 * Lints documents for the language server with the same config resolution and engine as the CLI.
 * Editor settings apply on top of .chokepoint.yaml the way `--rule` does on the command line.
 */
export class LintService {
  readonly resolver = new ConfigResolver();
  private readonly entries = new Map<string, LintEntry>();
  private readonly onDisk = new Map<string, { mtimeMs: number; size: number; entry: LintEntry }>();

  configFor(path: string, settings: Settings): ResolvedConfig {
    return applySettings(this.resolver.configFor(path), settings);
  }

  lint(request: FileLintRequest): LintEntry {
    const config = this.configFor(request.path, request.settings);
    const doc = parseDocument(request.path, request.text);
    const explicit = isExtraFile(request.path, request.settings, request.workspaceRoot);
    const report: FileReport = config.problems.length > 0
      ? { uri: request.path, format: doc.format, findings: [configFinding(request.path, config)], suppressed: [], usedConfigSuppressions: [] }
      : lintDocument(doc, { config, explicit });
    const entry = { path: request.path, version: request.version, doc, report, config };
    this.entries.set(request.path, entry);
    return entry;
  }

  get(path: string): LintEntry | undefined {
    return this.entries.get(path);
  }

  forget(path: string): void {
    this.entries.delete(path);
  }

  /** After a .chokepoint.yaml changed: forget every cached config and result. */
  invalidate(): void {
    this.resolver.invalidate();
    this.entries.clear();
    this.onDisk.clear();
  }

  /**
   * The other recognized configs of the chain a file belongs to (its folder), linted from the open
   * document when there is one, else from disk, so a hover can add up a holder's powers.
   */
  chainOf(path: string, settings: Settings): LintEntry[] {
    const dir = dirname(path);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    const siblings: LintEntry[] = [];
    for (const name of names) {
      const sibling = join(dir, name);
      if (sibling === path || !CONFIG_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) continue;
      const open = this.entries.get(sibling);
      const entry = open ?? this.fromDisk(sibling, settings);
      if (entry?.report.adapter) siblings.push(entry);
    }
    return siblings;
  }

  private fromDisk(path: string, settings: Settings): LintEntry | undefined {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return undefined;
    }
    if (!stat.isFile() || stat.size > settings.maxFileSizeMB * 1024 * 1024) return undefined;
    const cached = this.onDisk.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.entry;
    const text = readFileSync(path, 'utf8');
    if (!ADAPTERS.some((adapter) => adapter.sniff.test(text))) return undefined;
    const config = this.configFor(path, settings);
    if (config.problems.length > 0) return undefined;
    const doc = parseDocument(path, text);
    const entry = { path, version: -1, doc, report: lintDocument(doc, { config }), config };
    this.onDisk.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, entry });
    return entry;
  }
}

/** Editor settings on top of .chokepoint.yaml, the way `--rule` applies on the command line. */
export function applySettings(config: ResolvedConfig, settings: Settings): ResolvedConfig {
  const withPreset = settings.preset ? { ...config, preset: settings.preset } : config;
  return withRuleOverrides(withPreset, settings.rules);
}

function isExtraFile(path: string, settings: Settings, root: string | undefined): boolean {
  if (settings.extraFiles.length === 0) return false;
  const rel = root ? relative(root, path) : path;
  return picomatch(settings.extraFiles, { dot: true })(rel.split('\\').join('/'));
}

/** Shown on the linted file when the .chokepoint.yaml that applies to it is invalid. */
function configFinding(path: string, config: ResolvedConfig): Finding {
  return {
    ruleId: 'config-error',
    severity: 'error',
    uri: path,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `The .chokepoint.yaml that applies to this file (${config.file}) is invalid, so the file was not linted: ${config.problems[0].message}`,
    related: [],
    fixes: [],
    subjects: [],
  };
}
