import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { convertDiscovery } from '../lock/l2beat-discovery';
import { parseLockText } from '../lock/load';
import { LOCK_FILE_NAME } from '../lock/schema';
import { visible } from '../text/display';
import { parseConfigText } from './load';
import { emptyConfig, type ConfigProblem, type ResolvedConfig, type VerifiedSource } from './resolved';

export const CONFIG_NAMES = ['.chokepoint.yaml', '.chokepoint.yml'];

interface LoadedLock {
  source?: VerifiedSource;
  problems: ConfigProblem[];
}

/**
 * Finds and loads the .chokepoint.yaml that applies to a file, walking up from its folder, and the
 * nearest chokepoint.lock.json the same way, with the L2BEAT snapshots the config names; the facts
 * of both go to `ResolvedConfig.verified`. The CLI and the language server both resolve
 * configuration through this one class; with workspace.ts it is the only code of the engine that
 * reads files.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | null>();
  private readonly lockByDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, ResolvedConfig>();
  private readonly locks = new Map<string, LoadedLock>();
  private readonly combined = new Map<string, ResolvedConfig>();

  constructor(private readonly explicitConfig?: string) {}

  configFor(filePath: string): ResolvedConfig {
    const dir = dirname(resolve(filePath));
    const file = this.explicitConfig ? resolve(this.explicitConfig) : this.findFrom(dir, CONFIG_NAMES, this.byDir);
    const lock = this.findFrom(dir, [LOCK_FILE_NAME], this.lockByDir);
    if (!lock) return file ? this.load(file) : emptyConfig(dir);
    const key = `${file ?? ''}\0${lock}`;
    let config = this.combined.get(key);
    if (!config) {
      const base = file ? this.load(file) : emptyConfig(dirname(lock));
      const { source, problems } = this.loadLock(lock);
      config = { ...base, verified: [...(base.verified ?? []), ...(source ? [source] : [])], problems: [...base.problems, ...problems] };
      this.combined.set(key, config);
    }
    return config;
  }

  /** Forgets cached files, e.g. after a .chokepoint.yaml or a lock file changed. */
  invalidate(): void {
    this.byDir.clear();
    this.lockByDir.clear();
    this.loaded.clear();
    this.locks.clear();
    this.combined.clear();
  }

  /** The problems of a .chokepoint.yaml or a chokepoint.lock.json, as read now. */
  problemsIn(file: string): ConfigProblem[] {
    return basename(file) === LOCK_FILE_NAME ? this.loadLock(file).problems : this.load(file).problems;
  }

  load(file: string): ResolvedConfig {
    let config = this.loaded.get(file);
    if (!config) {
      const text = readText(file);
      if (typeof text !== 'string') {
        config = { ...emptyConfig(dirname(file)), file, problems: [{ file, message: `Cannot read config file: ${text.error}`, span: { start: 0, end: 0 } }] };
      } else {
        config = withDiscovery(parseConfigText(file, dirname(file), text));
      }
      config = { ...config, problems: shown(config.problems) };
      this.loaded.set(file, config);
    }
    return config;
  }

  private loadLock(file: string): LoadedLock {
    let loaded = this.locks.get(file);
    if (!loaded) {
      const text = readText(file);
      if (typeof text !== 'string') {
        loaded = { problems: [{ file, message: `Cannot read ${LOCK_FILE_NAME}: ${text.error}`, span: { start: 0, end: 0 } }] };
      } else {
        const { lock, problems } = parseLockText(file, text);
        loaded = { source: lock ? { file, kind: 'lock', lock } : undefined, problems };
      }
      loaded = { ...loaded, problems: shown(loaded.problems) };
      this.locks.set(file, loaded);
    }
    return loaded;
  }

  private findFrom(dir: string, names: string[], cache: Map<string, string | null>): string | undefined {
    const seen: string[] = [];
    let current = dir;
    let found: string | null | undefined;
    for (;;) {
      found = cache.get(current);
      if (found !== undefined) break;
      seen.push(current);
      found = names.map((name) => join(current, name)).find((candidate) => existsSync(candidate)) ?? null;
      if (found) break;
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of seen) cache.set(d, found ?? null);
    return found ?? undefined;
  }
}

/** Problems as the CLI and the editor show them: a config's own strings (an unknown rule id, a key) quoted in them made visible. */
function shown(problems: ConfigProblem[]): ConfigProblem[] {
  return problems.map((problem) => ({ ...problem, message: visible(problem.message) }));
}

/** Reads the L2BEAT snapshots a config names into verified sources; one that cannot be read is a problem on its `discovery:` entry. */
function withDiscovery(config: ResolvedConfig): ResolvedConfig {
  if (!config.discovery || config.discovery.length === 0 || config.problems.length > 0) return config;
  const verified: VerifiedSource[] = [];
  const problems: ConfigProblem[] = [];
  config.discovery.forEach((path, index) => {
    const span = config.locate?.(['discovery', index]) ?? { start: 0, end: 0 };
    const text = readText(path);
    if (typeof text !== 'string') {
      problems.push({ file: config.file!, message: `Invalid .chokepoint.yaml at discovery.${index}: cannot read the L2BEAT snapshot ${path} (${text.error}).`, span });
      return;
    }
    const converted = convertDiscovery(text);
    if ('problem' in converted) problems.push({ file: config.file!, message: `Invalid .chokepoint.yaml at discovery.${index}: ${path} cannot be used as an L2BEAT discovery snapshot: ${converted.problem}.`, span });
    else verified.push({ file: path, kind: 'l2beat-discovery', lock: converted.lock });
  });
  return { ...config, verified: [...(config.verified ?? []), ...verified], problems: [...config.problems, ...problems] };
}

function readText(file: string): string | { error: string } {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return { error: (error as Error).message };
  }
}
