/**
 * `lint` with verified facts, offline: chokepoint.lock.json (found like .chokepoint.yaml) and L2BEAT
 * discovery snapshots (`discovery:`) are the last source of entities. Collusion counts follow nested
 * ownership, declarations the chain contradicts and config values that drifted from the deployed
 * chain are reported, and on a real registry config with its real L2BEAT snapshot (Ink) the prompts
 * are gone and the stage estimate is the one L2BEAT published.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintCommand, type CommandIO } from '../server/src/cli/lint-command';
import { parseLintArgs } from '../server/src/cli/args';
import { ConfigResolver } from '../server/src/engine/config/discover';
import { EntityIndex } from '../server/src/engine/entities';
import { declareVerified } from '../server/src/engine/entities/verified';
import type { FileReport } from '../server/src/engine/lint';
import { convertDiscovery } from '../server/src/engine/lock/l2beat-discovery';
import { parseLockText } from '../server/src/engine/lock/load';
import { LOCKFILE_VERSION, type LockedAddress, type LockFile } from '../server/src/engine/lock/schema';
import type { AppliedSection } from '../server/src/engine/lock/verified-view';
import { parseAddress } from '../server/src/engine/model/address';
import { estimateStage, stageText } from '../server/src/engine/stages';
import { collusion } from '../server/src/engine/summary';
import { lintPaths } from '../server/src/engine/workspace';
import { hoverMarkdown } from '../server/src/lsp/hover';
import { buildReportData, renderMarkdown } from '../server/src/report';
import { buildIfMissing } from './helpers/cli-run';
import { fullText, TODAY } from './helpers/lint';
import { LspClient } from './helpers/lsp-client';
import { REAL_WORLD } from './helpers/real-world';

const INK = join(__dirname, 'fixtures', 'l2beat-discovery', 'ink');

const hex = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const key = (address: string) => parseAddress(address)!.key;

function lockOf(addresses: Record<string, LockedAddress>, extra: { rollups?: LockFile['chains'][string]['rollups']; timestamp?: string } = {}): LockFile {
  return {
    lockfileVersion: LOCKFILE_VERSION,
    generatedBy: 'test',
    chains: { 'evm:1': { rpcHost: 'rpc.test', block: { number: 21_345_678, timestamp: extra.timestamp ?? '2026-11-19T00:00:00.000Z' }, addresses, ...(extra.rollups ? { rollups: extra.rollups } : {}) } },
  };
}

/** A folder with the given files (objects written as JSON), for the resolver to find. */
function workspace(files: Record<string, string | object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-verified-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

function lint(paths: string[], now = TODAY) {
  return lintPaths(paths, { resolver: new ConfigResolver(), models: true, now });
}

function registryToml(roles: Record<string, string>, chainId = 48213): string {
  return [`name = "Lumen"`, `chain_id = ${chainId}`, `batch_inbox_addr = "0xff00000000000000000000000000000000048213"`, `seq_window_size = 3600`, '', '[roles]', ...Object.entries(roles).map(([role, address]) => `  ${role} = "${address}"`), ''].join('\n');
}

function section(lock: LockFile, file = '/virtual/chokepoint.lock.json'): AppliedSection {
  return { source: { file, kind: 'lock', lock }, chainId: 'evm:1', chain: lock.chains['evm:1'] };
}

/** An entity index with the builtins and `lock` declared, and the entity of `address`. */
function verifiedEntity(lock: LockFile, address: string) {
  const entities = EntityIndex.withBuiltins();
  declareVerified(entities, [section(lock)]);
  return { entities, entity: entities.entityOf(parseAddress(address)!) };
}

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { cwd: process.cwd(), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {}, now: TODAY };
  return lintCommand(parseLintArgs(args), io).then((code) => ({ code, stdout, stderr }));
}

// The case: a ProxyAdmin owned by a timelock whose proposer is a 2-of-3 Safe, one of whose owners is a 1-of-1 Safe.
const PROXY_ADMIN = hex(0xa0);
const TIMELOCK = hex(0xb0);
const SAFE = hex(0xc0);
const INNER_SAFE = hex(0xc1);
const [E1, E2, E3] = [hex(0xe1), hex(0xe2), hex(0xe3)];
const NESTED: Record<string, LockedAddress> = {
  [PROXY_ADMIN]: { kind: 'contract', owner: TIMELOCK },
  [TIMELOCK]: { kind: 'timelock', minDelay: 14 * 86_400, proposers: [SAFE], executors: [SAFE], cancellers: [SAFE] },
  [SAFE]: { kind: 'safe', threshold: 2, owners: [E1, E2, INNER_SAFE] },
  [INNER_SAFE]: { kind: 'safe', threshold: 1, owners: [E3] },
  [E1]: { kind: 'eoa' },
  [E2]: { kind: 'eoa' },
  [E3]: { kind: 'eoa' },
};

describe('collusion follows nested ownership', () => {
  it('counts a ProxyAdmin owned by a timelock whose proposer is a 2-of-3 Safe with a 1-of-1 Safe among its owners as 2 parties, 14 days away', () => {
    const { entities, entity } = verifiedEntity(lockOf(NESTED), PROXY_ADMIN);
    expect(entity).toMatchObject({ kind: 'contract', members: [key(TIMELOCK)], delaySeconds: 14 * 86_400 });
    expect(entities.get(key(TIMELOCK))).toMatchObject({ kind: 'timelock', delaySeconds: 14 * 86_400, members: [key(SAFE)] });
    expect(entities.get(key(SAFE))).toMatchObject({ kind: 'multisig', threshold: 2, signers: 3, members: [key(E1), key(E2), key(INNER_SAFE)] });
    expect(collusion(entity, entities)).toBe(2);
    expect(collusion(entities.get(key(INNER_SAFE))!, entities)).toBe(1);
  });

  it('adds up the thresholds of owners that are Safes: a 2-of-2 of two 2-of-3 Safes takes 4', () => {
    const [A, B, OUTER] = [hex(0x1a), hex(0x1b), hex(0x1c)];
    const eoas = [1, 2, 3, 4, 5, 6].map((n) => hex(0x100 + n));
    const lock = lockOf({
      [OUTER]: { kind: 'safe', threshold: 2, owners: [A, B] },
      [A]: { kind: 'safe', threshold: 2, owners: eoas.slice(0, 3) },
      [B]: { kind: 'safe', threshold: 2, owners: eoas.slice(3) },
      ...Object.fromEntries(eoas.map((e) => [e, { kind: 'eoa' as const }])),
    });
    const { entities, entity } = verifiedEntity(lock, OUTER);
    expect(collusion(entity, entities)).toBe(4);
  });

  it('counts a key that sits in two nested Safes once', () => {
    const [A, B, OUTER, KEY] = [hex(0x2a), hex(0x2b), hex(0x2c), hex(0x2d)];
    const lock = lockOf({ [OUTER]: { kind: 'safe', threshold: 2, owners: [A, B] }, [A]: { kind: 'safe', threshold: 1, owners: [KEY] }, [B]: { kind: 'safe', threshold: 1, owners: [KEY] }, [KEY]: { kind: 'eoa' } });
    const { entities, entity } = verifiedEntity(lock, OUTER);
    expect(collusion(entity, entities)).toBe(1);
  });

  it('cuts cycles: Safes that own each other end in a finite count', () => {
    const [A, B, KEY] = [hex(0x3a), hex(0x3b), hex(0x3c)];
    const lock = lockOf({ [A]: { kind: 'safe', threshold: 2, owners: [B, KEY] }, [B]: { kind: 'safe', threshold: 1, owners: [A] }, [KEY]: { kind: 'eoa' } });
    const { entities, entity } = verifiedEntity(lock, A);
    // B cannot act without A, so A needs KEY and one more seat it cannot fill from B: counted as one more party.
    expect(collusion(entity, entities)).toBe(2);
    expect(entities.isProperCouncil(entity)).toBe(false);
  });

  it('a timelock or contract is as strong as its weakest controller, for the Security Council test too', () => {
    const council = Array.from({ length: 8 }, (_, i) => hex(0x400 + i));
    const [COUNCIL, TL, ADMIN, KEY, KEYED_ADMIN] = [hex(0x4a), hex(0x4b), hex(0x4c), hex(0x4d), hex(0x4e)];
    const lock = lockOf({
      [COUNCIL]: { kind: 'safe', threshold: 6, owners: council },
      ...Object.fromEntries(council.map((e) => [e, { kind: 'eoa' as const }])),
      [TL]: { kind: 'timelock', minDelay: 86_400, proposers: [COUNCIL] },
      [ADMIN]: { kind: 'contract', owner: TL },
      [KEY]: { kind: 'eoa' },
      [KEYED_ADMIN]: { kind: 'contract', owner: TL, proxy: { admin: KEY } },
    });
    const entities = EntityIndex.withBuiltins();
    declareVerified(entities, [section(lock)]);
    const of = (address: string) => entities.entityOf(parseAddress(address)!);
    expect(entities.isProperCouncil(of(COUNCIL))).toBe(true);
    expect(entities.isProperCouncil(of(TL))).toBe(true);
    expect(entities.isProperCouncil(of(ADMIN))).toBe(true);
    expect(entities.isProperCouncil(of(KEYED_ADMIN))).toBe(false);
    expect(collusion(of(ADMIN), entities)).toBe(6);
    expect(collusion(of(KEYED_ADMIN), entities)).toBe(1);
  });

  it('keeps a declared entity\'s name and replaces its facts; clears what the chain does not show', () => {
    const entities = EntityIndex.withBuiltins();
    entities.declare({ entity: 'ops', kind: 'multisig', threshold: 3, signers: 5, external: 2 }, [parseAddress(TIMELOCK)!], { by: 'config' }, 'Ops council');
    declareVerified(entities, [section(lockOf(NESTED))]);
    const ops = entities.get('ops')!;
    expect(ops).toMatchObject({ name: 'Ops council', kind: 'timelock', delaySeconds: 14 * 86_400, external: 2, declared: { by: 'verified', verified: { kind: 'timelock', block: 21_345_678 } } });
    expect(ops.threshold).toBeUndefined();
    expect(ops.signers).toBeUndefined();
  });
});

describe('chokepoint.lock.json', () => {
  it('is found by walking up from the linted file, and its facts are used: the nested case in a registry config', () => {
    const dir = workspace({ 'chokepoint.lock.json': lockOf(NESTED), 'chains/lumen/lumen.toml': registryToml({ ProxyAdminOwner: PROXY_ADMIN }) });
    const file = join(dir, 'chains/lumen/lumen.toml');
    const resolver = new ConfigResolver();
    expect(resolver.configFor(file).verified?.map((v) => v.kind)).toEqual(['lock']);
    const { reports, configProblems } = lint([file]);
    expect(configProblems).toEqual([]);
    const [report] = reports;
    const holder = report.entities!.entityOf(parseAddress(PROXY_ADMIN)!);
    expect(collusion(holder, report.entities!)).toBe(2);
    expect(report.findings.map((f) => f.ruleId)).not.toContain('unverified-authority');
    // A 14-day timelock is enough for Stage 1's 7 days and short of Stage 2's 30.
    expect(report.findings.filter((f) => f.ruleId === 'short-exit-window').map(fullText).join(' ')).toMatch(/Stage 2/);
    expect(report.findings.map((f) => f.ruleId)).not.toContain('weak-council');
  });

  it('a contract owned by a single key is reported as one, not let through as "a contract"', () => {
    const [ADMIN, KEY] = [hex(0x5a), hex(0x5b)];
    const dir = workspace({ 'chokepoint.lock.json': lockOf({ [ADMIN]: { kind: 'contract', owner: KEY }, [KEY]: { kind: 'eoa' } }), 'lumen.toml': registryToml({ ProxyAdminOwner: ADMIN }) });
    const [report] = lint([join(dir, 'lumen.toml')]).reports;
    const weak = report.findings.find((f) => f.ruleId === 'weak-council');
    expect(weak?.severity).toBe('error');
    expect(weak?.message).toMatch(/a contract controlled by 0x0000…005B, which is a single key/i);
  });

  it('a broken lock is a configuration problem with its place, a usage error in the CLI, never a crash', async () => {
    const broken = JSON.stringify({ ...lockOf(NESTED), chains: { 'evm:1': { ...lockOf(NESTED).chains['evm:1'], block: { number: -1, timestamp: 'x' } } } }, null, 2);
    const dir = workspace({ 'chokepoint.lock.json': broken, 'lumen.toml': registryToml({ ProxyAdminOwner: PROXY_ADMIN }) });
    const { configProblems, reports } = lint([join(dir, 'lumen.toml')]);
    expect(reports).toEqual([]);
    expect(configProblems).toHaveLength(1);
    expect(configProblems[0].message).toMatch(/^Invalid chokepoint\.lock\.json at chains\.evm:1\.block\.number: .*Run `chokepoint verify`/);
    expect(broken.slice(configProblems[0].span.start, configProblems[0].span.end)).toBe('"number"');
    const run = await cli([join(dir, 'lumen.toml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/chokepoint\.lock\.json:\d+:\d+ {2}config-error {2}Invalid chokepoint\.lock\.json/);

    const unparsable = workspace({ 'chokepoint.lock.json': '{ "lockfileVersion": 1,', 'lumen.toml': registryToml({ ProxyAdminOwner: PROXY_ADMIN }) });
    expect(lint([join(unparsable, 'lumen.toml')]).configProblems[0].message).toMatch(/^Invalid chokepoint\.lock\.json: /);
  });

  it('a lock of another parent chain does not apply', () => {
    const lock = lockOf(NESTED);
    const sepolia: LockFile = { ...lock, chains: { 'evm:11155111': lock.chains['evm:1'] } };
    const deployConfig = { l1ChainID: 1, l2ChainID: 48213, proxyAdminOwner: PROXY_ADMIN, finalSystemOwner: E1 };
    const dir = workspace({ 'chokepoint.lock.json': sepolia, 'deploy-config.json': deployConfig });
    const [report] = lint([join(dir, 'deploy-config.json')]).reports;
    expect(report.entities!.entityOf(parseAddress(PROXY_ADMIN)!).kind).toBe('unknown');
  });
});

describe('declaration-mismatch on .chokepoint.yaml entities', () => {
  it('is reported on the declaration in .chokepoint.yaml, naming what the lock read and at which block', async () => {
    const config = 'entities:\n  upgrade-safe:\n    kind: multisig\n    threshold: 3\n    signers: 3\n    addresses: ["' + SAFE + '"]\n  ops-timelock:\n    kind: timelock\n    delay: 7d\n    addresses: ["' + TIMELOCK + '"]\n';
    const dir = workspace({ '.chokepoint.yaml': config, 'chokepoint.lock.json': lockOf(NESTED), 'lumen.toml': registryToml({ ProxyAdminOwner: TIMELOCK, SystemConfigOwner: SAFE }) });
    const { configFindings } = lint([join(dir, 'lumen.toml')]);
    const mismatches = configFindings.filter((f) => f.ruleId === 'declaration-mismatch');
    expect(mismatches.map((f) => [f.uri, f.range.start.line + 1, f.severity])).toEqual([
      [join(dir, '.chokepoint.yaml'), 4, 'error'],
      [join(dir, '.chokepoint.yaml'), 9, 'error'],
    ]);
    expect(mismatches[0].message).toBe('upgrade-safe is declared in .chokepoint.yaml as a 3-of-3 multisig, but chokepoint.lock.json read a Safe 2-of-3.');
    expect(mismatches[0].detail).toBe('At block 21,345,678 on Ethereum mainnet (chain id 1), chokepoint.lock.json read a Safe 2-of-3 (Safe OwnerManager). Chokepoint counts what the chain shows; correct or remove the declaration so the config does not mislead its readers.');
    expect(mismatches[1].message).toMatch(/as a timelock of 7 days, but the chain shows a TimelockController with a 14-day delay\.$/);
    expect(mismatches[1].detail).toMatch(/^At block 21,345,678 on Ethereum mainnet \(chain id 1\), chokepoint\.lock\.json read a TimelockController with a 14-day delay/);
    const run = await cli([join(dir, 'lumen.toml')]);
    expect(run.stdout).toMatch(/\.chokepoint\.yaml[\s\S]*declaration-mismatch/);
    expect(run.code).toBe(1);
  });
});

describe('config-drift', () => {
  it('is a warning when the file and the chain name two addresses of one declared entity', () => {
    const [OLD, NEW] = [hex(0x6a), hex(0x6b)];
    const config = `entities:\n  batcher:\n    kind: eoa\n    addresses: ["${OLD}", "${NEW}"]\n`;
    const lock = lockOf({ [OLD]: { kind: 'eoa' }, [NEW]: { kind: 'eoa' } }, { rollups: { 'evm:48213': { batcher: NEW } } });
    const dir = workspace({ '.chokepoint.yaml': config, 'chokepoint.lock.json': lock, 'lumen.toml': registryToml({ BatchSubmitter: OLD }) });
    const [report] = lint([join(dir, 'lumen.toml')]).reports;
    const drift = report.findings.filter((f) => f.ruleId === 'config-drift');
    expect(drift.map((f) => f.severity)).toEqual(['warning']);
    expect(drift[0].detail).toMatch(/declared as one entity/);
  });

  it('fills the proof system from the respected game type the chain reports when the file does not say', () => {
    const lock = lockOf({ [E1]: { kind: 'eoa' } }, { rollups: { 'evm:48213': { respectedGameType: 1 } } });
    const dir = workspace({ 'chokepoint.lock.json': lock, 'lumen.toml': registryToml({ BatchSubmitter: E1 }) });
    const [report] = lint([join(dir, 'lumen.toml')]).reports;
    expect(report.chain!.proofSystem).toMatchObject({ kind: 'permissioned-fraud' });
    expect(report.chain!.proofSystem!.title).toMatch(/respectedGameType 1.*as the chain's contracts reported at block 21,345,678/);
    expect(report.findings.map((f) => f.ruleId)).not.toContain('config-drift');
    expect(report.findings.map((f) => f.ruleId)).toContain('permissioned-proofs');
  });
});

describe('stale-verification', () => {
  it('reports a lock older than maxAgeDays, once, and accepts a longer age when configured', () => {
    const lock = lockOf(NESTED, { timestamp: '2026-10-01T00:00:00.000Z' });
    const dir = workspace({ 'chokepoint.lock.json': lock, 'lumen.toml': registryToml({ ProxyAdminOwner: PROXY_ADMIN }) });
    const stale = (report: FileReport) => report.findings.filter((f) => f.ruleId === 'stale-verification');
    const [report] = lint([join(dir, 'lumen.toml')]).reports;
    expect(stale(report).map((f) => f.severity)).toEqual(['info']);
    expect(stale(report)[0].message).toMatch(/ are 52 days old, more than the 30 days this lint accepts\.$/);
    expect(stale(report)[0].detail).toMatch(/on 2026-10-01, 52 days ago, more than the 30 days this lint accepts/);
    writeFileSync(join(dir, '.chokepoint.yaml'), 'rules:\n  stale-verification:\n    options: { maxAgeDays: 60 }\n');
    expect(stale(lint([join(dir, 'lumen.toml')]).reports[0])).toEqual([]);
  });
});

describe('L2BEAT discovery snapshots', () => {
  it('reads each generation of discovered.json: plain, typed and chain-prefixed entries', () => {
    const safe = { name: 'Council', address: 'eth:0x00000000000000000000000000000000000000C0', type: 'Contract', values: { $members: ['eth:0x00000000000000000000000000000000000000E1', 'eth:0x00000000000000000000000000000000000000E2'], $threshold: 2 } };
    const timelock = { name: 'Timelock', address: 'eth:0x00000000000000000000000000000000000000B0', type: 'Contract', values: { getMinDelay: 259200, accessControl: { PROPOSER_ROLE: { adminRole: 'TIMELOCK_ADMIN_ROLE', members: ['eth:0x00000000000000000000000000000000000000C0'] }, EXECUTOR_ROLE: { adminRole: 'TIMELOCK_ADMIN_ROLE', members: [] } } } };
    const executor = { name: 'UpgradeExecutor', template: 'orbitstack/UpgradeExecutor', address: 'arb1:0x00000000000000000000000000000000000000A1', type: 'Contract', values: { accessControl: { EXECUTOR_ROLE: { adminRole: 'ADMIN_ROLE', members: ['arb1:0x00000000000000000000000000000000000000E3'] } } } };
    const v3 = convertDiscovery(JSON.stringify({ name: 'x', timestamp: 1786359753, entries: [safe, timelock, executor, { address: 'eth:0x00000000000000000000000000000000000000E1', type: 'EOA' }], usedBlockNumbers: { ethereum: 25724167 } }));
    if ('problem' in v3) throw new Error(v3.problem);
    expect(Object.keys(v3.lock.chains)).toEqual(['evm:1', 'evm:42161']);
    expect(v3.lock.chains['evm:1'].block).toEqual({ number: 25724167, timestamp: '2026-08-10T11:02:33.000Z' });
    expect(v3.lock.chains['evm:1'].addresses[hex(0xc0)]).toEqual({ kind: 'safe', name: 'Council', threshold: 2, owners: [hex(0xe1), hex(0xe2)] });
    expect(v3.lock.chains['evm:1'].addresses[hex(0xb0)]).toEqual({ kind: 'timelock', name: 'Timelock', minDelay: 259200, proposers: [hex(0xc0)], executors: [], cancellers: [] });
    expect(v3.lock.chains['evm:1'].addresses[hex(0xe1)]).toEqual({ kind: 'eoa' });
    expect(v3.lock.chains['evm:42161'].addresses[hex(0xa1)]).toEqual({ kind: 'upgrade-executor', name: 'UpgradeExecutor', executors: [hex(0xe3)] });

    const v2 = convertDiscovery(JSON.stringify({ name: 'x', chain: 'ethereum', blockNumber: 21900000, entries: [{ address: '0x00000000000000000000000000000000000000C0', type: 'Contract', values: { getOwners: ['0x00000000000000000000000000000000000000E1'], getThreshold: 1 } }] }));
    if ('problem' in v2) throw new Error(v2.problem);
    expect(v2.lock.chains['evm:1']).toMatchObject({ block: { number: 21900000, timestamp: '' }, addresses: { [hex(0xc0)]: { kind: 'safe', threshold: 1, owners: [hex(0xe1)] } } });

    expect(convertDiscovery('{"contracts": [')).toMatchObject({ problem: expect.stringMatching(/^it is not valid JSON/) });
    expect(convertDiscovery('{"name": "x"}')).toEqual({ problem: 'it has neither `contracts` nor `entries`, so it is not an L2BEAT discovered.json' });
  });

  it('reads the real Ink snapshot: Safe owners and thresholds, the ProxyAdmin owner, and the roles its OP Stack contracts report', () => {
    const converted = convertDiscovery(readFileSync(join(INK, 'discovered.json'), 'utf8'));
    if ('problem' in converted) throw new Error(converted.problem);
    const l1 = converted.lock.chains['evm:1'];
    expect(l1.block.number).toBe(21_693_174);
    expect(l1.addresses['0x5a0aae59d09fccbddb6c6cceb07b7279367c3d2a']).toMatchObject({ kind: 'safe', name: 'SuperchainProxyAdminOwner', threshold: 2, owners: ['0x847b5c174615b1b7fdf770882256e2d3e95b9d92', '0xc2819dc788505aac350142a7a707bf9d03e3bd03'] });
    expect(l1.addresses['0xc2819dc788505aac350142a7a707bf9d03e3bd03']).toMatchObject({ kind: 'safe', threshold: 10 });
    expect(l1.addresses['0xd56045e68956fce2576e680c95a4750cf8241f79']).toEqual({ kind: 'contract', name: 'ProxyAdmin', owner: '0x5a0aae59d09fccbddb6c6cceb07b7279367c3d2a' });
    expect(l1.addresses['0x0000000000000000000000000000000000000000']).toBeUndefined();
    expect(l1.rollups).toEqual({
      'evm:57073': {
        respectedGameType: 0,
        guardian: '0x09f7150d8c019bef34450d6920f6b3608cefdaf2',
        systemConfigOwner: '0xbea2bc852a160b8547273660e22f4f08c2fa9bbb',
        batcher: '0x500d7ea63cf2e501dadaa5feec1fc19fe2aa72ac',
        unsafeBlockSigner: '0x7d056b99aa2021864c42e25b4f8ce3bdeac9463c',
        proposer: '0x65436ddcbc026f34118954f229f7f132b696b3b4',
        challenger: '0x9ba6e03d8b90de867373db8cf1a58d2f7f006b3a',
        l1ProxyAdminOwner: '0x5a0aae59d09fccbddb6c6cceb07b7279367c3d2a',
      },
    });
  });

  it('a snapshot that cannot be read is a problem on its `discovery:` entry', async () => {
    const dir = workspace({ '.chokepoint.yaml': 'discovery:\n  - missing/discovered.json\n  - bad.json\n', 'bad.json': '{"name": "x"}', 'lumen.toml': registryToml({ ProxyAdminOwner: PROXY_ADMIN }) });
    const { configProblems } = lint([join(dir, 'lumen.toml')]);
    const text = readFileSync(join(dir, '.chokepoint.yaml'), 'utf8');
    expect(configProblems.map((p) => text.slice(p.span.start, p.span.end))).toEqual(['missing/discovered.json', 'bad.json']);
    expect(configProblems[0].message).toMatch(/^Invalid \.chokepoint\.yaml at discovery\.0: cannot read the L2BEAT snapshot .*missing\/discovered\.json/);
    expect(configProblems[1].message).toMatch(/^Invalid \.chokepoint\.yaml at discovery\.1: .*bad\.json cannot be used as an L2BEAT discovery snapshot: it has neither `contracts` nor `entries`/);
    expect((await cli([join(dir, 'lumen.toml')])).code).toBe(2);
  });

  describe('on the real Ink registry config with L2BEAT\'s snapshot of the same time', () => {
    const published = (parse(readFileSync(join(REAL_WORLD, 'l2beat-stages.yaml'), 'utf8')) as { chain: string; l2beat: { stage: number } }[]).find((e) => e.chain === 'Ink')!;
    const withSnapshot = lint([join(INK, 'ink.toml')]).reports[0];
    const alone = workspace({ 'ink.toml': readFileSync(join(INK, 'ink.toml'), 'utf8') });
    const withoutSnapshot = lint([join(alone, 'ink.toml')]).reports[0];
    const prompts = (report: FileReport) => report.findings.filter((f) => f.ruleId === 'unverified-authority');

    it('leaves no holder undeclared where the config alone left several', () => {
      expect(prompts(withoutSnapshot).length).toBeGreaterThanOrEqual(4);
      expect(prompts(withSnapshot)).toEqual([]);
    });

    it('estimates the stage L2BEAT published for Ink at that block, where the config alone cannot tell', () => {
      expect(stageText(estimateStage(withoutSnapshot.chain!, withoutSnapshot.entities!))).toBe('Stage unknown');
      const estimate = estimateStage(withSnapshot.chain!, withSnapshot.entities!);
      expect(estimate).toMatchObject({ stage: published.l2beat.stage, bound: 'exact' });
      expect(published.l2beat.stage).toBe(1);
      expect(Object.fromEntries(estimate.requirements.map((r) => [r.id, r.status]))).toEqual({
        'proof-system': 'met',
        'outside-challengers': 'met',
        'exit-window-7d': 'met',
        'forced-inclusion': 'met',
        'no-dev-key-upgrader': 'met',
        'permissionless-proofs': 'met',
        'exit-window-30d': 'unmet',
      });
      expect(withSnapshot.chain!.proofSystem!.title).toBe('permissionless fault proofs (respectedGameType 0, CANNON), as the chain\'s contracts reported at block 21,693,174 on Ethereum mainnet (chain id 1)');
    });

    it('counts the Superchain ProxyAdmin owner through its owners: the Foundation\'s 5-of-7 and the Security Council\'s 10-of-13', () => {
      const entities = withSnapshot.entities!;
      const owner = entities.entityOf(parseAddress('0x5a0Aae59D09fccBdDb6C6CcEB07B7279367C3d2A')!);
      expect(owner.declared).toMatchObject({ by: 'verified', verified: { what: 'Safe 2-of-2', block: 21_693_174 } });
      expect(entities.isProperCouncil(owner)).toBe(true);
      expect(collusion(owner, entities)).toBe(15);
    });

    it('says in the report which holders are verified, and the share of roles they hold', () => {
      const data = buildReportData([withSnapshot], { display: (uri) => uri });
      const [chain] = data.chains;
      expect(chain.verifiedShare).toEqual({ verified: 7, total: 7 });
      expect(new Set(chain.holders.map((h) => h.source))).toEqual(new Set(['verified']));
      expect(chain.holders.find((h) => h.label === 'GelatoMultisig')).toMatchObject({ kind: 'a 4-of-10 multisig', parties: 4, verified: 'Safe 4-of-10 at block 21,693,174' });
      expect(renderMarkdown(data)).toContain('7 of 7 roles are held by holders verified on chain (100%).');
      const alone = buildReportData([withoutSnapshot], { display: (uri) => uri }).chains[0];
      expect(alone.verifiedShare).toEqual({ verified: 0, total: 7 });
      expect(alone.holders.find((h) => h.label === '0x6543…b3B4')?.source).toBe('unknown');
    });

    it('shows on hover what an address is, when it was read, and who stands behind it', () => {
      const text = readFileSync(join(INK, 'ink.toml'), 'utf8');
      const documents = lintPaths([join(INK, 'ink.toml')], { resolver: new ConfigResolver(), models: true, now: TODAY });
      const parsed = documents.documents!.get(join(INK, 'ink.toml'))!;
      const report = documents.reports[0];
      const entry = { path: join(INK, 'ink.toml'), version: 1, doc: parsed, report, config: new ConfigResolver().configFor(join(INK, 'ink.toml')), chainDocs: new Map([[join(INK, 'ink.toml'), parsed]]), siblings: [], ms: 0 };
      const at = (needle: string) => parsed.lines.positionAt(text.indexOf(needle) + 3);
      const owner = hoverMarkdown(entry, at('0x5a0Aae59D09fccBdDb6C6CcEB07B7279367C3d2A'))!;
      expect(owner).toMatch(/\*\*Safe 2-of-2\*\* \(verified at block 21,693,174, at an unrecorded time, on Ethereum mainnet \(chain id 1\)\)/);
      // Names are cut at 64 characters, and the card lists the first few who stand behind it.
      expect(owner).toContain('Owners:\n- OP standard ProtocolVersions owner (Optimism Foundation Upgrade…: Safe 5-of-7 (verified)\n  - GnosisSafe: Safe 2-of-2 (verified)\n    - 0xb237…97a5: EOA (single key) (verified)');
      expect(owner).toMatch(/\n- … \d+ more\n/);
      expect(owner.length).toBeLessThan(1500);
      expect(owner).toContain('verified on chain (discovered.json)');
    });
  });
});

describe('reading broken or hostile sources never throws', () => {
  it('truncated, bit-flipped and spliced locks and snapshots give problems, never an exception', () => {
    const snapshot = readFileSync(join(INK, 'discovered.json'), 'utf8');
    const lock = JSON.stringify(lockOf(NESTED, { rollups: { 'evm:48213': { batcher: E1, respectedGameType: 0 } } }), null, 2);
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 64 }), text: fc.constantFrom('', '"', '{', ']', ',', 'null', '__proto__', '"0x', '-1', '1e400', '\\u0000', '[[[[[[[[') });
    fc.assert(
      fc.property(fc.constantFrom(snapshot, lock), fc.array(edit, { minLength: 1, maxLength: 4 }), (text, edits) => {
        let mutated = text;
        for (const { at, cut, text: insert } of edits) {
          const i = at % (mutated.length + 1);
          mutated = mutated.slice(0, i) + insert + mutated.slice(i + cut);
        }
        const converted = convertDiscovery(mutated);
        expect('lock' in converted || typeof converted.problem === 'string').toBe(true);
        const parsed = parseLockText('/virtual/chokepoint.lock.json', mutated);
        expect(parsed.lock !== undefined || parsed.problems.length > 0).toBe(true);
        for (const problem of parsed.problems) expect(problem.span.end).toBeLessThanOrEqual(mutated.length);
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });
});

describe('in the language server', () => {
  it('gives the verified facts to its lint worker, shows them on hover, and lints again when the lock changes', async () => {
    buildIfMissing();
    const toml = registryToml({ ProxyAdminOwner: PROXY_ADMIN });
    const dir = workspace({ 'chokepoint.lock.json': lockOf(NESTED), 'lumen.toml': toml });
    const client = new LspClient();
    try {
      await client.initialize();
      const uri = client.open(join(dir, 'lumen.toml'), toml);
      const codes = () => client.published.get(uri)?.diagnostics.map((d) => d.code) ?? [];
      await client.until(() => codes().includes('short-exit-window'));
      expect(codes()).not.toContain('unverified-authority');
      const line = toml.split('\n').findIndex((l) => l.includes(PROXY_ADMIN));
      const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line, character: toml.split('\n')[line].indexOf(PROXY_ADMIN) + 4 } });
      expect(hover.contents.value).toMatch(/\*\*contract owned by 0x0000…00b0\*\* \(verified at block 21,345,678, (today|1 day ago|[\d,]+ days ago), on Ethereum mainnet \(chain id 1\)\)/);
      expect(hover.contents.value).toContain('Controlled by:\n- 0x0000…00b0: TimelockController with a 14-day delay (verified)\n  - 0x0000…00c0: Safe 2-of-3 (verified)');
      // The ProxyAdmin is handed to a single key on chain, and the lock is verified again.
      writeFileSync(join(dir, 'chokepoint.lock.json'), JSON.stringify(lockOf({ ...NESTED, [PROXY_ADMIN]: { kind: 'contract', owner: E1 } })));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${dir}/chokepoint.lock.json`, type: 2 }] });
      await client.until(() => codes().includes('weak-council'));
    } finally {
      await client.stop();
    }
  });
});
