// @ts-check
/** Runs the end-to-end check (e2e.mjs) against chokepoint.vsix installed in a fresh code-server profile. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeWorkbench, openWorkbench } from './lib/browser.mjs';
import { createProfile, installExtension, startCodeServer } from './lib/code-server.mjs';
import { describeLogs } from './lib/logs.mjs';
import { EXTENSION_VSIX, REPO_ROOT } from './lib/paths.mjs';
import { assertShipsNoTests } from './lib/vsix.mjs';
import { padGenesis } from './lib/large-genesis.mjs';
import { createWorkspace } from './lib/workspace.mjs';
import { runEndToEnd, runLargeFileEndToEnd, runServerRestartEndToEnd } from './e2e.mjs';
import { runAuthorityMapEndToEnd } from './authority-map-e2e.mjs';
import { runDocsLinksEndToEnd } from './docs-links-e2e.mjs';
import { runTomlEndToEnd } from './toml-e2e.mjs';

const FAILURE_DIR = join(REPO_ROOT, 'test-results', 'vscode');

/** @param {string} root a fresh directory for this run */
export async function runBrowserEndToEnd(root) {
  const profile = createProfile(join(root, 'profile'));
  installExtension(profile, EXTENSION_VSIX);
  assertShipsNoTests(profile.extensions);
  const workspace = createWorkspace(join(root, 'workspace'));
  // A genesis above the workspace's chokepoint.maxFileSizeMB, which the server refuses (a file above VS Code's 50 MB sync limit is impractical here).
  mkdirSync(join(workspace, 'large-genesis'));
  writeFileSync(join(workspace, 'large-genesis', 'genesis.json'), padGenesis(readFileSync(join(workspace, 'cosmos', 'genesis.json'), 'utf8'), 1.3 * 1024 * 1024));
  mkdirSync(join(workspace, '.vscode'));
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'chokepoint.maxFileSizeMB': 1 }, null, 2));
  const server = await startCodeServer(profile, workspace);
  let browser;
  try {
    browser = await openWorkbench(server.url, join(root, 'chromium'));
    await runEndToEnd(browser.page, workspace);
    await runDocsLinksEndToEnd(browser.page, workspace);
    await runServerRestartEndToEnd(browser.page, profile.extensions);
    await runLargeFileEndToEnd(browser.page);
    await runTomlEndToEnd(browser.page);
    await runAuthorityMapEndToEnd(browser.page, workspace);
  } catch (error) {
    let shot = '';
    if (browser) {
      mkdirSync(FAILURE_DIR, { recursive: true });
      shot = join(FAILURE_DIR, 'e2e-failure.png');
      await browser.page.screenshot({ path: shot }).catch(() => (shot = ''));
    }
    throw new Error(`${/** @type {Error} */ (error).message}${shot ? `\nScreenshot of the failure: ${shot}` : ''}\n${describeLogs(server.log(), profile.userData)}`);
  } finally {
    await closeWorkbench(browser?.context);
    await server.stop();
  }
}
