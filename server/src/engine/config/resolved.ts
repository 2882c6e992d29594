import { resolve } from 'node:path';
import type { LockFile } from '../lock/schema';
import type { Network } from '../model/schema';
import type { Span } from '../text/positions';
import type { ConfigFile, EntityConfig, PresetName, SeverityOrOff, SuppressionConfig } from './schema';

export interface ConfigProblem {
  file: string;
  message: string;
  span: Span;
}

/** The configuration that applies to one file: its .chokepoint.yaml, then command-line overrides. */
export interface ResolvedConfig {
  /** Path of the .chokepoint.yaml, if one was found. */
  file?: string;
  /** Folder that globs in the config are relative to. */
  baseDir: string;
  preset: PresetName;
  network?: Exclude<Network, 'unknown'>;
  rules: Record<string, { severity?: SeverityOrOff; options?: Record<string, unknown> }>;
  ignore: string[];
  entities: Record<string, EntityConfig>;
  suppressions: (SuppressionConfig & { index: number })[];
  /** Named chains and the globs of their files; a file in none belongs to its folder's chain. */
  chains: Record<string, string[]>;
  /**
   * Facts read on chain: the `chokepoint.lock.json` nearest the linted file (written by
   * `chokepoint verify`), and L2BEAT discovery snapshots `.chokepoint.yaml` names under `discovery:`,
   * each in the lock's shape. They outrank every declaration.
   */
  verified?: VerifiedSource[];
  /** Absolute paths of the L2BEAT snapshots `.chokepoint.yaml` names under `discovery:`, read into `verified` by the resolver. */
  discovery?: string[];
  problems: ConfigProblem[];
  /** Spans of entries in the config file, for findings about it (unused suppressions). */
  locate?: (path: (string | number)[]) => Span | undefined;
}

export interface VerifiedSource {
  /** The file the facts were read from. */
  file: string;
  kind: 'lock' | 'l2beat-discovery';
  lock: LockFile;
}

export function emptyConfig(baseDir: string): ResolvedConfig {
  return { baseDir, preset: 'recommended', rules: {}, ignore: [], entities: {}, suppressions: [], chains: {}, problems: [] };
}

export function fromConfigFile(file: string, baseDir: string, data: ConfigFile): ResolvedConfig {
  const rules: ResolvedConfig['rules'] = {};
  for (const [id, setting] of Object.entries(data.rules ?? {})) {
    rules[id] = typeof setting === 'string' ? { severity: setting } : setting;
  }
  return {
    file,
    baseDir,
    preset: data.preset ?? 'recommended',
    network: data.network,
    rules,
    ignore: data.ignore ?? [],
    entities: data.entities ?? {},
    suppressions: (data.suppressions ?? []).map((s, index) => ({ ...s, index })),
    chains: Object.fromEntries(Object.entries(data.chains ?? {}).map(([name, chain]) => [name, Array.isArray(chain.files) ? chain.files : [chain.files]])),
    ...(data.discovery ? { discovery: data.discovery.map((path) => resolve(baseDir, path)) } : {}),
    problems: [],
  };
}

/** Applies `--rule id=severity` style overrides on top of a resolved config. */
/** A config with its preset replaced (when `preset` is given) and rules overridden: the editor's settings, the CLI's --preset and --rule. */
export function withOverrides(config: ResolvedConfig, preset: PresetName | undefined, rules: Record<string, SeverityOrOff>): ResolvedConfig {
  return withRuleOverrides(preset ? { ...config, preset } : config, rules);
}

export function withRuleOverrides(config: ResolvedConfig, overrides: Record<string, SeverityOrOff>): ResolvedConfig {
  if (Object.keys(overrides).length === 0) return config;
  const rules = { ...config.rules };
  for (const [id, severity] of Object.entries(overrides)) rules[id] = { ...rules[id], severity };
  return { ...config, rules };
}
