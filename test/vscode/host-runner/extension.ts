/**
 * Test-only extension: code-server's browser workbench ignores --extensionTestsPath, so this
 * starts the @vscode/test-electron-style suite from inside the real extension host instead.
 * It does nothing unless CHOKEPOINT_VSCODE_SUITE (the bundled suite/index.js) and
 * CHOKEPOINT_VSCODE_RESULTS (where to write the results as JSON) are set.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { SuiteResults } from '../suite/index';

function writeResults(path: string, results: SuiteResults): void {
  // Write then rename, so the harness never reads half a file.
  writeFileSync(`${path}.partial`, JSON.stringify(results, null, 2));
  renameSync(`${path}.partial`, path);
}

export async function activate(): Promise<void> {
  const suitePath = process.env.CHOKEPOINT_VSCODE_SUITE;
  const resultsPath = process.env.CHOKEPOINT_VSCODE_RESULTS;
  if (!suitePath || !resultsPath) return;
  const started = Date.now();
  try {
    const suite = require(suitePath) as { runSuite: () => Promise<SuiteResults> };
    writeResults(resultsPath, await suite.runSuite());
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    writeResults(resultsPath, { passed: 0, failed: 1, pending: 0, durationMs: Date.now() - started, tests: [], failures: [{ title: 'loading or running the suite', message }] });
  }
}

export function deactivate(): void {}
