/**
 * Every lookup of user text answers only for its own entries: the names Object.prototype carries
 * (`constructor`, `toString`, `__proto__`, …) are no directive kind, no duration unit, no JSON literal,
 * no rule id (issue 17: `# chokepoint: constructor` was a declaration that removed a weak-council
 * error, and `delay: "1 constructor"` was NaN seconds that turned an error into a warning).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../server/src/engine/model/duration';
import { parseDocument } from '../server/src/engine/parse';
import { BUILT_CLI, ensureBuiltCli, temporaryFolders } from './helpers/cli-run';
import { findingsOf, lintSource } from './helpers/lint';

ensureBuiltCli();
const folder = temporaryFolders('chokepoint-proto-');
const NAMES = Object.getOwnPropertyNames(Object.prototype);

const manifest = (holderComment: string, delay: string) =>
  [
    'appchain:',
    '  name: Proto',
    '  network: mainnet',
    'governance:',
    '  roles:',
    '    - role: upgrader',
    '      title: Upgrader',
    `      holder: "0x2B4cD3a1Ef98E8bBa3F67b0A0Ee9d0d2c14A7e11" # chokepoint: ${holderComment}`,
    '      powers: [upgrade]',
    `      delay: ${JSON.stringify(delay)}`,
    '',
  ].join('\n');

describe.each(NAMES.map((name) => [name]))('%s', (name) => {
  it('is no declaration kind: the directive is invalid and the holder stays undeclared', () => {
    const report = lintSource('appchain.yaml', manifest(name, '30d'));
    expect(findingsOf(report, 'invalid-directive').length).toBeGreaterThan(0);
    expect(findingsOf(report, 'unverified-authority').length).toBeGreaterThan(0);
  });

  it('is no duration unit: "1 <name>" is a schema error, and no message says NaN', () => {
    expect(parseDuration(`1 ${name}`)).toBeUndefined();
    const report = lintSource('appchain.yaml', manifest('eoa', `1 ${name}`));
    expect(findingsOf(report, 'schema-error').length).toBeGreaterThan(0);
    for (const f of report.findings) expect(`${f.message} ${f.detail ?? ''}`).not.toMatch(/NaN|undefined|function/);
  });

  it('is no JSONC literal', () => {
    const doc = parseDocument('/virtual/x.jsonc', `{"a": ${name}}`);
    expect(doc.problems.length).toBeGreaterThan(0);
  });

  it('is no rule id on the command line', () => {
    const dir = folder();
    writeFileSync(join(dir, 'appchain.yaml'), manifest('eoa', '30d'));
    const run = spawnSync(process.execPath, [BUILT_CLI, 'lint', 'appchain.yaml', '--rule', `${name}=off`], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
  });
});

describe('a .chokepoint.yaml entity delay that is no duration', () => {
  it('is a config problem, and the gate holds', () => {
    const dir = folder();
    writeFileSync(join(dir, 'appchain.yaml'), manifest('entity ops', '0s'));
    writeFileSync(join(dir, '.chokepoint.yaml'), 'entities:\n  ops:\n    kind: multisig\n    threshold: 2\n    signers: 3\n    delay: "1 constructor"\n    addresses: ["0x2B4cD3a1Ef98E8bBa3F67b0A0Ee9d0d2c14A7e11"]\n');
    const run = spawnSync(process.execPath, [BUILT_CLI, 'lint', 'appchain.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain('NaN');
  });
});
