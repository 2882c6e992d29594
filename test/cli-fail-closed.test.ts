/** The command line fails closed (issue 17 §4): no silent guesses, no stack traces, clean exits. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_CLI, ensureBuiltCli, REPO } from './helpers/cli-run';

ensureBuiltCli();
const run = (args: string[]) => spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd: REPO, encoding: 'utf8' });
const EXAMPLE = join('examples', 'op-stack', 'deploy-config.json');

describe('the command line fails closed', () => {
  it('an empty path is an error, not the current folder', () => {
    const result = run(['lint', '']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('An empty path names no file or folder');
  });

  it('a format given twice with different values is rejected; the same value twice is fine', () => {
    const twice = run(['lint', EXAMPLE, '-f', 'json', '-f', 'sarif']);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('--format is given twice (json, then sarif)');
    expect(run(['lint', EXAMPLE, '-f', 'json', '--format=json', '--fail-on', 'none']).status).toBe(0);
    expect(run(['lint', EXAMPLE, '--fail-on', 'none', '--fail-on', 'error']).status).toBe(2);
  });

  it('rules takes only the formats it has', () => {
    const xml = run(['rules', '--format', 'xml']);
    expect(xml.status).toBe(2);
    expect(xml.stderr).toContain('not "xml"');
    expect(run(['rules', '--verbose']).status).toBe(2);
    expect(run(['rules', '--format=json']).status).toBe(0);
  });

  it('a closed stdout ends quietly with the lint\'s own exit code (output well past a pipe\'s buffer)', () => {
    const piped = spawnSync('bash', ['-c', `node ${JSON.stringify(BUILT_CLI)} lint test/real-world --format json --fail-on none | head -1; echo "status \${PIPESTATUS[0]}"`], { cwd: REPO, encoding: 'utf8' });
    expect(piped.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(piped.stdout.trim().split('\n').at(-1)).toBe('status 0');
    const failing = spawnSync('bash', ['-c', `node ${JSON.stringify(BUILT_CLI)} lint test/real-world --format json | head -1; echo "status \${PIPESTATUS[0]}"`], { cwd: REPO, encoding: 'utf8' });
    expect(failing.stderr).toBe('');
    expect(failing.stdout.trim().split('\n').at(-1)).toBe('status 1');
  });
});

describe('folder-mates of a named file', () => {
  it('are read only when they are regular files: a FIFO or a symlink beside it is left alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-fifo-'));
    try {
      writeFileSync(join(dir, 'deploy-config.json'), readFileSync(join(REPO, EXAMPLE), 'utf8'));
      execFileSync('mkfifo', [join(dir, 'genesis.json')]);
      symlinkSync('/dev/zero', join(dir, 'zero.json'));
      const result = spawnSync(process.execPath, [BUILT_CLI, 'lint', 'deploy-config.json', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('deploy-config.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('user globs', () => {
  it('a glob that would backtrack without bound is refused as a config error, at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-glob-'));
    try {
      writeFileSync(join(dir, `${'a'.repeat(60)}.json`), readFileSync(join(REPO, EXAMPLE), 'utf8'));
      writeFileSync(join(dir, '.chokepoint.yaml'), 'ignore: ["*a*a*a*a*a*a*a*a*a*a*a*ab"]\nsuppressions:\n  - rule: role-collapse\n    files: "*a*a*a*a*a*a*a*a*ab"\n    reason: x\n');
      const result = spawnSync(process.execPath, [BUILT_CLI, 'lint', '.'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(2);
      expect(result.stdout + result.stderr).toContain('The glob is refused');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every ordinary glob is accepted', async () => {
    const { unboundedGlob } = await import('../server/src/engine/text/glob');
    for (const glob of ['**/*.json', 'chains/*-testnet/*.toml', '*.{json,yaml}', 'op-*/**/genesis-*.json', 'a/b/c.json']) expect(unboundedGlob(glob)).toBeUndefined();
    expect(unboundedGlob('*a*a*a*a*')).toMatch(/at most 3/);
    expect(unboundedGlob('x'.repeat(300))).toMatch(/at most 256/);
  });
});
