import { dirname, relative } from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from './config/resolved';
import { listFolder, realPath, walkConfigFiles } from './folder-walk';

const posix = (path: string) => path.split('\\').join('/');

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

/**
 * The other files of a file's chain, which are linted with it as context: the candidate config
 * files of its folder, or of its `chains:` entry. Ignored files are left out. A symlink among them
 * is taken when it stays inside the folder (the `chains:` entry's base folder), or with
 * `followSymlinks`; FIFOs and devices never are.
 */
export function chainSiblings(path: string, config: ResolvedConfig, options: { followSymlinks?: boolean } = {}): string[] {
  const { name } = chainOf(path, config);
  const siblings: string[] = [];
  const self = realPath(path) ?? path;
  const take = (candidate: string, real: string) => candidate !== path && real !== self && !isIgnored(candidate, config);
  if (name !== undefined) {
    const matches = picomatch(config.chains[name], { dot: true });
    walkConfigFiles(config.baseDir, (candidate) => {
      if (matches(posix(relative(config.baseDir, candidate))) && take(candidate, realPath(candidate) ?? candidate)) siblings.push(candidate);
    }, options);
    return siblings;
  }
  const folder = dirname(path);
  const real = realPath(folder) ?? folder;
  for (const entry of listFolder(folder, real, real, options) ?? []) {
    if (entry.kind === 'file' && take(entry.path, entry.real) && chainOf(entry.path, config).name === undefined) siblings.push(entry.path);
  }
  return siblings;
}
