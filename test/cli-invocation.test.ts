/**
 * "Lint File with CLI" runs the bundled CLI with an argument array and no shell, the file after
 * `--` (issue 16): a file named like an option, or with quotes and `$()` in its name, is linted
 * as that file and nothing else happens.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInvocation } from '../client/src/cli-invocation';
import { readCliReport } from '../client/src/cli-report';
import { BUILT_CLI, ensureBuiltCli, REPO, temporaryFolders } from './helpers/cli-run';

ensureBuiltCli();

const DEPLOY = readFileSync(join(REPO, 'examples', 'op-stack', 'deploy-config.json'), 'utf8');
const HOST = { execPath: '/usr/bin/node', cliPath: '/ext/dist/cli.js', env: { PATH: '/bin' } };
const temporary = temporaryFolders('chokepoint-invocation-');

describe('the CLI call of Lint File with CLI', () => {
  it('is the executable, an argument array ending in -- and the file\'s name, run in its folder with no shell', () => {
    const { command, args, options } = cliInvocation('/w/chain/--output=x.json', { rules: { 'role-collapse': 'off' }, preset: 'strict' }, HOST);
    expect(command).toBe('/usr/bin/node');
    expect(args).toEqual(['/ext/dist/cli.js', 'lint', '--format', 'json', '--fail-on', 'none', '--preset', 'strict', '--rule', 'role-collapse=off', '--', '--output=x.json']);
    expect(options).toMatchObject({ cwd: '/w/chain', shell: false, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' } });
    expect(cliInvocation('/w/a "b" $(touch pwned).json', {}, HOST).args.slice(-2)).toEqual(['--', 'a "b" $(touch pwned).json']);
  });

  for (const name of ['--output=x.json', 'a "b" $(touch pwned).json', '-', '-q.json']) {
    it(`lints a file named ${name} as that file, and only that: no report written elsewhere, no command run`, () => {
      const dir = temporary();
      const file = join(dir, name);
      writeFileSync(file, DEPLOY);
      const { command, args, options } = cliInvocation(file, {}, { execPath: process.execPath, cliPath: BUILT_CLI, env: process.env });
      const result = spawnSync(command, args, { ...options, encoding: 'utf8', timeout: 20_000 });
      expect(result.error).toBeUndefined();
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const run = readCliReport(result.stdout, options.cwd);
      expect([...run.problems.keys()]).toEqual([file]);
      expect(run.problems.get(file)!.map((p) => p.ruleId)).toContain('role-collapse');
      expect(readdirSync(dir)).toEqual([name]);
      expect(existsSync(join(REPO, 'x.json')) || existsSync(join(REPO, 'pwned'))).toBe(false);
    });
  }
});
