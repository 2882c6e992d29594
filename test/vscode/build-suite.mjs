// @ts-check
/**
 * Builds what the real-VS-Code tests load: the mocha suite (one CommonJS bundle per file in
 * .vscode-test/build/suite/), the desktop runner (.vscode-test/build/run-electron.js), and the
 * test-only host-runner extension, packaged as .vscode-test/build/chokepoint-host-runner.vsix.
 * Nothing here goes into chokepoint.vsix.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_DIR, HOST_RUNNER_VSIX, REPO_ROOT } from './lib/paths.mjs';

const HERE = join(REPO_ROOT, 'test', 'vscode');

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning', external: ['vscode', 'mocha', '@vscode/test-electron'] };

export async function buildSuite() {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const suiteFiles = readdirSync(join(HERE, 'suite')).filter((name) => name === 'index.ts' || name.endsWith('.test.ts'));
  const hostRunner = join(BUILD_DIR, 'host-runner');
  await Promise.all([
    build({ ...common, entryPoints: suiteFiles.map((name) => join(HERE, 'suite', name)), outdir: join(BUILD_DIR, 'suite') }),
    build({ ...common, entryPoints: [join(HERE, 'run-electron.ts')], outfile: join(BUILD_DIR, 'run-electron.js') }),
    build({ ...common, sourcemap: false, entryPoints: [join(HERE, 'host-runner', 'extension.ts')], outfile: join(hostRunner, 'extension.js') }),
  ]);
  mkdirSync(hostRunner, { recursive: true });
  copyFileSync(join(HERE, 'host-runner', 'package.json'), join(hostRunner, 'package.json'));
  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packaged = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', HOST_RUNNER_VSIX], { cwd: hostRunner, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  if (packaged.status !== 0) throw new Error(`Packaging the host runner failed (exit ${packaged.status}):\n${packaged.stdout}${packaged.stderr}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildSuite();
