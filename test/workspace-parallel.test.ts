import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lintCommand, PROGRESS_MIN_FILES } from '../server/src/cli/lint-command';
import { parseLintArgs } from '../server/src/cli/args';
import { ConfigResolver } from '../server/src/engine/config/discover';
import { lintPaths, lintPathsParallel, type WorkspaceResult } from '../server/src/engine/workspace';

// Run `node scripts/build.mjs` first: the workers are the bundled dist/lint-worker.mjs.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const WORKER = join(ROOT, 'dist', 'lint-worker.mjs');
const NOW = new Date('2026-06-01T00:00:00Z');

const HOLDER = '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8';
const deploy = (chainId: number, owner = HOLDER) => JSON.stringify({ l1ChainID: 1, l2ChainID: chainId, sequencerWindowSize: 3600, proxyAdminOwner: owner, superchainConfigGuardian: owner, finalSystemOwner: owner }, null, 2);
const MANIFEST = `appchain:\n  name: One Chain\n  network: mainnet\ngovernance:\n  roles:\n    - role: minter\n      holder: "${HOLDER}"\n      powers: [pause]\n`;
const CONFIG = [
  'chains:',
  '  lumen:',
  '    files: ["lumen-l1/**", "lumen-l2/**"]',
  'suppressions:',
  '  - rule: role-collapse',
  '    files: "op-1/*"',
  '    reason: The owner is the 6-of-8 council; its declaration lands with the handover.',
  '  - rule: weak-council',
  '    files: "op-2/*.json"',
  '    reason: No council here, so this matches nothing.',
  '  - rule: role-collapse',
  '    files: "op-3/*.json"',
  '    expires: 2025-01-01',
  '    reason: Accepted until the handover, which was due long ago.',
  '',
].join('\n');

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-parallel-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Eight chains: OP folders (one with a suppression used, one unused, one expired), a named chain across two folders, a broken file and one nobody recognizes. */
function mixedTree(): string {
  const files: Record<string, string> = { '.chokepoint.yaml': CONFIG, 'lumen-l1/deploy-config.json': deploy(7001), 'lumen-l2/appchain.yaml': MANIFEST, 'broken/deploy-config.json': deploy(5999).replace('"sequencerWindowSize": 3600', '"sequencerWindowSize": 3600,,'), 'misc/notes.json': '{"a": 1}' };
  for (let i = 1; i <= 5; i++) files[`op-${i}/deploy-config.json`] = deploy(5000 + i, `0x${String(i).repeat(40)}`);
  files['op-1/appchain.yaml'] = MANIFEST.replace(HOLDER, `0x${'1'.repeat(40)}`);
  return tree(files);
}

const comparable = (result: WorkspaceResult) => JSON.stringify({ reports: result.reports, configProblems: result.configProblems, configFindings: result.configFindings });

describe('a workspace scan on worker threads', () => {
  it('gives exactly the sequential results, in the same order, config findings included', async () => {
    const dir = mixedTree();
    const sequential = lintPaths([dir], { resolver: new ConfigResolver(), now: NOW });
    const parallel = await lintPathsParallel([dir], { resolver: new ConfigResolver(), now: NOW, jobs: 2, workerScript: WORKER });
    expect(parallel.workers).toBe(2);
    expect(sequential.configFindings.map((f) => f.ruleId).sort()).toEqual(['expired-suppression', 'unused-suppression']);
    expect(sequential.reports.flatMap((r) => r.suppressed).some((f) => f.suppression?.kind === 'config')).toBe(true);
    expect(sequential.reports.map((r) => r.uri)).toContain(join(dir, 'broken', 'deploy-config.json'));
    expect(comparable(parallel)).toBe(comparable(sequential));
  });

  it('`chokepoint lint --jobs 2` prints the same JSON and SARIF as --jobs 1, and nothing on a stderr that is not a terminal', () => {
    const dir = mixedTree();
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: String(NOW.getTime() / 1000) };
    for (const format of ['json', 'sarif']) {
      const run = (jobs: string) => spawnSync(process.execPath, [CLI, 'lint', '.', '--format', format, '--fail-on', 'none', '--jobs', jobs], { cwd: dir, env, encoding: 'utf8', timeout: 20_000 });
      const one = run('1');
      const two = run('2');
      expect(one.status).toBe(0);
      expect(two.stderr).toBe('');
      expect(two.stdout).toBe(one.stdout);
      expect(one.stdout).toContain('unused-suppression');
    }
  });

  it('refuses a --jobs that is not a whole number of threads', () => {
    const run = spawnSync(process.execPath, [CLI, 'lint', '.', '--jobs', '0'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--jobs takes a whole number/);
  });

  it('reports progress with increasing counts that end at the total, on workers and on this thread', async () => {
    const dir = mixedTree();
    for (const jobs of [1, 2]) {
      const calls: [number, number][] = [];
      const result = await lintPathsParallel([dir], { resolver: new ConfigResolver(), now: NOW, jobs, workerScript: WORKER, onProgress: (done, total) => calls.push([done, total]) });
      expect(result.workers).toBe(jobs === 1 ? 0 : 2);
      const totals = new Set(calls.map(([, total]) => total));
      expect(totals.size).toBe(1);
      const [total] = totals;
      // Every file found (the unrecognized notes.json is scanned but not reported).
      expect(total).toBe(10);
      const counts = calls.map(([done]) => done);
      expect(counts[0]).toBe(0);
      expect(counts.at(-1)).toBe(total);
      for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThan(counts[i - 1]);
    }
  });

  it('stops when cancelled: the promise rejects with an AbortError', async () => {
    const dir = mixedTree();
    for (const jobs of [1, 2]) {
      const controller = new AbortController();
      const scan = lintPathsParallel([dir], { resolver: new ConfigResolver(), jobs, workerScript: WORKER, signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
      await expect(scan).rejects.toMatchObject({ name: 'AbortError' });
    }
  });

  it('a file named explicitly that cannot be read is a usage error on workers too', async () => {
    const dir = mixedTree();
    const missing = join(dir, 'op-2', 'gone.json');
    writeFileSync(missing, '{}');
    const scan = lintPathsParallel([join(dir, 'op-1'), missing], { resolver: new ConfigResolver(), jobs: 2, workerScript: WORKER, onProgress: (done) => done === 0 && rmSync(missing) });
    await expect(scan).rejects.toThrow(/Cannot read .*gone\.json/);
  });
});

describe('progress on the terminal', () => {
  function run(files: number, stderrIsTTY: boolean) {
    const dir = tree(Object.fromEntries(Array.from({ length: files }, (_, i) => [`op-${i}/deploy-config.json`, deploy(9000 + i)])));
    let stdout = '';
    let stderr = '';
    return lintCommand(parseLintArgs([dir, '--format', 'json', '--fail-on', 'none']), { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, stderrIsTTY, env: {} }).then((code) => ({ code, stdout, stderr }));
  }

  it('shows "Linting n/total files…" on a terminal\'s stderr for a large scan, erases it, and leaves the JSON on stdout alone', async () => {
    const result = await run(PROGRESS_MIN_FILES, true);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^\\r\\x1b\\[KLinting \\d+/${PROGRESS_MIN_FILES} files…`));
    expect(result.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(JSON.parse(result.stdout).summary.files).toBe(PROGRESS_MIN_FILES);
  });

  it('stays quiet when stderr is not a terminal, or the scan is small', async () => {
    expect((await run(PROGRESS_MIN_FILES, false)).stderr).toBe('');
    expect((await run(5, true)).stderr).toBe('');
  });
});
