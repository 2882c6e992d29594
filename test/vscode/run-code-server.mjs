#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:vscode`: proves the packaged extension in real VS Code (code-server 4.100.3, driven
 * by Debian's Chromium). Builds the in-editor suite and the test-only host runner, packages
 * chokepoint.vsix when its sources changed, runs the suite inside code-server's extension host,
 * then the end-to-end check in the browser, which refreshes docs/images/*.png (or writes them to
 * CHOKEPOINT_SCREENSHOTS_DIR, as `npm test` does so as not to touch the docs). Every process
 * it starts is stopped; it exits non-zero on any failure. CHOKEPOINT_KEEP_VSCODE_TEMP=1 keeps the
 * temporary profiles, workspaces and logs for debugging; CHOKEPOINT_REPACKAGE=1 forces `npm run package`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildSuite } from './build-suite.mjs';
import { runBrowserEndToEnd } from './browser-e2e.mjs';
import { runHostSuite } from './host-suite.mjs';
import { missingPrerequisites, REPO_ROOT, SCREENSHOTS_DIR } from './lib/paths.mjs';
import { reapLeftovers } from './lib/processes.mjs';
import { timed } from './lib/wait.mjs';
import { ensureVsix } from './lib/vsix.mjs';

/** The whole run, however noisy the machine, must end. */
const OVERALL_TIMEOUT_MS = 15 * 60_000;

const missing = missingPrerequisites();
if (missing.length > 0) {
  console.error(`[vscode] Cannot run the real-VS-Code tests; missing: ${missing.join('; ')}`);
  process.exit(1);
}

const root = mkdtempSync(join(tmpdir(), 'chokepoint-vscode-'));
const started = Date.now();

/** Stops whatever is still running from this run, removes its files, and exits. @param {number} code */
async function finish(code) {
  const killed = await reapLeftovers(root);
  if (killed.length > 0) {
    console.error(`[vscode] These processes were still running and had to be killed:\n  ${killed.join('\n  ')}`);
    code = code || 1;
  }
  if (process.env.CHOKEPOINT_KEEP_VSCODE_TEMP === '1') console.log(`[vscode] profiles, workspaces and logs kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
  console.log(`[vscode] ${code === 0 ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => void finish(130));
setTimeout(() => {
  console.error(`[vscode] FAILED: the real-VS-Code tests did not finish within ${OVERALL_TIMEOUT_MS / 60_000} minutes`);
  void finish(1);
}, OVERALL_TIMEOUT_MS).unref();

/** Runs one part of the run; a failure is reported and the next part still runs. @param {string} name @param {() => Promise<void>} run */
async function part(name, run) {
  try {
    await timed(name, run);
    return true;
  } catch (error) {
    console.error(`[vscode] FAILED: ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

const built = await part('build the in-editor suite, the host runner and chokepoint.vsix', async () => {
  await buildSuite();
  console.log(`[vscode] chokepoint.vsix: ${ensureVsix() === 'fresh' ? 'up to date, reused' : 'packaged with npm run package'}`);
});
const suitePassed = built && (await part('in-editor suite inside code-server', async () => {
  const results = await runHostSuite(join(root, 'suite'));
  console.log(`[vscode] in-editor suite: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending (${(results.durationMs / 1000).toFixed(1)} s in the extension host)`);
}));
const restrictedPassed = built && (await part('in-editor suite in Restricted Mode (an untrusted workspace)', async () => {
  const results = await runHostSuite(join(root, 'restricted'), { restricted: true });
  console.log(`[vscode] Restricted Mode suite: ${results.passed} passed, ${results.failed} failed (${(results.durationMs / 1000).toFixed(1)} s in the extension host)`);
}));
const e2ePassed = built && (await part('end-to-end check in the browser', async () => {
  await runBrowserEndToEnd(join(root, 'e2e'));
  const dir = relative(REPO_ROOT, SCREENSHOTS_DIR);
  console.log(`[vscode] screenshots: ${['problems-and-hover.png', 'hover.png', 'quick-fix.png', 'toml.png', 'authority-map.png'].map((name) => join(dir, name)).join(', ')}`);
}));
await finish(suitePassed && restrictedPassed && e2ePassed ? 0 : 1);
