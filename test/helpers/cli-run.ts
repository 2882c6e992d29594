import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BUILT_CLI = join(REPO, 'dist', 'cli.js');

/** Builds dist/ when `file` (a bundle in it) is missing, so a test file can run on its own. */
export function buildIfMissing(file = BUILT_CLI): void {
  if (existsSync(file)) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
}

/** Builds dist/ before the file's tests when it is missing. */
export function ensureBuiltCli(): void {
  beforeAll(() => buildIfMissing(), 120_000);
}

/** A maker of fresh temporary folders named `prefix…`, all removed after the file's tests. */
export function temporaryFolders(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
