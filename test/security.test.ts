/**
 * Security (issue 6): the engine makes no network request and never loads code from the
 * workspace. The first is proved by linting every example and fixture with the network stubbed
 * to throw; the second by an architecture check over server/src and by a config that names code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureBuiltCli, temporaryFolders } from './helpers/cli-run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');

const newTempDir = temporaryFolders('chokepoint-security-');
function tempDir(files: Record<string, string>): string {
  const dir = newTempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

ensureBuiltCli();

/**
 * A preload (`node --require`) that replaces every way out: each attempt is written to stderr
 * (which the engine cannot swallow) and then throws. Worker threads inherit `--require`.
 */
const NO_NETWORK = `
const { writeSync } = require('node:fs');
const blocked = (what) => function () {
  writeSync(2, 'NETWORK ' + what + '\\n');
  throw new Error('network access is disabled in this test: ' + what);
};
const stub = (name, members) => {
  const mod = require(name);
  for (const member of members) if (member in mod) mod[member] = blocked(name + '.' + member);
};
stub('node:http', ['request', 'get', 'createServer', 'Agent']);
stub('node:https', ['request', 'get', 'createServer', 'Agent']);
stub('node:http2', ['connect', 'createServer', 'createSecureServer']);
// net.Socket itself stays: Node builds process.stdout on it when output is a pipe. Connecting is what is blocked.
stub('node:net', ['connect', 'createConnection', 'createServer']);
require('node:net').Socket.prototype.connect = blocked('node:net.Socket.connect');
stub('node:tls', ['connect', 'createServer', 'createSecureContext']);
stub('node:dgram', ['createSocket']);
stub('node:dns', ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse', 'Resolver']);
const dnsPromises = require('node:dns').promises;
for (const member of ['lookup', 'resolve', 'resolve4', 'resolve6', 'reverse']) dnsPromises[member] = blocked('dns.promises.' + member);
globalThis.fetch = blocked('fetch');
globalThis.WebSocket = blocked('WebSocket');
globalThis.EventSource = blocked('EventSource');
if (process.env.SHOW_PRELOAD) writeSync(2, 'PRELOAD in thread ' + require('node:worker_threads').threadId + '\\n');
`;

function runWithoutNetwork(args: string[], cwd = ROOT, extraEnv: NodeJS.ProcessEnv = {}) {
  const preload = join(tempDir({ 'no-network.cjs': NO_NETWORK }), 'no-network.cjs');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extraEnv };
  return spawnSync(process.execPath, ['--require', preload, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
}

describe('no network', () => {
  it('the stub catches a request (so a silent run below means none was made)', () => {
    for (const code of ["require('node:https').get('https://example.com')", "new (require('node:net').Socket)().connect(80, 'example.com')", "fetch('https://example.com')", "require('node:dns').lookup('example.com', () => {})", "require('node:net').connect(80, 'example.com')"]) {
      const run = runWithoutNetwork(['-e', code]);
      expect(run.stderr, code).toMatch(/^NETWORK /m);
      expect(run.status, code).not.toBe(0);
    }
  });

  it('linting every example and fixture, on this thread and on worker threads, makes no request', () => {
    const targets = ['examples', 'test/fixtures'];
    for (const jobs of ['1', '2']) {
      const run = runWithoutNetwork([CLI, 'lint', ...targets, '--format', 'json', '--jobs', jobs]);
      expect(run.stderr, `--jobs ${jobs}`).not.toMatch(/NETWORK/);
      expect(run.stderr, `--jobs ${jobs}`).toBe('');
      expect([0, 1], `--jobs ${jobs}: exit ${run.status}`).toContain(run.status);
      const report = JSON.parse(run.stdout) as { summary: { files: number }; files: { findings: { ruleId: string }[] }[] };
      expect(report.summary.files, 'every example and fixture was linted').toBeGreaterThan(100);
      expect(report.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'internal-error')).toEqual([]);
      // Verified facts were read too (lock files and an L2BEAT snapshot among the fixtures), offline.
      expect(report.files.flatMap((f) => f.findings.map((x) => x.ruleId))).toEqual(expect.arrayContaining(['declaration-mismatch', 'config-drift', 'stale-verification']));
    }
    // The stubs are in place on the worker threads too (they inherit --require).
    const traced = runWithoutNetwork([CLI, 'lint', ...targets, '--format', 'json', '--jobs', '2'], ROOT, { SHOW_PRELOAD: '1' });
    const threads = new Set(traced.stderr.split('\n').filter(Boolean).map((line) => /^PRELOAD in thread (\d+)$/.exec(line)?.[1] ?? line));
    expect([...threads].sort()).toEqual(['0', '1', '2']);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
    .sort();
}

/** Source without comments and string contents, so a word in a doc comment or a message is not code. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('no workspace code is ever loaded', () => {
  /** The worker entries: constants beside the bundle (dist/lint-worker.mjs, dist/document-worker.mjs, dist/structure-worker.mjs), never a path from a config. */
  const ALLOWED_WORKERS: Record<string, string> = {
    'server/src/engine/worker-pool.ts': 'new Worker(options.script)',
    'server/src/lsp/lint-lanes.ts': 'new Worker(script)',
    'server/src/engine/parse/prescan.ts': 'new Worker(script, { workerData: { path, shared } satisfies PrescanRequest })',
  };

  it('server/src has no require() or import() of a computed specifier, and no eval', () => {
    const found: string[] = [];
    for (const file of sources('server/src')) {
      const text = code(file);
      for (const m of text.matchAll(/\brequire\s*\(\s*([^)]*)\)/g)) if (!/^['"][^'"]+['"]$/.test(m[1].trim())) found.push(`${file}: require(${m[1]})`);
      for (const m of text.matchAll(/\bimport\s*\(\s*([^)]*)\)/g)) if (!/^['"][^'"]+['"]$/.test(m[1].trim())) found.push(`${file}: import(${m[1]})`);
      for (const m of text.matchAll(/\b(eval\s*\(|new\s+Function\s*\(|createRequire\b|Module\._load|process\.dlopen|from\s+['"](node:)?(vm|child_process|module)['"]|require\(\s*['"](node:)?(vm|child_process|module)['"])/g)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('the only worker threads start the bundled entries', () => {
    const workers: string[] = [];
    for (const file of sources('server/src')) {
      for (const m of code(file).matchAll(/new\s+Worker\s*\([^)]*\)/g)) workers.push(`${file}: ${m[0]}`);
    }
    expect(workers.sort()).toEqual(Object.entries(ALLOWED_WORKERS).map(([file, call]) => `${file}: ${call}`).sort());
    // Where those scripts come from: constants next to the bundle, not configuration.
    expect(readFileSync('server/src/engine/workspace.ts', 'utf8')).toMatch(/join\(__dirname, 'lint-worker\.mjs'\)/);
    expect(readFileSync('server/src/lsp/linting.ts', 'utf8')).toMatch(/const WORKER_SCRIPT = join\(__dirname, 'document-worker\.mjs'\)/);
    expect(readFileSync('server/src/engine/parse/prescan.ts', 'utf8')).toMatch(/join\(__dirname, 'structure-worker\.mjs'\)/);
    for (const file of sources('server/src/engine/config')) expect(code(file), file).not.toMatch(/workerScript/);
  });

  it('a .chokepoint.yaml that names code is refused, and the code never runs', () => {
    const marker = join(tmpdir(), `chokepoint-pwned-${process.pid}-${Date.now()}`);
    const payload = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = {};\n`;
    const dir = tempDir({
      'evil.js': payload,
      'evil.cjs': payload,
      'evil.mjs': `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\n`,
      '.chokepoint.yaml': ['preset: recommended', 'plugins: [./evil.js]', 'require: ./evil.cjs', 'extends: ./evil.mjs', 'parser: ./evil.js', 'rules:', '  ./evil.js: error', ''].join('\n'),
      'deploy-config.json': readFileSync('examples/op-stack/deploy-config.json', 'utf8'),
    });
    const run = runWithoutNetwork([CLI, 'lint', dir, '--format', 'json'], dir);
    expect(existsSync(marker), 'the workspace code did not run').toBe(false);
    expect(run.status, `exit ${run.status}: a configuration error`).toBe(2);
    expect(run.stderr + run.stdout).toMatch(/chokepoint\.yaml/);
    // The config's --config form, and a preset named as a path, are refused the same way.
    const again = runWithoutNetwork([CLI, 'lint', dir, '--config', join(dir, '.chokepoint.yaml'), '--format', 'json'], dir);
    expect(again.status).toBe(2);
    const preset = tempDir({ '.chokepoint.yaml': 'preset: ./evil.js\n', 'evil.js': payload, 'deploy-config.json': '{}' });
    expect(runWithoutNetwork([CLI, 'lint', preset, '--format', 'json'], preset).status).toBe(2);
    expect(existsSync(marker), 'the workspace code did not run').toBe(false);
  });
});
