// @ts-check
/** The packaged extension under test: chokepoint.vsix, rebuilt with `npm run package` when its sources are newer. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXTENSION_VSIX, REPO_ROOT } from './paths.mjs';

/** What goes into the .vsix (see .vscodeignore) or into the bundles in it. */
const SOURCES = ['package.json', '.vscodeignore', 'CHANGELOG.md', 'LICENSE', 'scripts/build.mjs', 'scripts/package.mjs', 'client/src', 'server/src', 'docs/rules', 'docs/marketplace.md', 'schemas', 'syntaxes', 'languages', 'images/icon.png'];

/** @param {string} path @returns {number} the newest modification time under path */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** @returns {'fresh' | 'packaged'} */
export function ensureVsix() {
  const sources = Math.max(...SOURCES.map((p) => newest(join(REPO_ROOT, p))));
  if (process.env.CHOKEPOINT_REPACKAGE !== '1' && existsSync(EXTENSION_VSIX) && statSync(EXTENSION_VSIX).mtimeMs > sources) return 'fresh';
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`npm run package failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return 'packaged';
}

/**
 * The installed extension holds only what ships: no tests, no test runner.
 * @param {string} extensionsDir
 */
export function assertShipsNoTests(extensionsDir) {
  const installed = readdirSync(extensionsDir).find((name) => name.startsWith('chokepoint.chokepoint-'));
  if (!installed) throw new Error(`chokepoint.vsix did not install into ${extensionsDir}`);
  if (readdirSync(extensionsDir).some((name) => name.includes('host-runner'))) throw new Error('The test-only host runner is installed in the end-to-end profile');
  /** @param {string} dir @returns {string[]} */
  const files = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
  const root = join(extensionsDir, installed);
  const unexpected = files(root).map((f) => relative(root, f)).filter((f) => /^(test|\.vscode-test|scratch)\/|host-runner|\.test\.js$/.test(f));
  if (unexpected.length > 0) throw new Error(`chokepoint.vsix ships test files: ${unexpected.join(', ')}`);
}
