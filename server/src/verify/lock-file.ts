import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, parse, resolve, sep } from 'node:path';
import { CONFIG_NAMES } from '../engine/config/discover';
import { LOCK_FILE_NAME, LockFileSchema, type LockFile } from '../engine/lock/schema';
import { VerifyUsageError } from './plan';

/**
 * Where the lock goes by default: beside the nearest .chokepoint.yaml above the common folder of
 * `paths`, else in that folder.
 */
export function defaultLockFile(paths: string[]): string {
  const folders = paths.map((p) => {
    const full = resolve(p);
    return existsSync(full) && statSync(full).isDirectory() ? full : dirname(full);
  });
  const common = commonFolder(folders);
  for (let dir = common; ; dir = dirname(dir)) {
    if (CONFIG_NAMES.some((name) => existsSync(join(dir, name)))) return join(dir, LOCK_FILE_NAME);
    if (dirname(dir) === dir) break;
  }
  return join(common, LOCK_FILE_NAME);
}

function commonFolder(folders: string[]): string {
  const split = folders.map((f) => f.split(sep));
  const first = split[0] ?? [process.cwd()];
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || parse(first.join(sep)).root;
}

/** The lock at `file`, undefined when there is none; a file that is not a lock is a usage error. */
export function readLock(file: string): LockFile | undefined {
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new VerifyUsageError(`${file} is not valid JSON (${(error as Error).message}); delete it or pass another --lock.`);
  }
  const parsed = LockFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VerifyUsageError(`${file} is not a Chokepoint lock file: ${issue.path.join('.') || 'its top level'}: ${issue.message}.`);
  }
  return parsed.data;
}

/** JSON with every object's keys sorted, two-space indented, ending in a newline: the same facts always give the same bytes. */
export function serializeLock(lock: LockFile): string {
  return `${JSON.stringify(sortKeys(lock), null, 2)}\n`;
}

export function writeLock(file: string, lock: LockFile): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, serializeLock(lock));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
