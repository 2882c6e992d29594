import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_RULE_METAS } from '../server/src/engine/rules/index';
import { ensureBuiltCli, temporaryFolders } from './helpers/cli-run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI the way a user does: `node dist/cli.js ...`, without colors. */
function cli(args: string[], cwd = ROOT): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  detail?: string;
  path: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  subjects: string[];
}

interface JsonReport {
  tool: string;
  version: string;
  summary: { files: number; errors: number; warnings: number; infos: number; suppressed: number };
  files: { path: string; kind: string | null; findings: JsonFinding[]; suppressed: JsonFinding[] }[];
}

function lintJson(args: string[], cwd?: string): { run: Run; report: JsonReport } {
  const run = cli(['lint', ...args, '--format', 'json'], cwd);
  expect(run.stderr).toBe('');
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

const findings = (report: JsonReport) => report.files.flatMap((f) => f.findings);
const ruleIds = (report: JsonReport) => findings(report).map((f) => f.ruleId);

const STACK_FRAME = /^\s+at .+[(:]\d+/m;

const newTempDir = temporaryFolders('chokepoint-cli-');

/** A fresh folder under the OS temp dir holding `files` (relative path → content). */
function tempDir(files: Record<string, string>): string {
  const dir = newTempDir();
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

ensureBuiltCli();

const OWNER = '0x7871aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaae4Fe';

/** Nothing to report: an appchain manifest that names no powers. */
const CLEAN = 'appchain:\n  name: Clean Chain\n  chainId: 7420\n';

/** One holder as ProxyAdmin owner and Guardian: a role-collapse error, plus warnings and infos. */
const COLLAPSED = `{
  "l1ChainID": 11155111,
  "l2ChainID": 4242,
  "proxyAdminOwner": "${OWNER}",
  "superchainConfigGuardian": "${OWNER}",
  "batchSenderAddress": "0x6887aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2985"
}
`;

/** Warnings and infos, no error. Its owner differs from COLLAPSED's: files in one folder are one chain, whose holders add up. */
const WARNINGS = `{
  "l1ChainID": 11155111,
  "l2ChainID": 4242,
  "l2OutputOracleProposer": "0x4733aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa3A33",
  "proxyAdminOwner": "0x7872aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaae4Fe"
}
`;

/** Infos only; its batcher is its own (files in one folder are one chain). */
const INFOS = `{
  "l1ChainID": 11155111,
  "l2ChainID": 4242,
  "useFaultProofs": true,
  "respectedGameType": 0,
  "batchSenderAddress": "0x6888aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2985"
}
`;

describe('exit codes and --fail-on', () => {
  const dir = tempDir({ 'clean.yaml': CLEAN, 'collapsed.json': COLLAPSED, 'warnings.json': WARNINGS, 'infos.json': INFOS });

  it('exits 0 on a clean file', () => {
    const run = cli(['lint', 'clean.yaml'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('1 file linted: no problems.\n');
    expect(cli(['lint', 'clean.yaml', '--fail-on', 'info'], dir).code).toBe(0);
  });

  it('exits 1 when a finding reaches the default level (error), 0 with --fail-on none', () => {
    const { report } = lintJson(['collapsed.json', '--fail-on', 'none'], dir);
    expect(findings(report).some((f) => f.ruleId === 'role-collapse' && f.severity === 'error')).toBe(true);
    const run = cli(['lint', 'collapsed.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ +4:22 +error +0x7871…e4Fe .* role-collapse$/m);
    expect(run.stdout).toMatch(/✖ \d+ problems \(1 error, /);
    expect(cli(['lint', 'collapsed.json', '--fail-on', 'none'], dir).code).toBe(0);
    expect(cli(['lint', 'collapsed.json', '--fail-on=error'], dir).code).toBe(1);
  });

  it('fails on warnings only with --fail-on warning or info', () => {
    const { report } = lintJson(['warnings.json', '--fail-on', 'none'], dir);
    const severities = new Set(findings(report).map((f) => f.severity));
    expect(severities.has('warning')).toBe(true);
    expect(severities.has('error')).toBe(false);
    expect(cli(['lint', 'warnings.json'], dir).code).toBe(0);
    expect(cli(['lint', 'warnings.json', '--fail-on', 'warning'], dir).code).toBe(1);
    expect(cli(['lint', 'warnings.json', '--fail-on', 'info'], dir).code).toBe(1);
  });

  it('fails on infos only with --fail-on info', () => {
    const { report } = lintJson(['infos.json', '--fail-on', 'none'], dir);
    expect(findings(report).length).toBeGreaterThan(0);
    expect(findings(report).every((f) => f.severity === 'info')).toBe(true);
    expect(cli(['lint', 'infos.json'], dir).code).toBe(0);
    expect(cli(['lint', 'infos.json', '--fail-on', 'warning'], dir).code).toBe(0);
    expect(cli(['lint', 'infos.json', '--fail-on', 'info'], dir).code).toBe(1);
  });
});

describe('usage errors exit 2 with a message and no stack trace', () => {
  const dir = tempDir({ 'collapsed.json': COLLAPSED });

  it.each([
    ['an unknown option', ['lint', 'collapsed.json', '--bogus'], /Unknown option --bogus/],
    ['an unknown format', ['lint', 'collapsed.json', '--format', 'xml'], /Unknown format "xml"/],
    ['an unknown --fail-on level', ['lint', 'collapsed.json', '--fail-on', 'critical'], /--fail-on/],
    ['an unknown --rule id', ['lint', 'collapsed.json', '--rule', 'no-such-rule=off'], /Unknown rule no-such-rule in --rule/],
    ['a mistyped --rule id, naming the nearest', ['lint', 'collapsed.json', '--rule', 'fee-captur=off'], /Unknown rule fee-captur \(did you mean fee-capture\?\) in --rule/],
    ['a --rule without a severity', ['lint', 'collapsed.json', '--rule', 'role-collapse'], /--rule takes id=severity/],
    ['a --rule with an unknown severity', ['lint', 'collapsed.json', '--rule', 'role-collapse=fatal'], /--rule takes id=severity/],
    ['an option without its value', ['lint', 'collapsed.json', '--format'], /--format needs a value/],
    ['a missing path', ['lint', 'does-not-exist.json'], /No such file or folder: does-not-exist\.json/],
    ['an --output path that cannot be written', ['lint', 'collapsed.json', '--output', 'no-such-folder/report.txt'], /Cannot write the report to no-such-folder\/report\.txt/],
    ['an unknown command', ['frobnicate'], /Unknown command "frobnicate"/],
    ['explain without an id', ['explain'], /explain needs a rule id/],
    ['explain with an unknown id', ['explain', 'no-such-rule'], /Unknown rule "no-such-rule"\. /],
    ['explain with a mistyped id, naming the nearest', ['explain', 'rolecollapse'], /Unknown rule "rolecollapse" \(did you mean "role-collapse"\?\)/],
  ])('%s', (_, args, message) => {
    const run = cli(args, dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^chokepoint: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('a malformed .chokepoint.yaml names the file and the field', () => {
    const bad = tempDir({ '.chokepoint.yaml': 'preset: recommended\nrules:\n  role-collapse: sometimes\n', 'collapsed.json': COLLAPSED });
    const run = cli(['lint', 'collapsed.json'], bad);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^\.chokepoint\.yaml:\d+:\d+  config-error  .*rules\.role-collapse/m);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('a .chokepoint.yaml with an unknown field or broken YAML is refused', () => {
    const unknown = tempDir({ '.chokepoint.yaml': 'rulez:\n  role-collapse: off\n', 'collapsed.json': COLLAPSED });
    const unknownRun = cli(['lint', '.'], unknown);
    expect(unknownRun.code).toBe(2);
    expect(unknownRun.stderr).toMatch(/\.chokepoint\.yaml: .*rulez/);

    const broken = tempDir({ '.chokepoint.yaml': 'rules: [role-collapse\n', 'collapsed.json': COLLAPSED });
    const brokenRun = cli(['lint', 'collapsed.json'], broken);
    expect(brokenRun.code).toBe(2);
    expect(brokenRun.stderr).toMatch(/^\.chokepoint\.yaml:\d+:\d+  config-error  Invalid \.chokepoint\.yaml/m);
    expect(brokenRun.stderr).not.toMatch(STACK_FRAME);
  });

  it('--help exits 0 and no command at all exits 2', () => {
    expect(cli(['--help']).code).toBe(0);
    expect(cli(['--help']).stdout).toMatch(/Usage:/);
    const bare = cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toMatch(/Usage:/);
  });
});

describe('malformed input files', () => {
  const dir = tempDir({
    'broken.json': `{\n  "l1ChainID": 1,\n  "proxyAdminOwner": "${OWNER}"\n  "finalSystemOwner": "${OWNER}"\n}\n`,
    'broken.yaml': 'appchain:\n  name: "unterminated\n  chainId: [1, 2\n',
    'broken.toml': 'configType = "custom"\nl1ChainID = = 1\n',
    'truncated.json': '{\n  "l1ChainID": 1,\n  "proxyAdminOwner": [\n',
  });

  it('reports a parse-error with line:col and exits 1, never a stack trace', () => {
    const run = cli(['lint', 'broken.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^broken\.json/m);
    expect(run.stdout).toMatch(/^ +4:3 +error +Expected a comma or a closing brace\. +parse-error$/m);
  });

  it.each(['broken.yaml', 'broken.toml', 'truncated.json'])('%s: parse-error at a real position', (name) => {
    const { run, report } = lintJson([name], dir);
    expect(run.code).toBe(1);
    const parseErrors = findings(report).filter((f) => f.ruleId === 'parse-error');
    expect(parseErrors.length).toBeGreaterThan(0);
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    for (const finding of parseErrors) {
      expect(finding.severity).toBe('error');
      expect(finding.range.start.line).toBeLessThan(lines.length);
      expect(finding.range.start.character).toBeLessThanOrEqual(lines[finding.range.start.line].length);
    }
    expect(cli(['lint', name], dir).stdout).toMatch(/^ +\d+:\d+ +error +.+ +parse-error$/m);
  });

  it('the TOML syntax error points at the second "="', () => {
    const { report } = lintJson(['broken.toml'], dir);
    const [finding] = findings(report).filter((f) => f.ruleId === 'parse-error');
    expect(finding.range.start).toEqual({ line: 1, character: 12 });
  });
});

describe('output formats', () => {
  const dir = tempDir({ 'collapsed.json': COLLAPSED, 'clean.yaml': CLEAN });

  it('--format json has the documented shape', () => {
    const { run, report } = lintJson(['collapsed.json', 'clean.yaml'], dir);
    expect(run.code).toBe(1);
    expect(report.tool).toBe('chokepoint');
    expect(report.version).toBe(PACKAGE.version);
    expect(Object.keys(report.summary).sort()).toEqual(['errors', 'files', 'infos', 'suppressed', 'warnings']);
    expect(report.summary.files).toBe(2);
    expect(report.files.map((f) => f.path).sort()).toEqual(['clean.yaml', 'collapsed.json']);
    const all = findings(report);
    expect(report.summary.errors).toBe(all.filter((f) => f.severity === 'error').length);
    expect(report.summary.warnings).toBe(all.filter((f) => f.severity === 'warning').length);
    expect(report.summary.infos).toBe(all.filter((f) => f.severity === 'info').length);
    const collapsed = report.files.find((f) => f.path === 'collapsed.json')!;
    expect(collapsed.kind).toBe('OP Stack deploy config');
    expect(Array.isArray(collapsed.suppressed)).toBe(true);
    for (const finding of collapsed.findings) {
      // `detail` (why it matters, how to fix it) is there when the rule gives one.
      expect(Object.keys(finding).sort()).toEqual(['fixes', 'message', 'path', 'range', 'related', 'ruleId', 'severity', 'subjects', ...(finding.detail === undefined ? [] : ['detail'])].sort());
      expect(finding.path).toBe('collapsed.json');
      expect(finding.range.start.line).toBeGreaterThanOrEqual(0);
    }
    const collapse = collapsed.findings.find((f) => f.ruleId === 'role-collapse')!;
    expect(collapse.subjects).toContain(`b20:${OWNER.slice(2).toLowerCase()}`);
    expect(collapse.range).toEqual({ start: { line: 3, character: 21 }, end: { line: 3, character: 65 } });
    expect(report.files.find((f) => f.path === 'clean.yaml')?.findings).toEqual([]);
  });

  it('--format github prints one workflow command per finding', () => {
    const run = cli(['lint', 'collapsed.json', '--format', 'github'], dir);
    expect(run.code).toBe(1);
    const { report } = lintJson(['collapsed.json'], dir);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(findings(report).length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=collapsed\.json,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=chokepoint [a-z-]+::[^\n]+$/);
    expect(lines.some((l) => l.startsWith('::error file=collapsed.json,line=4,col=22,') && l.includes(',title=chokepoint role-collapse::0x7871…e4Fe'))).toBe(true);
  });

  it('--output writes the report to a file and prints nothing', () => {
    const out = join(dir, 'report.json');
    const run = cli(['lint', 'collapsed.json', '--format', 'json', '--output', out], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(cli(['lint', 'collapsed.json', '--format', 'json'], dir).stdout);

    const stylish = join(dir, 'report.txt');
    expect(cli(['lint', 'collapsed.json', '-o', stylish], dir).stdout).toBe('');
    expect(readFileSync(stylish, 'utf8')).toMatch(/role-collapse/);
    expect(readFileSync(stylish, 'utf8')).not.toMatch(/\u001b\[/);
  });

  it('--quiet shows only errors', () => {
    const loud = lintJson(['collapsed.json'], dir).report;
    expect(findings(loud).some((f) => f.severity !== 'error')).toBe(true);
    const { run, report } = lintJson(['collapsed.json', '--quiet'], dir);
    expect(run.code).toBe(1);
    expect(findings(report).length).toBeGreaterThan(0);
    expect(findings(report).every((f) => f.severity === 'error')).toBe(true);
    expect(cli(['lint', 'collapsed.json', '--quiet'], dir).stdout).not.toMatch(/ warning | info /);
  });
});

describe('rule settings and configuration', () => {
  it('--rule role-collapse=off removes those findings, =info demotes them', () => {
    const dir = tempDir({ 'collapsed.json': COLLAPSED });
    expect(ruleIds(lintJson(['collapsed.json'], dir).report)).toContain('role-collapse');
    const off = lintJson(['collapsed.json', '--rule', 'role-collapse=off'], dir);
    expect(ruleIds(off.report)).not.toContain('role-collapse');
    expect(ruleIds(off.report).length).toBeGreaterThan(0);
    const info = lintJson(['collapsed.json', '--rule=role-collapse=info'], dir).report;
    expect(findings(info).filter((f) => f.ruleId === 'role-collapse').map((f) => f.severity)).toEqual(['info']);
  });

  it('--preset replaces the preset of .chokepoint.yaml: strict raises every finding a level; an unknown preset is a usage error', () => {
    const dir = tempDir({ '.chokepoint.yaml': 'preset: recommended\n', 'collapsed.json': COLLAPSED });
    const recommended = findings(lintJson(['collapsed.json'], dir).report);
    const strict = findings(lintJson(['collapsed.json', '--preset', 'strict'], dir).report);
    expect(recommended.some((f) => f.severity !== 'error')).toBe(true);
    expect(strict.map((f) => f.ruleId)).toEqual(recommended.map((f) => f.ruleId));
    expect(strict.map((f) => f.severity)).toEqual(recommended.map((f) => (f.severity === 'info' ? 'warning' : 'error')));
    const unknown = cli(['lint', 'collapsed.json', '--preset', 'lenient'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown preset "lenient"; use recommended, strict, l2beat-stage1.');
  });

  it('--config overrides the discovered .chokepoint.yaml', () => {
    const dir = tempDir({
      'project/.chokepoint.yaml': 'rules:\n  role-collapse: off\n',
      'project/collapsed.json': COLLAPSED,
      'elsewhere/strict.yaml': 'rules:\n  role-collapse: error\n  unverified-authority: off\n',
    });
    const project = join(dir, 'project');
    expect(ruleIds(lintJson(['collapsed.json'], project).report)).not.toContain('role-collapse');
    const overridden = lintJson(['collapsed.json', '--config', join(dir, 'elsewhere', 'strict.yaml')], project).report;
    expect(ruleIds(overridden)).toContain('role-collapse');
    expect(ruleIds(overridden)).not.toContain('unverified-authority');

    const missing = cli(['lint', 'collapsed.json', '--config', 'nope.yaml'], project);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^nope\.yaml:1:1  config-error  Cannot read config file/m);
    expect(missing.stderr).not.toMatch(STACK_FRAME);
  });

  it('entities declared in .chokepoint.yaml change what is reported', () => {
    const dir = tempDir({
      '.chokepoint.yaml': `entities:\n  ops-safe:\n    kind: multisig\n    threshold: 6\n    signers: 8\n    external: 3\n    addresses: ["${OWNER.toUpperCase().replace('0X', '0x')}"]\n`,
      'collapsed.json': COLLAPSED,
    });
    const report = lintJson(['collapsed.json'], dir).report;
    const collapse = findings(report).find((f) => f.ruleId === 'role-collapse');
    expect(collapse?.message).toMatch(/ops-safe/);
    expect(findings(report).filter((f) => f.ruleId === 'unverified-authority').every((f) => !f.message.includes('0x7871'))).toBe(true);
  });
});

describe('rules, explain and --version', () => {
  it('chokepoint rules lists every rule id', () => {
    const run = cli(['rules']);
    expect(run.code).toBe(0);
    const listed = run.stdout.split('\n').map((line) => /^([a-z][a-z-]+)\s{2,}(error|warning|info)\s/.exec(line)?.[1]).filter(Boolean);
    expect(listed).toEqual(ALL_RULE_METAS.map((m) => m.id));
    expect(run.stdout).toContain(`${ALL_RULE_METAS.length} rules.`);
    const json = JSON.parse(cli(['rules', '--format', 'json']).stdout) as { id: string; docs: string }[];
    expect(json.map((r) => r.id)).toEqual(ALL_RULE_METAS.map((m) => m.id));
    for (const rule of json) expect(rule.docs).toMatch(new RegExp(`/${rule.id}\\.md$`));
  });

  it('chokepoint explain role-collapse prints its documentation', () => {
    const run = cli(['explain', 'role-collapse']);
    expect(run.code).toBe(0);
    const meta = ALL_RULE_METAS.find((m) => m.id === 'role-collapse')!;
    expect(run.stdout).toMatch(/^# role-collapse\n/);
    expect(run.stdout).toContain(`**${meta.title}**`);
    expect(run.stdout).toContain('## Why it matters');
    expect(run.stdout).toContain(meta.rationale);
    expect(run.stdout).toContain('## How to fix it');
    expect(run.stdout).toContain('## Sources');
    expect(run.stdout).toMatch(/^- \[.+\]\(https:\/\/.+\)$/m);
    expect(run.stdout).toContain('chokepoint-disable-next-line role-collapse');
  });

  it('explains every rule', () => {
    for (const meta of ALL_RULE_METAS) {
      const run = cli(['explain', meta.id]);
      expect(run.code, meta.id).toBe(0);
      expect(run.stdout).toContain(`# ${meta.id}\n`);
    }
  });

  it('--version prints the package.json version', () => {
    for (const flag of ['--version', '-v']) {
      const run = cli([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${PACKAGE.version}\n`);
    }
  });
});

describe('folders and explicit files', () => {
  const PACKAGE_JSON = JSON.stringify({ name: 'my-appchain-tools', version: '1.0.0', description: 'Scripts for appchain deployments across chains', keywords: ['appchain', 'chains', 'rollup'], scripts: { build: 'tsc' }, dependencies: { viem: '^2.0.0' } }, null, 2);

  it('lints only recognized configs in a folder', () => {
    const dir = tempDir({
      'package.json': PACKAGE_JSON,
      'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
      'notes.yaml': 'todo:\n  - rotate keys\n',
      'deploy/collapsed.json': COLLAPSED,
      'node_modules/dep/deploy.json': COLLAPSED,
      '.hidden/deploy.json': COLLAPSED,
    });
    const { run, report } = lintJson(['.'], dir);
    expect(run.code).toBe(1);
    expect(report.files.map((f) => f.path)).toEqual(['deploy/collapsed.json']);
    expect(cli(['lint'], dir).stdout).not.toMatch(/package\.json|tsconfig|notes\.yaml|unrecognized-config/);
  });

  it('always reports a file named explicitly, even when unrecognized', () => {
    const dir = tempDir({ 'package.json': PACKAGE_JSON });
    const { run, report } = lintJson(['package.json'], dir);
    expect(run.code).toBe(0);
    expect(report.files.map((f) => f.path)).toEqual(['package.json']);
    expect(report.files[0].kind).toBeNull();
    expect(findings(report).map((f) => [f.ruleId, f.severity])).toEqual([['unrecognized-config', 'info']]);
    expect(cli(['lint', 'package.json', '--fail-on', 'info'], dir).code).toBe(1);
  });

  it('skips the ignore globs of .chokepoint.yaml in folder mode', () => {
    const dir = tempDir({
      '.chokepoint.yaml': 'ignore:\n  - "legacy/**"\n  - "**/*.draft.json"\n',
      'legacy/old.json': COLLAPSED,
      'current/deploy.json': COLLAPSED,
      'current/next.draft.json': COLLAPSED,
    });
    const { report } = lintJson(['.'], dir);
    expect(report.files.map((f) => f.path)).toEqual(['current/deploy.json']);
    expect(lintJson(['legacy'], dir).report.files).toEqual([]);
    // A file named explicitly is linted even when ignored.
    expect(lintJson(['legacy/old.json'], dir).report.files.map((f) => f.path)).toEqual(['legacy/old.json']);
  });
});

describe('configuration rule ids', () => {
  it('refuses an unknown rule id in rules: or suppressions:, pointing at it and naming the nearest', () => {
    const dir = tempDir({ '.chokepoint.yaml': 'rules:\n  role-colapse: error\nsuppressions:\n  - rule: weak-councl\n    reason: typo\n', 'collapsed.json': COLLAPSED });
    const run = cli(['lint', '.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^\.chokepoint\.yaml:2:3  config-error  .*unknown rule "role-colapse" \(did you mean "role-collapse"\?\)/m);
    expect(run.stderr).toMatch(/^\.chokepoint\.yaml:4:11  config-error  .*unknown rule "weak-councl" \(did you mean "weak-council"\?\)/m);
  });
});

describe('never skipped silently', () => {
  it('reports a file found in a folder that looks like a chain config but cannot be read, and counts it in the summary', () => {
    const gethGenesis = JSON.stringify({ config: { chainId: 48213, homesteadBlock: 0, londonBlock: 0 }, alloc: { '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8': { balance: '0x1' } }, gasLimit: '0x1c9c380' }, null, 2);
    const dir = tempDir({ 'genesis.json': gethGenesis, 'package.json': JSON.stringify({ name: 'site', version: '1.0.0' }), 'collapsed.json': COLLAPSED });
    const { report } = lintJson(['.'], dir);
    expect(report.files.map((f) => f.path).sort()).toEqual(['collapsed.json', 'genesis.json']);
    const unread = report.files.find((f) => f.path === 'genesis.json')!.findings;
    expect(unread.map((f) => [f.ruleId, f.severity])).toEqual([['unrecognized-config', 'info']]);
    expect(unread[0].message).toMatch(/^It looks like an EVM genesis \(a chain config and an alloc\), but it sets none of the roles, precompiles or predeploys Chokepoint reads\.$/);
    expect(cli(['lint', '.', '--fail-on', 'none'], dir).stdout).toMatch(/in 2 files \(1 not recognized\)/);
  });
});
