/**
 * Runs the in-editor suite in desktop VS Code through @vscode/test-electron, for machines that can
 * download VS Code (this one cannot: there, `npm run test:vscode` runs the same suite in
 * code-server). Usage: `npm run test:vscode:electron`, which builds the extension and the suite
 * first. The extension under test is this repository (extensionDevelopmentPath).
 */
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Both this file (test/vscode/) and its bundle (.vscode-test/build/) sit two levels below the root.
const REPO_ROOT = resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'chokepoint-vscode-workspace-'));
  cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.CHOKEPOINT_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: join(REPO_ROOT, '.vscode-test', 'build', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      // The Restricted Mode tests need an untrusted workspace, which only the code-server harness sets up.
      extensionTestsEnv: { CHOKEPOINT_VSCODE_GREP: '^In Restricted Mode', CHOKEPOINT_VSCODE_INVERT: '1' },
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('The in-editor tests failed in desktop VS Code:', error);
  process.exit(1);
});
