/**
 * Lints the shared corpus of real published configs (../shared/corpus, outside the project; its files
 * are never copied in). Expectations come from the descriptions in PROVENANCE.tsv, not from the tool.
 * Skipped when the corpus is not there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintFile } from './helpers/lint';
import type { Location, SarifResult, SarifRun } from './helpers/sarif';
import { buildIfMissing } from './helpers/cli-run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const CLI = join(ROOT, 'dist', 'cli.js');
const HAVE_CORPUS = existsSync(join(CORPUS, 'PROVENANCE.tsv'));

/** The well-known Anvil/Hardhat test accounts #0–#9, whose private keys are public. */
const ANVIL = [
  '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
  '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
  '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
  '0x976EA74026E726554dB657fA54763abd0C3a0aa9',
  '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955',
  '0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f',
  '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720',
].map((a) => a.toLowerCase());

const FEE_VAULTS = ['baseFeeVaultRecipient', 'l1FeeVaultRecipient', 'sequencerFeeVaultRecipient'];

/** What a located region points at: the key on its line and the text it covers. */
interface Place {
  key: string | undefined;
  text: string;
}

function place(location: Location): Place {
  const { artifactLocation, region } = location.physicalLocation;
  const line = readFileSync(join(ROOT, artifactLocation.uri), 'utf8').split(/\r?\n/)[region.startLine - 1] ?? '';
  const key = /^\s*"?([A-Za-z0-9_]+)"?\s*[:=]/.exec(line)?.[1];
  const text = region.endLine === region.startLine ? line.slice(region.startColumn - 1, region.endColumn - 1) : line.slice(region.startColumn - 1);
  return { key, text };
}

function provenance(): Map<string, string> {
  const rows = readFileSync(join(CORPUS, 'PROVENANCE.tsv'), 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((row) => row.split('\t')).map((cells) => [cells[0], cells[cells.length - 1]]));
}

/** The full address in a corpus file that the description abbreviates as `0xfd1D...4301`. */
function fullAddress(file: string, abbreviated: string): string {
  const [head, tail] = abbreviated.split('...');
  const matches = new Set((readFileSync(join(CORPUS, file), 'utf8').match(new RegExp(`${head}[0-9a-fA-F]{${42 - head.length - tail.length}}${tail}`, 'gi')) ?? []).map((a) => a.toLowerCase()));
  expect([...matches], `${abbreviated} in ${file}`).toHaveLength(1);
  return [...matches][0];
}

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`.toLowerCase();

/** A result names an address when its message shows it, or when it points at a field holding it. */
function names(result: SarifResult, address: string): boolean {
  return result.message.text.toLowerCase().includes(short(address)) || place(result.locations[0]).text.toLowerCase().includes(address);
}

/** The keys of every field the result points at, first and related. */
function keysOf(result: SarifResult): string[] {
  return [...result.locations, ...(result.relatedLocations ?? [])].map((l) => place(l)).map((p) => p.key ?? '');
}

const matchesRole = (key: string, role: string) => key.toLowerCase() === role.toLowerCase() || key.toLowerCase().endsWith(role.toLowerCase());

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

describe.skipIf(!HAVE_CORPUS)('corpus: op-stack findings match PROVENANCE.tsv', () => {
  let run: SarifRun;
  const descriptions = HAVE_CORPUS ? provenance() : new Map<string, string>();

  beforeAll(() => {
    buildIfMissing();
    const result = spawnSync(process.execPath, [CLI, 'lint', relative(ROOT, join(CORPUS, 'op-stack')), '--format', 'sarif', '--fail-on', 'none'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    run = (JSON.parse(result.stdout) as { runs: SarifRun[] }).runs[0];
  }, 60_000);

  const resultsFor = (file: string, ruleId?: string) =>
    run.results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri.endsWith(`op-stack/${file}`) && (!ruleId || r.ruleId === ruleId));

  const describe_ = (file: string): string => {
    const text = descriptions.get(`op-stack/${file}`);
    expect(text, `PROVENANCE.tsv describes op-stack/${file}`).toBeDefined();
    return text!;
  };

  /** Checks that one role-collapse result names `address` and points at every role in `roles`. */
  /** Roles that are no critical role: role-collapse's message is not about them (fee-capture points at the fee vaults). */
  const NOT_CRITICAL = new Set(['governanceTokenOwner', 'gasPriceOracleOwner', ...FEE_VAULTS]);

  function expectRoleCollapse(file: string, address: string, roles: string[]): void {
    const collapses = resultsFor(file, 'role-collapse').filter((r) => names(r, address));
    expect(collapses, `role-collapse naming ${address} in ${file}`).toHaveLength(1);
    const keys = keysOf(collapses[0]);
    for (const role of roles.filter((r) => !NOT_CRITICAL.has(r))) expect(keys.some((key) => matchesRole(key, role)), `${file}: role-collapse points at ${role} (has ${keys.join(', ')})`).toBe(true);
    for (const location of [...collapses[0].locations, ...(collapses[0].relatedLocations ?? [])]) expect(place(location).text.toLowerCase()).toContain(address);
  }

  function expectFeeCapture(file: string, address: string): void {
    const captures = resultsFor(file, 'fee-capture').filter((r) => names(r, address));
    expect(captures, `fee-capture naming ${address} in ${file}`).toHaveLength(1);
    const keys = keysOf(captures[0]);
    for (const vault of FEE_VAULTS) expect(keys, `${file}: fee-capture points at ${vault}`).toContain(vault);
  }

  it.each(['optimism/deploy-config/sepolia.json', 'optimism/deploy-config/sepolia-devnet-0.json', 'superchain-registry/ops/intent_v4_1.toml'])(
    '%s: one address holds the roles → role-collapse and fee-capture naming it',
    (file) => {
      const match = /ONE address (0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+) is (.+?) and all 3 fee vault recipients/.exec(describe_(file));
      expect(match, 'description names ONE address and its roles').not.toBeNull();
      const address = fullAddress(`op-stack/${file}`, match![1]);
      const roles = match![2].split(/, /).map((r) => r.trim());
      expect(roles.length).toBeGreaterThanOrEqual(4);
      expectRoleCollapse(file, address, [...roles, ...FEE_VAULTS]);
      expectFeeCapture(file, address);
      expect(resultsFor(file, 'role-collapse').filter((r) => r.level === 'note')).toEqual([]);
    },
  );

  it('sepolia.json: the shared holder is 0xfd1D…4301, with proxyAdminOwner, finalSystemOwner, guardian and challenger', () => {
    const address = fullAddress('op-stack/optimism/deploy-config/sepolia.json', '0xfd1D...4301');
    expectRoleCollapse('optimism/deploy-config/sepolia.json', address, ['proxyAdminOwner', 'finalSystemOwner', 'superchainConfigGuardian', 'challenger']);
  });

  it('sepolia-devnet-0.json: the shared holder is 0x8c20…ead2', () => {
    const address = fullAddress('op-stack/optimism/deploy-config/sepolia-devnet-0.json', '0x8c20...ead2');
    expectRoleCollapse('optimism/deploy-config/sepolia-devnet-0.json', address, ['proxyAdminOwner', 'finalSystemOwner', 'superchainConfigGuardian', 'challenger']);
  });

  it('mainnet.json: role-collapse for the address that is finalSystemOwner, guardian and challenger, not for proxyAdminOwner', () => {
    const file = 'optimism/deploy-config/mainnet.json';
    const match = /((?:\w+=)+)(0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+) \(same addr (\d) roles\)/.exec(describe_(file));
    expect(match).not.toBeNull();
    const roles = match![1].split('=').filter(Boolean);
    expect(roles).toHaveLength(Number(match![3]));
    const address = fullAddress(`op-stack/${file}`, match![2]);
    expect(short(address)).toBe('0x9ba6…6b3a');
    expectRoleCollapse(file, address, roles);
    const proxyAdminOwner = fullAddress(`op-stack/${file}`, /proxyAdminOwner=(0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+)/.exec(describe_(file))![1]);
    expect(resultsFor(file, 'role-collapse').some((r) => names(r, proxyAdminOwner))).toBe(false);
  });

  it('devnetL1-template.json: dev-key-authority for the Anvil accounts and role-collapse for 0xa0Ee…9720', () => {
    const file = 'optimism/deploy-config/devnetL1-template.json';
    const description = describe_(file);
    expect(description).toMatch(/well-known anvil\/hardhat dev addresses/);

    const proposer = /proposer (0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+) \(anvil #(\d+)\)/.exec(description)!;
    const proposerAddress = fullAddress(`op-stack/${file}`, proposer[1]);
    expect(ANVIL.indexOf(proposerAddress)).toBe(Number(proposer[2]));
    const devKeys = resultsFor(file, 'dev-key-authority');
    const forProposer = devKeys.filter((r) => place(r.locations[0]).key === 'l2OutputOracleProposer');
    expect(forProposer).toHaveLength(1);
    expect(names(forProposer[0], proposerAddress)).toBe(true);
    expect(forProposer[0].message.text).toMatch(new RegExp(`#${proposer[2]}\\b`));
    expect(forProposer[0].message.text).toMatch(/Anvil/);
    for (const result of devKeys) {
      const held = place(result.locations[0]).text.replace(/"/g, '').toLowerCase();
      expect(ANVIL, `dev-key-authority at ${place(result.locations[0]).key}`).toContain(held);
      expect(result.message.text).toMatch(new RegExp(`#${ANVIL.indexOf(held)}\\b`));
    }
    expect(devKeys.length).toBeGreaterThanOrEqual(3);

    const shared = /(0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+) = ((?:\w+=)+\w+)/.exec(description)!;
    const sharedAddress = fullAddress(`op-stack/${file}`, shared[1]);
    expect(short(sharedAddress)).toBe('0xa0ee…9720');
    expectRoleCollapse(file, sharedAddress, shared[2].split('='));
  });

  it('v4_0-intent.toml: zero-address placeholders are no holders', () => {
    const file = 'superchain-registry/ops/v4_0-intent.toml';
    expect(describe_(file)).toMatch(/0x000\.\.\.000 placeholders/);
    expect(run.artifacts.some((a) => a.location.uri.endsWith(`op-stack/${file}`)), 'the intent is linted').toBe(true);
    const results = resultsFor(file);
    expect(results.filter((r) => ['role-collapse', 'dev-key-authority', 'fee-capture'].includes(r.ruleId))).toEqual([]);
    expect(results.filter((r) => /0x0000…0000/.test(r.message.text))).toEqual([]);
  });

  it('every op-stack config named in PROVENANCE.tsv is linted', () => {
    const linted = new Set(run.artifacts.map((a) => a.location.uri.split('op-stack/')[1]));
    const recognized = ['optimism/deploy-config/mainnet.json', 'optimism/deploy-config/sepolia.json', 'optimism/deploy-config/devnetL1-template.json', 'optimism/deploy-config/sepolia-devnet-0.json', 'superchain-registry/ops/intent_v4_1.toml', 'superchain-registry/ops/v4_0-intent.toml'];
    for (const file of recognized) expect(linted, file).toContain(file);
    for (const result of run.results) expect(result.ruleId, result.message.text).not.toBe('internal-error');
  });
});

describe.skipIf(!HAVE_CORPUS)('corpus: every file lints without internal errors', () => {
  const files = HAVE_CORPUS ? walk(CORPUS).filter((path) => !path.endsWith('.tsv')) : [];

  it('covers every file PROVENANCE.tsv lists', () => {
    const listed = [...provenance().keys()];
    expect(listed.length).toBeGreaterThan(20);
    for (const path of listed) expect(files, path).toContain(join(CORPUS, ...path.split('/')));
  });

  it.each(files.map((path) => [relative(CORPUS, path).split(sep).join('/'), path]))('%s', (_, path) => {
    const started = performance.now();
    const report = lintFile(path);
    const elapsed = performance.now() - started;
    expect(report.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message)).toEqual([]);
    expect(report.suppressed.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    expect(elapsed, `${path} took ${Math.round(elapsed)} ms`).toBeLessThan(5_000);
    for (const finding of report.findings) {
      expect(finding.range.start.line).toBeGreaterThanOrEqual(0);
      expect(finding.range.end.line).toBeGreaterThanOrEqual(finding.range.start.line);
    }
  });

  it('the CLI lints the whole corpus, each file named, without internal errors or stack traces', () => {
    const result = spawnSync(process.execPath, [CLI, 'lint', ...files, '--format', 'json', '--fail-on', 'none'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    expect(report.files).toHaveLength(files.length);
    expect(report.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'internal-error')).toEqual([]);
  }, 60_000);
});
