import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { CONFIG_NAMES } from './config/discover';

export const CONFIG_EXTENSIONS = ['.json', '.jsonc', '.json5', '.yaml', '.yml', '.toml'];
export const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

export function isConfigCandidate(name: string): boolean {
  return CONFIG_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)) && !CONFIG_NAMES.includes(basename(name));
}

/** A folder a scan descends into: not a dependency, build output or hidden folder. */
function isScannedFolder(name: string): boolean {
  return !SKIP_DIRS.has(name) && !name.startsWith('.');
}

export interface WalkOptions {
  /**
   * Follow symlinks whose target is outside the folder scanned (`--follow-symlinks`). A symlink to
   * a file or folder inside it is always followed.
   */
  followSymlinks?: boolean;
  /** A folder that cannot be listed (the scanned folder itself included), or a symlink whose target cannot be resolved for lack of permission. */
  onUnreadable?: (path: string, error: NodeJS.ErrnoException) => void;
  /** A symlink to a config candidate or a folder that was not followed because its target is outside the folder scanned. */
  onNotFollowed?: (path: string) => void;
}

/** A config candidate or a subfolder of a folder: `path` as reached (through symlinks), `real` without them. */
export interface FolderEntry {
  kind: 'file' | 'folder';
  path: string;
  real: string;
  /** Reached through a symlink. */
  link: boolean;
}

/** The path without symlinks; undefined when it cannot be resolved (missing, a loop, out of reach). */
export function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** Whether the real path `real` is `root` or under it. */
export function isInside(real: string, root: string): boolean {
  const rel = relative(root, real);
  return !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}

/**
 * The config candidates and subfolders of one folder (`path`, whose real path is `real`), in name
 * order. FIFOs, sockets and devices are left out without being opened; so are symlinks to them,
 * dangling symlinks and loops. A symlink is taken when its target is inside `root` (or with
 * `followSymlinks`), except a second name for a file this folder already has. Undefined when the
 * folder cannot be listed (`onUnreadable` says why).
 */
export function listFolder(path: string, real: string, root: string, options: WalkOptions = {}): FolderEntry[] | undefined {
  let entries: Dirent[];
  try {
    entries = readdirSync(real, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    options.onUnreadable?.(path, error as NodeJS.ErrnoException);
    return undefined;
  }
  // The folder's own files first, so that a symlink beside one (another name for it) is not linted again.
  const files = new Set(entries.filter((entry) => entry.isFile() && isConfigCandidate(entry.name)).map((entry) => join(real, entry.name)));
  const listed: FolderEntry[] = [];
  for (const entry of entries) {
    const at = { path: join(path, entry.name), real: join(real, entry.name) };
    if (entry.isDirectory() && isScannedFolder(entry.name)) listed.push({ kind: 'folder', ...at, link: false });
    else if (entry.isFile() && isConfigCandidate(entry.name)) listed.push({ kind: 'file', ...at, link: false });
    else if (entry.isSymbolicLink()) {
      const target = linkTarget(at.path, at.real, entry.name, options);
      if (!target) continue;
      if (!options.followSymlinks && !isInside(target.real, root)) options.onNotFollowed?.(at.path);
      else if (target.kind === 'folder' || !files.has(target.real)) {
        if (target.kind === 'file') files.add(target.real);
        listed.push({ kind: target.kind, path: at.path, real: target.real, link: true });
      }
    }
  }
  return listed;
}

/** What a symlink named `name` leads to, when that is a config candidate or a folder a scan enters; `stat` reads no file. */
function linkTarget(path: string, link: string, name: string, options: WalkOptions): { kind: FolderEntry['kind']; real: string } | undefined {
  const candidate = isConfigCandidate(name);
  if (!candidate && !isScannedFolder(name)) return undefined;
  try {
    const real = realpathSync(link);
    const stat = statSync(real);
    if (stat.isDirectory() && isScannedFolder(name)) return { kind: 'folder', real };
    if (stat.isFile() && candidate) return { kind: 'file', real };
  } catch (error) {
    // A dangling symlink or a loop of them names nothing; a target out of reach is reported.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') options.onUnreadable?.(path, error as NodeJS.ErrnoException);
  }
  return undefined;
}

/**
 * Candidate config files under a folder, in name order, skipping dependency and hidden folders.
 * Each real folder is entered once, the folder's own tree first and then what symlinks in it lead
 * to, so a symlink loop ends and a folder is reached by its own path when it has one.
 */
export function walkConfigFiles(dir: string, visit: (path: string) => void, options: WalkOptions = {}): void {
  let root: string;
  try {
    root = realpathSync(dir);
  } catch (error) {
    options.onUnreadable?.(dir, error as NodeJS.ErrnoException);
    return;
  }
  const entered = new Set<string>();
  const linked: FolderEntry[] = [];
  const walk = (path: string, real: string) => {
    if (entered.has(real)) return;
    entered.add(real);
    for (const entry of listFolder(path, real, root, options) ?? []) {
      if (entry.kind === 'file') visit(entry.path);
      else if (entry.link) linked.push(entry);
      else walk(entry.path, entry.real);
    }
  };
  walk(dir, root);
  // Grows while it is walked: a folder reached through a symlink may hold more.
  for (let i = 0; i < linked.length; i++) walk(linked[i].path, linked[i].real);
}
