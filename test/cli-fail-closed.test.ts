/** The command line fails closed (issue 17 §4): no silent guesses, no stack traces, clean exits. */
import { spawnSync } from 'node:child_process';
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
