/**
 * The in-editor suite, to @vscode/test-electron conventions: `run()` runs mocha (tdd) over the
 * compiled `*.test.js` next to this file, inside a real extension host. `runSuite()` returns the
 * counts and failures too, for the code-server host runner (test/vscode/host-runner).
 */
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: { title: string; state: 'passed' | 'failed'; durationMs?: number }[];
  failures: { title: string; message: string }[];
}

/**
 * The tests whose title matches CHOKEPOINT_VSCODE_GREP (a regular expression), or all the others with
 * CHOKEPOINT_VSCODE_INVERT=1: the harness runs "In Restricted Mode" alone in an untrusted workspace.
 */
export function runSuite(): Promise<SuiteResults> {
  const grep = process.env.CHOKEPOINT_VSCODE_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, ...(grep ? { grep: new RegExp(grep), invert: process.env.CHOKEPOINT_VSCODE_INVERT === '1' } : {}) });
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(join(__dirname, file));
  const started = Date.now();
  const results: SuiteResults = { passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [], failures: [] };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve({ ...results, durationMs: Date.now() - started }));
      runner.on('pass', (test) => {
        results.passed++;
        results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
      });
      runner.on('fail', (test, error: Error) => {
        results.failed++;
        results.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration });
        results.failures.push({ title: test.fullTitle(), message: error.stack ?? error.message });
      });
      runner.on('pending', () => results.pending++);
      if (files.length === 0) reject(new Error(`No *.test.js files next to ${__filename}`));
    } catch (error) {
      reject(error);
    }
  });
}

export async function run(): Promise<void> {
  const results = await runSuite();
  for (const failure of results.failures) console.error(`✗ ${failure.title}\n${failure.message}`);
  if (results.failed > 0) throw new Error(`${results.failed} of ${results.passed + results.failed} Chokepoint in-editor tests failed`);
}
