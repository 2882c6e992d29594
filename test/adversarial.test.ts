/**
 * Hostile and malformed input (issue 6): nesting bombs, alias bombs, 20 MB strings, invalid UTF-8,
 * BOMs and CRLF, empty files, `__proto__` keys, amounts beyond 2^53 and wrong types. Whatever the
 * input, the lint finishes, nothing throws, and what is wrong is a finding with a range.
 * Duplicate keys are covered by duplicate-keys.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../server/src/engine/config/load';
import type { FileReport, Finding } from '../server/src/engine/lint';
import { parseAddress } from '../server/src/engine/model/address';
import type { Origin } from '../server/src/engine/model/schema';
import { parseDocument } from '../server/src/engine/parse';
import { sharesByEntity } from '../server/src/engine/rules/concentration';
import { lintAs, underlined } from './helpers/fixtures';
import { findingsOf, fullText, lintSource } from './helpers/lint';
import { ensureBuiltCli, temporaryFolders } from './helpers/cli-run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const DEEP = 200_000;
const MB20 = 20 * 1024 * 1024;

const OWNER = '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8';
const DEPLOY_CONFIG = readFileSync(join(ROOT, 'examples/op-stack/deploy-config.json'), 'utf8');

/** The example deploy config with the value of `field` replaced by raw JSON text. */
function deployConfigWith(field: string, raw: string): string {
  const at = DEPLOY_CONFIG.indexOf(`"${field}": `);
  expect(at, field).toBeGreaterThan(-1);
  const start = at + field.length + 4;
  const end = DEPLOY_CONFIG.indexOf('\n', start) - (DEPLOY_CONFIG[DEPLOY_CONFIG.indexOf('\n', start) - 1] === ',' ? 1 : 0);
  return DEPLOY_CONFIG.slice(0, start) + raw + DEPLOY_CONFIG.slice(end);
}

/** What every report must satisfy, whatever the input: no internal error, ranges inside the text, messages of a readable length. */
function expectSound(report: FileReport, text: string): void {
  const lines = text.split('\n').length;
  for (const finding of [...report.findings, ...report.suppressed]) {
    expect(finding.ruleId, finding.message).not.toBe('internal-error');
    expect(finding.message, 'no stack overflow reaches the user').not.toMatch(/call stack|RangeError/);
    expect(finding.message.length, `a message quotes values truncated: ${finding.message.slice(0, 200)}`).toBeLessThan(1_000);
    const { start, end } = finding.range;
    expect(start.line <= end.line && (start.line < end.line || start.character <= end.character), JSON.stringify(finding.range)).toBe(true);
    expect(end.line, JSON.stringify(finding.range)).toBeLessThan(lines);
  }
}

/** The offset of a finding's range start in `text`. */
function startOffset(text: string, finding: Finding): number {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return lineStarts[finding.range.start.line] + finding.range.start.character;
}

// ---------------------------------------------------------------------------------------------
// The CLI, run the way a user does.

const newTempDir = temporaryFolders('chokepoint-adversarial-');
function tempFile(name: string, content: string | Buffer): string {
  const dir = newTempDir();
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

ensureBuiltCli();

interface CliFinding {
  ruleId: string;
  message: string;
  range: Finding['range'];
}

/** `chokepoint lint FILE --format json`: exit 0 or 1 (never 2, which is for usage errors, nor a crash), and a JSON report. */
function cliLint(path: string): CliFinding[] {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  const run = spawnSync(process.execPath, [CLI, 'lint', path, '--format', 'json'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  expect(run.signal, 'the CLI was not killed').toBeNull();
  expect(run.stderr, 'no crash, no stack trace').toBe('');
  expect([0, 1], `exit code ${run.status}`).toContain(run.status);
  const report = JSON.parse(run.stdout) as { files: { findings: CliFinding[] }[] };
  const findings = report.files.flatMap((f) => f.findings);
  for (const f of findings) {
    expect(f.ruleId).not.toBe('internal-error');
    expect(f.message.length).toBeLessThan(1_000);
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------

describe(`nesting bombs ${DEEP.toLocaleString('en-US')} levels deep`, () => {
  const open = (s: string) => s.repeat(DEEP);

  it('JSON never closed: a parse error at the end of the file', () => {
    for (const text of [open('['), open('{"a":')]) {
      const report = lintSource('bomb.json', text);
      expectSound(report, text);
      const errors = findingsOf(report, 'parse-error');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.some((f) => /not closed/.test(f.message) && startOffset(text, f) === text.length)).toBe(true);
    }
  });

  it('JSON and JSONC where an address belongs: a schema error on that field', () => {
    for (const bomb of [open('[') + open(']'), open('{"a":') + '1' + open('}')]) {
      for (const [name, text] of [['deploy-config.json', deployConfigWith('proxyAdminOwner', bomb)], ['deploy-config.jsonc', '// a comment makes this JSONC\n' + deployConfigWith('proxyAdminOwner', bomb)]]) {
        const report = lintSource(name, text);
        expect(report.adapter?.id).toBe('op-deploy-config');
        expectSound(report, text);
        const error = findingsOf(report, 'schema-error').find((f) => /ProxyAdmin owner/i.test(f.message) || /owner/i.test(f.message));
        expect(error?.message, name).toMatch(/should be an address, but it is (a list|an object)/);
        expect(underlined(text, error!).slice(0, 20), name).toBe(bomb.slice(0, 20));
      }
    }
  });

  it('deep JSON where a chain id belongs: a schema error, not a stack overflow', () => {
    const text = deployConfigWith('l2ChainID', open('[') + open(']'));
    const report = lintSource('deploy-config.json', text);
    expectSound(report, text);
    expect(findingsOf(report, 'schema-error').map((f) => f.message)).toContain('L2 chain id should be a number, but it is a list.');
  });

  it('YAML, flow and block: a parse error where the nesting gets too deep', () => {
    const cases = [
      ['flow sequence', 'appchain:\n  name: ' + open('[') + open(']') + '\n'],
      ['flow mapping', 'appchain:\n  name: ' + open('{a: ') + '1' + open('}') + '\n'],
      ['block sequence', 'appchain:\n  name: x\nroles: ' + '\n' + open('- ') + 'x\n'],
    ];
    for (const [what, text] of cases) {
      const report = lintSource('appchain.yaml', text);
      expectSound(report, text);
      const error = findingsOf(report, 'parse-error')[0];
      expect(error?.message, what).toMatch(/nested more than \d+ levels deep/);
      const at = startOffset(text, error);
      expect(at, what).toBeGreaterThan(text.indexOf(what.startsWith('block') ? '- ' : 'name: '));
      expect('[{-'.includes(text[at]), `${what}: the range starts at a collection, not at ${JSON.stringify(text[at])}`).toBe(true);
    }
  });

  it('TOML inline arrays and tables: a parse error where the nesting gets too deep', () => {
    for (const value of [open('[') + open(']'), open('{ a = ') + '1' + open('}')]) {
      const text = `# an op-deployer intent\nconfigType = "custom"\nl1ChainID = 1\n[superchainRoles]\n  SuperchainGuardian = ${value}\n`;
      const report = lintSource('intent.toml', text);
      expectSound(report, text);
      const error = findingsOf(report, 'parse-error')[0];
      expect(error?.message).toMatch(/nested more than \d+ levels deep/);
      expect(startOffset(text, error)).toBeGreaterThan(text.indexOf('SuperchainGuardian'));
    }
  });

  it('through the CLI: exit 0 or 1 with a JSON report, never a crash', () => {
    const cases: [string, string, RegExp][] = [
      ['open.json', open('['), /not closed/],
      ['deploy-config.json', deployConfigWith('proxyAdminOwner', open('[') + open(']')), /should be an address/],
      ['flow.yaml', 'appchain:\n  name: ' + open('[') + open(']') + '\n', /nested more than/],
      ['block.yaml', open('- ') + 'x\n', /nested more than/],
      ['inline.toml', 'a = ' + open('{ a = ') + '1' + open('}') + '\n', /nested more than/],
    ];
    for (const [name, text, expected] of cases) {
      const findings = cliLint(tempFile(name, text));
      expect(findings.map((f) => f.message).join('\n'), name).toMatch(expected);
    }
  });
});

describe('YAML alias bombs', () => {
  /** A billion laughs: nine levels of nine aliases each would expand to 9^9 strings. */
  const laughs = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (const [i, name] of [...'bcdefghi'].entries()) {
    const prev = 'abcdefghi'[i];
    laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  const bomb = `appchain:\n  name: Laughs\n${laughs.join('\n')}\n`;

  it('are refused, not expanded: a parse error, and the lint finishes', () => {
    const report = lintSource('appchain.yaml', bomb);
    expectSound(report, bomb);
    expect(findingsOf(report, 'parse-error').map((f) => f.message).join('\n')).toMatch(/alias/i);
    expect(parseDocument('/virtual/appchain.yaml', bomb).value, 'nothing was expanded').toBeUndefined();
  });

  it('in .chokepoint.yaml are a configuration problem', () => {
    const config = parseConfigText('/virtual/.chokepoint.yaml', '/virtual', `preset: recommended\n${laughs.join('\n')}\n`);
    expect(config.problems.map((p) => p.message).join('\n')).toMatch(/alias/i);
  });

  it('through the CLI', () => {
    const findings = cliLint(tempFile('appchain.yaml', bomb));
    expect(findings.some((f) => f.ruleId === 'parse-error' && /alias/i.test(f.message))).toBe(true);
  });
});

describe('20 MB strings', () => {
  const huge = 'a'.repeat(MB20);

  it('as a value: a schema error that quotes the value truncated', () => {
    const text = deployConfigWith('proxyAdminOwner', `"0x${huge}"`);
    const report = lintSource('deploy-config.json', text);
    expectSound(report, text);
    const error = findingsOf(report, 'schema-error').find((f) => /should be an address/.test(f.message));
    expect(error?.message).toMatch(/"0xaaaa/);
    expect(error!.message.length).toBeLessThan(300);
  });

  it('as a key, and in comments of JSONC, YAML and TOML', () => {
    const cases: [string, string][] = [
      ['key.json', `{"${huge}": 1, ${DEPLOY_CONFIG.slice(1)}`],
      ['line-comment.jsonc', `// ${huge}\n${DEPLOY_CONFIG}`],
      ['block-comment.jsonc', `/* ${huge} */\n${DEPLOY_CONFIG}`],
      ['comment.yaml', `# ${huge}\nappchain:\n  name: Long\n`],
      ['value.yaml', `appchain:\n  name: ${huge}\n`],
      ['comment.toml', `# ${huge}\nconfigType = "custom"\nl1ChainID = 1\n`],
      ['value.toml', `configType = "${huge}"\nl1ChainID = 1\n`],
    ];
    for (const [name, text] of cases) {
      const report = lintSource(name, text);
      expectSound(report, text);
    }
  });

  it('an unterminated 20 MB string is one parse error', () => {
    const text = `{"proxyAdminOwner": "0x${huge}`;
    const report = lintSource('deploy-config.json', text);
    expectSound(report, text);
    expect(findingsOf(report, 'parse-error').length).toBeGreaterThan(0);
  });
});

describe('many syntax errors', () => {
  it('are reported up to a limit, then summed up: garbage does not flood the editor', () => {
    const text = '{' + '['.repeat(50_000) + '}';
    const report = lintSource('garbage.json', text);
    expectSound(report, text);
    const errors = findingsOf(report, 'parse-error');
    expect(errors.length).toBeLessThanOrEqual(101);
    expect(errors.at(-1)?.message).toMatch(/more syntax errors follow/);
  });
});

// ---------------------------------------------------------------------------------------------

const EXAMPLES = ['examples/op-stack/deploy-config.json', 'examples/cosmos/genesis.json', 'examples/appchain/appchain.yaml', 'examples/op-stack/second-chain/intent.toml'];
const FIXTURES = [
  ...EXAMPLES,
  'test/fixtures/rules/role-collapse/fires.toml',
  'test/fixtures/rules/weak-dac/fires.json',
  'test/fixtures/rules/stake-concentration/fires-avalanche-bootstrap.json',
  'test/fixtures/substrate/plain-solochain.json',
  'test/fixtures/rules/permissioned-proofs/fires-trusted-aggregator.json',
];

/** A finding as a reader sees it: rule, message and the text it underlines (line endings aside). */
const seen = (text: string, report: FileReport) => report.findings.map((f) => `${f.ruleId}: ${f.message} @ ${JSON.stringify(underlined(text, f).replace(/\r\n/g, '\n'))}`).sort();

describe('encodings and line endings', () => {
  it('CRLF: the same findings, underlining the same characters', () => {
    for (const file of FIXTURES) {
      const lf = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      const crlf = lf.replace(/\n/g, '\r\n');
      const a = lintAs(file, lf);
      const b = lintAs(file, crlf);
      expectSound(b, crlf);
      expect(b.findings.length, file).toBeGreaterThan(0);
      expect(seen(crlf, b), file).toEqual(seen(lf, a));
    }
  });

  it('a UTF-8 BOM: the same findings, underlining the same characters', () => {
    for (const file of FIXTURES) {
      const text = readFileSync(file, 'utf8');
      const a = lintAs(file, text);
      const b = lintAs(file, '\uFEFF' + text);
      expectSound(b, '\uFEFF' + text);
      expect(b.adapter?.id, file).toBe(a.adapter?.id);
      expect(seen('\uFEFF' + text, b).map((s) => s.replace(/\uFEFF/g, '')), file).toEqual(seen(text, a));
    }
  });

  it('invalid UTF-8, read as bytes by the CLI: findings, not a crash', () => {
    const bad = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xed, 0xa0, 0x80]);
    const at = DEPLOY_CONFIG.indexOf(OWNER);
    const json = Buffer.concat([Buffer.from(DEPLOY_CONFIG.slice(0, at) + '0x'), bad, Buffer.from(DEPLOY_CONFIG.slice(at + OWNER.length))]);
    const findings = cliLint(tempFile('deploy-config.json', json));
    expect(findings.some((f) => f.ruleId === 'schema-error' && /should be an address/.test(f.message))).toBe(true);
    for (const [name, head] of [['appchain.yaml', 'appchain:\n  name: '], ['intent.toml', 'configType = "custom"\nl1ChainID = 1\n# '], ['raw.jsonc', '// ']] as const) {
      cliLint(tempFile(name, Buffer.concat([Buffer.from(head), bad, Buffer.from('\n')])));
    }
    cliLint(tempFile('bytes.json', bad));
  });
});

describe('empty and whitespace-only files', () => {
  const contents = ['', ' ', '\n', '\r\n\r\n', '\t  \n  \t', '\uFEFF', '\uFEFF\n'];
  for (const ext of ['.json', '.jsonc', '.json5', '.yaml', '.yml', '.toml', '']) {
    it(`"${ext || 'no extension'}": a clear finding or nothing`, () => {
      for (const text of contents) {
        const report = lintSource(`empty${ext}`, text);
        expectSound(report, text);
        for (const f of report.findings) expect(['parse-error', 'unrecognized-config'], `${JSON.stringify(text)}: ${f.message}`).toContain(f.ruleId);
      }
    });
  }

  it('through the CLI', () => {
    for (const name of ['empty.json', 'empty.yaml', 'empty.toml']) cliLint(tempFile(name, ''));
    cliLint(tempFile('blank.json', '  \n\t\n'));
  });
});

// ---------------------------------------------------------------------------------------------

describe('__proto__ and constructor keys', () => {
  const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
  const before = prototypeNames();
  const untouched = () => {
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype was not polluted').toBeUndefined();
    expect(prototypeNames()).toEqual(before);
    expect(Object.prototype.toString.call({})).toBe('[object Object]');
  };
  const HIDDEN = '0x9BA6e03D8B90dE867373Db8cF1A58d2F7F006b3A';

  const sources: [string, string][] = [
    ['deploy-config.json', `{"__proto__": {"polluted": "yes", "proxyAdminOwner": "${HIDDEN}"}, "constructor": {"prototype": {"polluted": "yes"}}, ${DEPLOY_CONFIG.slice(1).replace(/"proxyAdminOwner": "[^"]*",\n/, '')}`],
    ['deploy-config.jsonc', `// JSONC\n{"__proto__": {"polluted": "yes", "proxyAdminOwner": "${HIDDEN}"}, "constructor": {"prototype": {"polluted": "yes"}}, ${DEPLOY_CONFIG.slice(1).replace(/"proxyAdminOwner": "[^"]*",\n/, '')}`],
    ['broken.json', `{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "a": }`],
    ['appchain.yaml', `__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nbase: &base\n  __proto__: { polluted: yes }\nmerged:\n  <<: *base\nappchain:\n  name: Proto\n  __proto__: { polluted: yes }\n`],
    ['intent.toml', `configType = "custom"\nl1ChainID = 1\n__proto__ = { polluted = "yes" }\nconstructor.prototype.polluted = "yes"\n[superchainRoles.__proto__]\npolluted = "yes"\nSuperchainGuardian = "${HIDDEN}"\n`],
  ];

  for (const [name, text] of sources) {
    it(`${name}: no prototype pollution, and the key is data`, () => {
      const doc = parseDocument(`/virtual/${name}`, text);
      untouched();
      const value = doc.value as Record<string, unknown>;
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(value, '__proto__'), 'an own property named __proto__').toBe(true);
      expect((value.__proto__ as Record<string, unknown>).polluted).toBe('yes');
      expect(Object.prototype.hasOwnProperty.call(value, 'constructor')).toBe(true);
      const report = lintSource(name, text);
      untouched();
      expectSound(report, text);
      // An address inside a `__proto__` object is not inherited as a role of the parent.
      const hidden = parseAddress(HIDDEN)!.key;
      expect(report.model?.grants.filter((g) => g.holder.key === hidden && g.at.path.length === 1) ?? []).toEqual([]);
    });
  }

  it('in .chokepoint.yaml: unknown keys and rule names, never inherited members', () => {
    const config = parseConfigText(
      '/virtual/.chokepoint.yaml',
      '/virtual',
      ['preset: recommended', 'rules:', '  __proto__: off', '  constructor: off', '  toString: warning', 'entities:', '  __proto__:', '    kind: eoa', `    addresses: ["${HIDDEN}"]`, '  constructor:', '    kind: multisig', '    threshold: 2', '    signers: 3', `    addresses: ["${OWNER}"]`, 'suppressions:', '  - rule: constructor', '    reason: x', ''].join('\n'),
    );
    untouched();
    const messages = config.problems.map((p) => p.message).join('\n');
    for (const name of ['constructor', 'toString']) expect(messages).toContain(`unknown rule "${name}"`);
    for (const path of ['rules.__proto__', 'entities.__proto__']) expect(messages).toContain(`at ${path}: "__proto__" cannot be used as a name`);
    const top = parseConfigText('/virtual/.chokepoint.yaml', '/virtual', 'preset: recommended\n__proto__:\n  polluted: yes\n');
    untouched();
    expect(top.problems.map((p) => p.message)).toContain('Invalid .chokepoint.yaml at __proto__: "__proto__" cannot be used as a name.');
  });

  it('a chain id written "constructor" or "toString" names no network', () => {
    for (const id of ['"constructor"', '"toString"', '"__proto__"', '"hasOwnProperty"']) {
      const text = deployConfigWith('l1ChainID', id).replace('"l2ChainID": 48213', `"l2ChainID": ${id}`);
      const report = lintSource('deploy-config.json', text);
      expectSound(report, text);
      expect(report.model?.chain.network, id).toBe('unknown');
    }
  });

  it('inline directives naming constructor or __proto__ as a rule or entity', () => {
    const text = `{\n  // chokepoint-disable-next-line constructor, __proto__ -- testing\n  "proxyAdminOwner": "${OWNER}", // chokepoint: multisig 2-of-3 entity __proto__\n  "finalSystemOwner": "${OWNER}", // chokepoint: eoa entity constructor\n  "l1ChainID": 1, "l2ChainID": 5, "batchSenderAddress": "${HIDDEN}", "p2pSequencerAddress": "${HIDDEN}"\n}\n`;
    const report = lintSource('deploy-config.jsonc', text);
    untouched();
    expectSound(report, text);
  });
});

// ---------------------------------------------------------------------------------------------

describe('amounts beyond 2^53', () => {
  const E30 = 10n ** 30n;
  const A = { acc: 'cosmos1t669wk7uc6zwhvg2y28mruze8gae55unjclqhc', oper: 'cosmosvaloper1t669wk7uc6zwhvg2y28mruze8gae55unhvt4mt' };
  const B = { acc: 'cosmos1tv7njtnwtypza7rx0ee9shxjx6849r320k76wj', oper: 'cosmosvaloper1tv7njtnwtypza7rx0ee9shxjx6849r322z20zp' };
  const C = { acc: 'cosmos1vtwkt7va83gsym8aj8e3hzdhndfvgwdd5vw9q2', oper: 'cosmosvaloper1vtwkt7va83gsym8aj8e3hzdhndfvgwdd3c6sve' };
  const gentx = (v: typeof A, amount: bigint) => ({ body: { messages: [{ '@type': '/cosmos.staking.v1beta1.MsgCreateValidator', description: { moniker: v.oper.slice(-4) }, delegator_address: v.acc, validator_address: v.oper, value: { denom: 'uapp', amount: String(amount) } }] } });
  // A holds 10^30 + 1 of 3·10^30 + 1: one part in 10^30 more than a third. In doubles, 10^30 + 1 is 10^30 and A holds exactly a third.
  const genesis = {
    genesis_time: '2024-01-01T00:00:00Z',
    chain_id: 'bigchain-1',
    app_state: {
      bank: { balances: [A, B, C].map((v, i) => ({ address: v.acc, coins: [{ denom: 'uapp', amount: String(i === 0 ? E30 + 1n : E30) }] })) },
      staking: { params: { unbonding_time: '1814400s', max_validators: 100, bond_denom: 'uapp', min_commission_rate: '0.050000000000000000' }, validators: [] },
      genutil: { gen_txs: [gentx(A, E30 + 1n), gentx(B, E30), gentx(C, E30)] },
    },
  };
  const text = JSON.stringify(genesis, null, 2);

  it('are read exactly, summed in BigInt, and a share beyond 1/3 by 1 in 10^30 is beyond 1/3', () => {
    const report = lintSource('genesis.json', text);
    expect(report.adapter?.id).toBe('cosmos-genesis');
    expectSound(report, text);
    for (const kind of ['voting-power', 'supply'] as const) {
      const distribution = report.model!.distributions.find((d) => d.kind === kind)!;
      expect(distribution.entries.map((e) => e.amount).sort(), kind).toEqual([String(E30), String(E30), String(E30 + 1n)]);
      const { holders, metrics } = sharesByEntity(distribution, report.entities!);
      expect(metrics.total, kind).toBe(3n * E30 + 1n);
      expect(holders.at(0)?.amount, kind).toBe(E30 + 1n);
      expect(metrics.nakamotoHalt, `${kind}: the largest holder alone holds more than 1/3`).toBe(1);
      expect(metrics.nakamotoSafety, `${kind}: the two largest hold 2·10^30 + 1, more than 2/3`).toBe(2);
    }
    const stake = findingsOf(report, 'stake-concentration');
    expect(stake.map((f) => fullText(f)).join('\n')).toMatch(/more than 1\/3\. On its own it can halt the chain/);
    expect(underlined(text, stake[0])).toContain(A.oper);
  });

  it('as JSON numbers: the digits written, not a rounded double', () => {
    const numeric = text.replace(`"amount": "${E30 + 1n}"`, `"amount": ${E30 + 1n}`);
    const report = lintSource('genesis.json', numeric);
    expectSound(report, numeric);
  });
});

// ---------------------------------------------------------------------------------------------

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(json|ya?ml|toml)$/.test(name) && !name.startsWith('.chokepoint') ? [path] : [];
    });
}

describe('wrong types everywhere', () => {
  /** Replaces the value at `origin` in `text`; undefined when it cannot be located as a scalar. */
  function replaceAt(file: string, text: string, origin: Origin, replacement: string): string | undefined {
    const doc = parseDocument(resolve(file), text);
    const span = doc.locate(origin.path)?.value;
    if (!span) return undefined;
    const old = text.slice(span.start, span.end);
    if (/[[{\n]/.test(old)) return undefined;
    return text.slice(0, span.start) + replacement + text.slice(span.end);
  }

  it("a list or an object where each framework's authority fields and numbers belong: schema errors at that field", () => {
    const frameworks = new Set<string>();
    let tried = 0;
    for (const file of [...files('examples'), ...files('test/fixtures')]) {
      const text = readFileSync(file, 'utf8');
      const original = lintAs(file, text);
      const model = original.model;
      if (!model) continue;
      const own = (o: Origin | undefined) => o !== undefined && o.file === resolve(file) && o.path.length > 0;
      const targets: { at: Origin; what: string }[] = [
        ...model.grants.filter((g) => own(g.at)).map((g) => ({ at: g.at, what: `holder of ${g.role}` })),
        ...model.councils.filter((c) => own(c.thresholdAt)).map((c) => ({ at: c.thresholdAt!, what: `threshold of ${c.name}` })),
        ...model.delays.filter((d) => own(d.at) && d.seconds !== null).map((d) => ({ at: d.at, what: `delay ${d.kind}` })),
      ];
      const seenPaths = new Set<string>();
      for (const { at, what } of targets) {
        const key = JSON.stringify(at.path);
        if (seenPaths.has(key)) continue;
        seenPaths.add(key);
        for (const replacement of ['[1, 2]', '{}']) {
          const mutated = replaceAt(file, text, at, replacement);
          if (mutated === undefined) continue;
          tried++;
          const report = lintAs(file, mutated);
          expectSound(report, mutated);
          const where = `${file} ${key} (${what}) as ${replacement}`;
          const errors = findingsOf(report, 'schema-error').filter((f) => underlined(mutated, f) === replacement);
          expect(errors.map((f) => f.message), where).not.toEqual([]);
          expect(errors[0].message, where).toMatch(/should|is not|must be|expected|invalid/i);
          frameworks.add(original.adapter!.id);
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    expect([...frameworks].sort()).toEqual(expect.arrayContaining(['appchain-manifest', 'cosmos-genesis', 'op-deploy-config', 'op-deployer-intent', 'substrate-chain-spec', 'avalanche-subnet-evm-genesis', 'orbit-node-config', 'polygon-zkevm-deploy-parameters']));
  }, 60_000);
});
