import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_NAMES } from './config/discover';
import type { ResolvedConfig } from './config/resolved';

export const CONFIG_EXTENSIONS = ['.json', '.jsonc', '.json5', '.yaml', '.yml', '.toml'];
export const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

const posix = (path: string) => path.split('\\').join('/');

export function isConfigCandidate(name: string): boolean {
  return CONFIG_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)) && !CONFIG_NAMES.includes(basename(name));
}

export function isIgnored(path: string, config: ResolvedConfig): boolean {
  return config.ignore.length > 0 && picomatch(config.ignore, { dot: true })(posix(relative(config.baseDir, path)));
}

/** The chain a file belongs to: a `chains:` entry of its .chokepoint.yaml whose globs match it, else its folder. */
export function chainOf(path: string, config: ResolvedConfig): { key: string; name?: string } {
  const rel = posix(relative(config.baseDir, path));
  for (const [name, globs] of Object.entries(config.chains)) {
    if (picomatch(globs, { dot: true })(rel)) return { key: `${config.file}#${name}`, name };
  }
  return { key: dirname(path) };
}

/** Candidate config files under a folder, skipping dependency and hidden folders. */
export function walkConfigFiles(dir: string, visit: (path: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walkConfigFiles(path, visit);
    } else if (entry.isFile() && isConfigCandidate(entry.name)) {
      visit(path);
    }
  }
}

/**
 * The other files of a file's chain, which are linted with it as context: the candidate config
 * files of its folder, or of its `chains:` entry. Ignored files are left out.
 */
export function chainSiblings(path: string, config: ResolvedConfig): string[] {
  const { name } = chainOf(path, config);
  const siblings: string[] = [];
  if (name !== undefined) {
    const matches = picomatch(config.chains[name], { dot: true });
    walkConfigFiles(config.baseDir, (candidate) => {
      if (candidate !== path && matches(posix(relative(config.baseDir, candidate))) && !isIgnored(candidate, config)) siblings.push(candidate);
    });
    return siblings;
  }
  let names: string[];
  try {
    // Regular files only: a FIFO would hang the read, and a symlink (to /dev/zero, or out of the tree) is not pulled in unless named.
    names = readdirSync(dirname(path), { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
  for (const entry of names) {
    const candidate = join(dirname(path), entry);
    if (candidate === path || !isConfigCandidate(entry) || isIgnored(candidate, config)) continue;
    const inNamedChain = chainOf(candidate, config).name !== undefined;
    if (!inNamedChain) siblings.push(candidate);
  }
  return siblings;
}
