/**
 * npm as a user runs it, for the tests of the published package: without the `npm_*` variables an
 * enclosing `npm test` sets (they would point npm at this repository), offline, quiet.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1', ...extra };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv(), timeout = 120_000): Run {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm pack` of the package in `cwd` into `destination` without its prepack build (the test packs dist/ as it is); returns the tarball's path. */
export function npmPack(cwd: string, destination: string): string {
  const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', destination], cwd);
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const [tarball] = readdirSync(destination).filter((name) => name.endsWith('.tgz'));
  return join(destination, tarball);
}
