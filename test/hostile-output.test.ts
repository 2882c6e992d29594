/**
 * Configs come from strangers' pull requests: every string in them is attacker-controlled. A council
 * whose name carries a forged workflow command, a terminal escape, a bidi override or a Markdown image
 * must reach no output raw (issue 16).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayName, visible } from '../server/src/engine/text/display';
import { BUILT_CLI, ensureBuiltCli, REPO, temporaryFolders } from './helpers/cli-run';
import { RAW_CONTROL } from './helpers/markup-checks';

ensureBuiltCli();
const folder = temporaryFolders('chokepoint-hostile-');

const INJECTED = 'C\u001b[31m\u202E\n::error file=R,line=1::x\n::stop-commands::ffff ![t](https://evil.example/t.png)';

function manifest(name: string): string {
  return [
    'appchain:',
    '  name: Hostile',
    '  network: mainnet',
    'governance:',
    '  bodies:',
    '    - id: council',
    `      name: ${JSON.stringify(name)}`,
    '      kind: multisig',
    '      address: "0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8"',
    '      threshold: 1',
    '      signers: 3',
    '  roles:',
    '    - role: upgrader',
    '      holder: council',
    '      powers: [upgrade]',
    '',
  ].join('\n');
}

function lint(format: string): string {
  const dir = folder();
  writeFileSync(join(dir, 'appchain.yaml'), manifest(INJECTED));
  const run = spawnSync(process.execPath, [BUILT_CLI, 'lint', 'appchain.yaml', '--format', format, '--fail-on', 'none'], { cwd: dir, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}


describe('hostile strings in every output', () => {
  it('the config name reaches the messages at all (so the checks below mean something)', () => {
    expect(lint('json')).toContain('C\\\\u{1B}[31m');
  });

  it('stylish: no raw control byte, no line that starts a workflow command', () => {
    const out = lint('stylish');
    expect(out).not.toMatch(RAW_CONTROL);
    for (const line of out.split('\n')) expect(line).not.toMatch(/^\s*::/);
    expect(out).toContain('\\u{1B}[31m');
  });

  it('github: one annotation per line, each a command of ours, with no raw control byte', () => {
    const out = lint('github');
    expect(out).not.toMatch(RAW_CONTROL);
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=chokepoint [a-z-]+::/);
    expect(out).not.toMatch(/\n::stop-commands/);
  });

  it('json and sarif: the texts carry no control or bidi character, even escaped by JSON', () => {
    for (const format of ['json', 'sarif']) {
      const texts: string[] = [];
      JSON.parse(lint(format), (key, value: unknown) => {
        if (typeof value === 'string' && ['message', 'detail', 'text', 'markdown', 'title'].includes(key)) texts.push(value);
        return value;
      });
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(text).not.toMatch(RAW_CONTROL);
    }
  });

  it('a long name is cut to 64 characters in messages', () => {
    const dir = folder();
    writeFileSync(join(dir, 'appchain.yaml'), manifest(`Council ${'x'.repeat(500)}`));
    const run = spawnSync(process.execPath, [BUILT_CLI, 'lint', 'appchain.yaml', '--format', 'json', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8' });
    const findings = (JSON.parse(run.stdout) as { files: { findings: { message: string; related: { message: string }[] }[] }[] }).files.flatMap((f) => f.findings);
    expect(findings.some((f) => f.message.includes('Council xxx'))).toBe(true);
    for (const f of findings) expect(f.message).not.toContain('x'.repeat(64));
    // The full name follows in related information, so a reader can still find it.
    const cut = findings.find((f) => f.message.includes('Council xxx'))!;
    expect(cut.related.some((r) => r.message === `In full: Council ${'x'.repeat(500)}`)).toBe(true);
  });
});

describe('visible and displayName', () => {
  it('escape every hidden character and collapse line breaks', () => {
    expect(visible('a\r\nb\nc\td\u001be\u202Ef\u0085g\u2028h')).toBe('a b c d\\u{1B}e\\u{202E}f\\u{85}g h');
  });

  it('bound a name with an ellipsis', () => {
    expect(displayName('x'.repeat(100))).toBe(`${'x'.repeat(63)}…`);
    expect(displayName('short')).toBe('short');
  });

  it('cut between characters, and show half a character (from a cut elsewhere) as U+FFFD', () => {
    // 62 code units, then a fox (a surrogate pair) that a cut at 63 would split.
    expect(displayName(`${'x'.repeat(62)}🦊🦊`)).toBe(`${'x'.repeat(62)}…`);
    expect(displayName(`${'x'.repeat(61)}🦊🦊`)).toBe(`${'x'.repeat(61)}🦊…`);
    expect(visible('a\uD83Eb\uDD8Ac🦊')).toBe('a\uFFFDb\uFFFDc🦊');
  });
});

describe('report escapes and SARIF paths', () => {
  it('Markdown: no GFM autolink, issue reference or bidi control survives', async () => {
    const { md, html } = await import('../server/src/report/escape');
    const text = md('see www.evil.example and owner/repo#12 or #34 \u202Eabc');
    expect(text).not.toMatch(/www\.evil/);
    expect(text).not.toMatch(/(^|[^\\])#\d/);
    expect(text).toContain('\\u{202E}');
    expect(html('Chain \u202Eniahc')).toBe('Chain \\u{202E}niahc');
  });

  it('SARIF artifact URIs are percent-encoded', () => {
    const dir = folder();
    const name = 'deploy config #1 100%.json';
    writeFileSync(join(dir, name), readFileSync(join(REPO, 'examples', 'op-stack', 'deploy-config.json'), 'utf8'));
    const run = spawnSync(process.execPath, [BUILT_CLI, 'lint', name, '--format', 'sarif', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8' });
    const uris = new Set<string>();
    JSON.parse(run.stdout, (key, value: unknown) => {
      if (key === 'uri' && typeof value === 'string') uris.add(value);
      return value;
    });
    expect([...uris]).toContain('deploy%20config%20%231%20100%25.json');
    for (const uri of uris) expect(uri).not.toMatch(/[ #%](?![0-9A-F]{2})/);
  });
});
