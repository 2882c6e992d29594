// @ts-check
/**
 * Runs the in-editor mocha suite inside code-server's real extension host: chokepoint.vsix and the
 * test-only host runner are installed into a fresh profile, a browser connects (the extension host
 * runs only while one is connected), and the host runner writes the suite's results to a file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeWorkbench, openWorkbench } from './lib/browser.mjs';
import { createProfile, installExtension, startCodeServer } from './lib/code-server.mjs';
import { describeLogs, logLines } from './lib/logs.mjs';
import { EXTENSION_VSIX, HOST_RUNNER_VSIX, SUITE_ENTRY } from './lib/paths.mjs';
import { waitFor } from './lib/wait.mjs';
import { createWorkspace } from './lib/workspace.mjs';

/** @typedef {import('./suite/index').SuiteResults} SuiteResults */

/** The tests that need an untrusted workspace; the trusted run leaves them out. */
const RESTRICTED_TESTS = '^In Restricted Mode';

/**
 * Settings of the untrusted run: Workspace Trust on, never asked about, so the workspace opens in
 * Restricted Mode; its own settings set chokepoint.rpc, which a restricted setting must ignore.
 */
const RESTRICTED_USER_SETTINGS = { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never', 'security.workspace.trust.emptyWindow': false };
const RESTRICTED_WORKSPACE_SETTINGS = { 'chokepoint.rpc': { 1: 'https://rpc.invalid/v2/never-read' } };

/**
 * @param {string} root a fresh directory for this run
 * @param {{ restricted?: boolean }} [options] `restricted`: run only the Restricted Mode tests, in an untrusted workspace
 * @returns {Promise<SuiteResults>}
 */
export async function runHostSuite(root, options = {}) {
  const restricted = options.restricted === true;
  const profile = createProfile(join(root, 'profile'), restricted ? RESTRICTED_USER_SETTINGS : {});
  installExtension(profile, EXTENSION_VSIX);
  installExtension(profile, HOST_RUNNER_VSIX);
  const workspace = createWorkspace(join(root, 'workspace'));
  if (restricted) {
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(RESTRICTED_WORKSPACE_SETTINGS, null, 2));
  }
  const resultsPath = join(root, 'results.json');
  const server = await startCodeServer(
    profile,
    workspace,
    { CHOKEPOINT_VSCODE_SUITE: SUITE_ENTRY, CHOKEPOINT_VSCODE_RESULTS: resultsPath, CHOKEPOINT_VSCODE_GREP: RESTRICTED_TESTS, CHOKEPOINT_VSCODE_INVERT: restricted ? '0' : '1' },
    { workspaceTrust: restricted },
  );
  let browser;
  try {
    browser = await openWorkbench(server.url, join(root, 'chromium'));
    try {
      await waitFor(() => existsSync(resultsPath), { what: 'the in-editor suite to write its results', timeoutMs: 300_000, intervalMs: 500 });
    } catch (error) {
      throw new Error(`${/** @type {Error} */ (error).message}\n${describeLogs(server.log(), profile.userData)}`);
    }
    /** @type {SuiteResults} */
    const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
    // The extension measures its own activate() (and when its language server is ready) in its output channel.
    for (const line of logLines(profile.userData, 'Chokepoint.log', /Activated in|Language server ready|with the CLI in/)) console.log(`  [Chokepoint output] ${line.trim()}`);
    for (const test of results.tests) console.log(`  ${test.state === 'passed' ? '✓' : '✗'} ${test.title}${test.durationMs !== undefined ? ` (${test.durationMs} ms)` : ''}`);
    if (results.failed > 0 || results.passed === 0) {
      const failures = results.failures.map((f) => `✗ ${f.title}\n${f.message}`).join('\n\n');
      throw new Error(`${results.failed} of ${results.passed + results.failed} in-editor tests failed in code-server:\n${failures}\n\n${describeLogs(server.log(), profile.userData)}`);
    }
    return results;
  } finally {
    await closeWorkbench(browser?.context);
    await server.stop();
  }
}
