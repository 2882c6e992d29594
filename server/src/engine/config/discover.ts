import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseConfigText } from './load';
import { emptyConfig, type ResolvedConfig } from './resolved';

export const CONFIG_NAMES = ['.chokepoint.yaml', '.chokepoint.yml'];

/**
 * Finds and loads the .chokepoint.yaml that applies to a file, walking up from its folder.
 * The CLI and the language server both resolve configuration through this one function.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, ResolvedConfig>();

  constructor(private readonly explicitConfig?: string) {}

  configFor(filePath: string): ResolvedConfig {
    const file = this.explicitConfig ? resolve(this.explicitConfig) : this.findFrom(dirname(resolve(filePath)));
    if (!file) return emptyConfig(dirname(resolve(filePath)));
    return this.load(file);
  }

  /** Forgets cached files, e.g. after a .chokepoint.yaml changed. */
  invalidate(): void {
    this.byDir.clear();
    this.loaded.clear();
  }

  load(file: string): ResolvedConfig {
    let config = this.loaded.get(file);
    if (!config) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        config = { ...emptyConfig(dirname(file)), file, problems: [{ file, message: `Cannot read config file: ${(error as Error).message}`, span: { start: 0, end: 0 } }] };
        this.loaded.set(file, config);
        return config;
      }
      config = parseConfigText(file, dirname(file), text);
      this.loaded.set(file, config);
    }
    return config;
  }

  private findFrom(dir: string): string | undefined {
    const seen: string[] = [];
    let current = dir;
    let found: string | null | undefined;
    for (;;) {
      found = this.byDir.get(current);
      if (found !== undefined) break;
      seen.push(current);
      found = CONFIG_NAMES.map((name) => join(current, name)).find((candidate) => existsSync(candidate)) ?? null;
      if (found) break;
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of seen) this.byDir.set(d, found ?? null);
    return found ?? undefined;
  }
}
