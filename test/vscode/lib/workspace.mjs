// @ts-check
/** A throw-away workspace: a copy of examples/ (an OP deploy config with a role collapse, its .chokepoint.yaml, a TOML intent, an appchain manifest). */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.mjs';

/** Copies examples/ into `dir` and returns it. @param {string} dir */
export function createWorkspace(dir) {
  cpSync(join(REPO_ROOT, 'examples'), dir, { recursive: true });
  return dir;
}
