// @ts-check
/** Where the real-VS-Code tests find their tools and write their outputs. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CODE_SERVER_DIR = join(REPO_ROOT, '.vscode-test', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CODE_SERVER_MARKER = join(CODE_SERVER_DIR, '.complete-4.100.3');
export const CHROMIUM = process.env.CHOKEPOINT_CHROMIUM ?? '/usr/bin/chromium';
export const BUILD_DIR = join(REPO_ROOT, '.vscode-test', 'build');
export const SUITE_ENTRY = join(BUILD_DIR, 'suite', 'index.js');
export const HOST_RUNNER_VSIX = join(BUILD_DIR, 'chokepoint-host-runner.vsix');
export const EXTENSION_VSIX = join(REPO_ROOT, 'chokepoint.vsix');
/** docs/images (what docs/marketplace.md shows) unless CHOKEPOINT_SCREENSHOTS_DIR says otherwise, as `npm test` does. */
export const SCREENSHOTS_DIR = process.env.CHOKEPOINT_SCREENSHOTS_DIR ? resolve(process.env.CHOKEPOINT_SCREENSHOTS_DIR) : join(REPO_ROOT, 'docs', 'images');

/** What is missing for the real-VS-Code tests to run on this machine, if anything. */
export function missingPrerequisites() {
  const missing = [];
  if (!existsSync(CODE_SERVER_MARKER)) missing.push('code-server in .vscode-test/code-server (run test/vscode/setup-code-server.sh)');
  if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  return missing;
}
