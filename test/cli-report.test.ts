import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliInvocation, cliLintArgs } from '../client/src/cli-invocation';
import { formatSize, largeFileMessage, readCliReport, sizeVerdict } from '../client/src/cli-report';
import { docsUrl } from '../server/src/engine/rules/index';
import { problemCounts } from '../server/src/engine/text/counts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const GENESIS = join(ROOT, 'examples', 'cosmos', 'genesis.json');
const MB = 1024 * 1024;

/** Runs the built CLI as the extension does: the command, arguments and options `cliInvocation` gives. */
function runLikeTheExtension(file: string, rules: unknown = {}, preset?: unknown) {
  const { command, args, options } = cliInvocation(file, { rules, preset }, { execPath: process.execPath, cliPath: CLI, env: process.env });
  const cwd = options.cwd;
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', timeout: 20_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return { stdout: result.stdout, cwd };
}

describe('Lint File with CLI: the CLI report in the Problems panel', () => {
  it('reads the CLI JSON into problems of the file, by absolute path, with the doc link the language server gives', () => {
    const { stdout, cwd } = runLikeTheExtension(GENESIS);
    const run = readCliReport(stdout, cwd);
    expect([...run.problems.keys()]).toEqual([GENESIS]);
    const problems = run.problems.get(GENESIS)!;
    const raw = (JSON.parse(stdout) as { files: { findings: { ruleId: string; severity: string; message: string; range: unknown }[] }[] }).files[0].findings;
    expect(problems.length).toBe(raw.length);
    expect(problems.length).toBeGreaterThan(5);
    problems.forEach((p, i) => {
      expect(p.ruleId).toBe(raw[i].ruleId);
      expect(p.severity).toBe(raw[i].severity);
      expect(p.message).toBe(raw[i].message);
      expect(p.range).toEqual(raw[i].range);
      expect(p.docsUrl).toBe(docsUrl(p.ruleId));
    });
    expect(problems.map((p) => p.ruleId)).toContain('root-authority');
    expect(run.counts.error).toBe(problems.filter((p) => p.severity === 'error').length);
    expect(problemCounts(run.counts)).toBe(`${problems.length} problems (${run.counts.error} errors, ${run.counts.warning} warnings, ${run.counts.info} info)`);
  });

  it('passes the editor rule overrides as --rule, dropping malformed ones', () => {
    expect(cliLintArgs('/x/cli.js', '/w/g.json', { 'supply-concentration': 'off', 'root-authority': 'info', 'bad id!': 'off', 'role-collapse': 'loud' })).toEqual([
      '/x/cli.js', 'lint', '--format', 'json', '--fail-on', 'none', '--rule', 'supply-concentration=off', '--rule', 'root-authority=info', '--', '/w/g.json',
    ]);
    const run = readCliReport(runLikeTheExtension(GENESIS, { 'supply-concentration': 'off', 'root-authority': 'info' }).stdout, dirname(GENESIS));
    const problems = run.problems.get(GENESIS)!;
    expect(problems.some((p) => p.ruleId === 'supply-concentration')).toBe(false);
    expect(problems.filter((p) => p.ruleId === 'root-authority').map((p) => p.severity)).toEqual(['info']);
  });

  it('passes the editor preset as --preset, so the CLI grades findings as the language server does', () => {
    expect(cliLintArgs('/x/cli.js', '/w/g.json', {}, 'strict')).toEqual(['/x/cli.js', 'lint', '--format', 'json', '--fail-on', 'none', '--preset', 'strict', '--', '/w/g.json']);
    expect(cliLintArgs('/x/cli.js', '/w/g.json', {}, '')).not.toContain('--preset');
    expect(cliLintArgs('/x/cli.js', '/w/g.json', {}, 'lax; rm -rf')).not.toContain('--preset');
    const recommended = readCliReport(runLikeTheExtension(GENESIS).stdout, dirname(GENESIS)).problems.get(GENESIS)!;
    const strict = readCliReport(runLikeTheExtension(GENESIS, {}, 'strict').stdout, dirname(GENESIS)).problems.get(GENESIS)!;
    expect(recommended.some((p) => p.severity === 'warning')).toBe(true);
    expect(strict.map((p) => p.ruleId)).toEqual(recommended.map((p) => p.ruleId));
    expect(strict.map((p) => p.severity)).toEqual(recommended.map((p) => (p.severity === 'info' ? 'warning' : 'error')));
  });

  it('puts related places in their own file when the report names one, else in the finding\'s file; marks unused suppressions', () => {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };
    const report = {
      tool: 'chokepoint',
      files: [
        { path: 'a/intent.toml', findings: [{ ruleId: 'role-collapse', severity: 'error', message: 'm', range, related: [{ message: 'here', range }, { message: 'there', path: 'b/other.toml', range }] }] },
        { path: '.chokepoint.yaml', findings: [{ ruleId: 'unused-suppression', severity: 'warning', message: 'u', range, related: [] }] },
        { path: 'a/clean.toml', findings: [] },
      ],
    };
    const run = readCliReport(JSON.stringify(report), '/ws');
    expect([...run.problems.keys()]).toEqual(['/ws/a/intent.toml', '/ws/.chokepoint.yaml', '/ws/a/clean.toml']);
    expect(run.problems.get('/ws/a/intent.toml')![0].related.map((r) => r.file)).toEqual(['/ws/a/intent.toml', '/ws/b/other.toml']);
    expect(run.problems.get('/ws/.chokepoint.yaml')![0].unnecessary).toBe(true);
    expect(run.problems.get('/ws/a/clean.toml')).toEqual([]);
    expect(run.counts).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it('says what is wrong when the output is not a Chokepoint report', () => {
    expect(() => readCliReport('chokepoint: internal error', '/')).toThrow(/did not print a JSON report/);
    expect(() => readCliReport('{"files": []}', '/')).toThrow(/not a Chokepoint report/);
    expect(() => readCliReport(JSON.stringify({ tool: 'chokepoint', files: [{ path: 'x.json', findings: [{ ruleId: 'r', severity: 'fatal', message: 'm' }] }] }), '/')).toThrow(/finding .* malformed/);
  });
});

describe('files too large to lint as you type', () => {
  it('a file VS Code did not hand to extensions is above the editor limit, said plainly', () => {
    const verdict = sizeVerdict({ bytes: 91 * MB, maxFileSizeMB: 50 });
    expect(verdict).toEqual({ limit: 'editor', size: 91 * MB });
    expect(largeFileMessage('genesis.json', verdict!)).toBe('genesis.json is 91 MB, above what VS Code hands to extensions (50 MB): it is not linted as you type. Lint it with the CLI?');
  });

  it('a document above chokepoint.maxFileSizeMB is refused by the server', () => {
    const verdict = sizeVerdict({ bytes: 1.6 * MB, chars: 1.6 * MB, maxFileSizeMB: 1 });
    expect(verdict).toEqual({ limit: 'setting', size: 1.6 * MB, maxFileSizeMB: 1 });
    expect(largeFileMessage('genesis.json', verdict!)).toBe('genesis.json is 1.6 MB, above chokepoint.maxFileSizeMB (1 MB): it is not linted as you type. Lint it with the CLI?');
    // An unsynced file below the editor limit, still above the setting.
    expect(sizeVerdict({ bytes: 12 * MB, maxFileSizeMB: 10 })?.limit).toBe('setting');
  });

  it('counts characters as the editor and the server do, and falls back to the server default for a bad setting', () => {
    expect(sizeVerdict({ bytes: 1.2 * MB, chars: 0.9 * MB, maxFileSizeMB: 1 })).toBeUndefined();
    expect(sizeVerdict({ bytes: 60 * MB, chars: 49 * MB, maxFileSizeMB: 100 })).toBeUndefined();
    expect(sizeVerdict({ bytes: 40 * MB, maxFileSizeMB: -3 })).toBeUndefined();
    expect(sizeVerdict({ bytes: 51 * MB, chars: 51 * MB, maxFileSizeMB: 'big' })).toEqual({ limit: 'setting', size: 51 * MB, maxFileSizeMB: 50 });
    expect(sizeVerdict({ bytes: 5 * 1024 })).toBeUndefined();
  });

  it('writes sizes as a person would', () => {
    expect([formatSize(91 * MB + 123), formatSize(1.6 * MB), formatSize(2 * MB), formatSize(820 * 1024), formatSize(10)]).toEqual(['91 MB', '1.6 MB', '2 MB', '820 KB', '1 KB']);
  });
});
