import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import picomatch from 'picomatch';
import { ADAPTERS } from '../engine/adapters';
import { chainSiblings } from '../engine/chains';
import { ConfigResolver } from '../engine/config/discover';
import { withRuleOverrides, type ResolvedConfig } from '../engine/config/resolved';
import { lintChain, type ChainMember, type FileReport, type Finding } from '../engine/lint';
import { parseDocument, type ParsedDocument } from '../engine/parse';
import type { Settings } from './settings';

/** One linted version of a file, kept for hovers and code actions. */
export interface LintEntry {
  path: string;
  version: number;
  doc: ParsedDocument;
  report: FileReport;
  config: ResolvedConfig;
  /** Every file of the chain it was linted with, by path (itself included). */
  chainDocs: Map<string, ParsedDocument>;
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
 * Lints documents for the language server with the same config resolution, chains and engine as
 * the CLI. Editor settings apply on top of .chokepoint.yaml the way `--rule` does on the command line.
 */
export class LintService {
  readonly resolver = new ConfigResolver();
  private readonly entries = new Map<string, LintEntry>();
  private readonly onDisk = new Map<string, { mtimeMs: number; size: number; doc: ParsedDocument | undefined }>();

  configFor(path: string, settings: Settings): ResolvedConfig {
    return applySettings(this.resolver.configFor(path), settings);
  }

  /** Lints a document with the other files of its chain: open ones as edited, the rest from disk. */
  lint(request: FileLintRequest): LintEntry {
    const config = this.configFor(request.path, request.settings);
    const doc = parseDocument(request.path, request.text);
    const chainDocs = new Map([[request.path, doc]]);
    if (config.problems.length > 0) {
      const report: FileReport = { uri: request.path, format: doc.format, findings: [configFinding(request.path, config)], suppressed: [], usedConfigSuppressions: [] };
      return this.remember({ path: request.path, version: request.version, doc, report, config, chainDocs });
    }
    const members: ChainMember[] = [{ doc, explicit: isExtraFile(request.path, request.settings, request.workspaceRoot) }];
    for (const sibling of chainSiblings(request.path, config)) {
      const siblingDoc = this.entries.get(sibling)?.doc ?? this.fromDisk(sibling, request.settings);
      if (!siblingDoc) continue;
      members.push({ doc: siblingDoc });
      chainDocs.set(sibling, siblingDoc);
    }
    const [report] = lintChain(members, { config });
    return this.remember({ path: request.path, version: request.version, doc, report, config, chainDocs });
  }

  private remember(entry: LintEntry): LintEntry {
    this.entries.set(entry.path, entry);
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

  /** A sibling's parsed text from disk, cached by modification time; undefined when it is not a config Chokepoint knows. */
  private fromDisk(path: string, settings: Settings): ParsedDocument | undefined {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return undefined;
    }
    if (!stat.isFile() || stat.size > settings.maxFileSizeMB * 1024 * 1024) return undefined;
    const cached = this.onDisk.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.doc;
    const text = readFileSync(path, 'utf8');
    const doc = ADAPTERS.some((adapter) => adapter.sniff.test(text)) ? parseDocument(path, text) : undefined;
    this.onDisk.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, doc });
    return doc;
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
