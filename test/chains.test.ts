import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../server/src/engine/config/discover';
import { lintPaths } from '../server/src/engine/workspace';
import { fullText } from './helpers/lint';

const HOLDER = '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8';
const DEPLOY = JSON.stringify({ l1ChainID: 1, l2ChainID: 48213, sequencerWindowSize: 3600, proxyAdminOwner: HOLDER }, null, 2);
const MANIFEST = `appchain:\n  name: One Chain\n  network: mainnet\ngovernance:\n  roles:\n    - role: minter\n      holder: "${HOLDER}"\n      powers: [pause]\n`;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-chain-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const lint = (paths: string[]) => lintPaths(paths, { resolver: new ConfigResolver(), models: true });

describe('a chain is a folder: its files are linted together', () => {
  it('adds up one holder\'s powers across files: upgrade in the deploy config, pause in the manifest', () => {
    const dir = workspace({ 'deploy-config.json': DEPLOY, 'appchain.yaml': MANIFEST });
    const { reports } = lint([dir]);
    const collapse = reports.flatMap((r) => r.findings).filter((f) => f.ruleId === 'role-collapse');
    expect(collapse).toHaveLength(1);
    expect(collapse[0].message).toMatch(/is (the L1 ProxyAdmin owner and the minter|the minter and the L1 ProxyAdmin owner): /);
    expect(fullText(collapse[0])).toMatch(/holds 2 critical roles \((L1 ProxyAdmin owner and minter|minter and L1 ProxyAdmin owner)\)/);
    const files = new Set([collapse[0].uri, ...collapse[0].related.map((r) => r.uri)]);
    expect(files).toEqual(new Set([join(dir, 'deploy-config.json'), join(dir, 'appchain.yaml')]));
  });

  it('a file named alone is linted with its folder as context, and only it is reported', () => {
    const dir = workspace({ 'deploy-config.json': DEPLOY, 'appchain.yaml': MANIFEST });
    const { reports } = lint([join(dir, 'appchain.yaml')]);
    expect(reports.map((r) => r.uri)).toEqual([join(dir, 'appchain.yaml')]);
    const collapse = reports[0].findings.find((f) => f.ruleId === 'role-collapse');
    expect(collapse?.related.map((r) => r.uri)).toContain(join(dir, 'deploy-config.json'));
  });

  it('files named `asFound` (a changed file\'s chain, re-linted) are reported as a scan of their folder reports them', () => {
    const dir = workspace({ '.chokepoint.yaml': 'ignore: ["skipped.json"]\n', 'deploy-config.json': DEPLOY, 'appchain.yaml': MANIFEST, 'notes.json': '{"a": 1}', 'skipped.json': DEPLOY });
    const names = ['appchain.yaml', 'deploy-config.json', 'notes.json', 'skipped.json'];
    const plain = (paths: string[], asFound?: boolean) => lintPaths(paths, { resolver: new ConfigResolver(), asFound }).reports;
    const found = plain(names.map((name) => join(dir, name)), true);
    expect(found.map((r) => basename(r.uri))).toEqual(['appchain.yaml', 'deploy-config.json']);
    expect(found).toEqual(plain([dir]));
    // Named explicitly, the same files are all reported, the unrecognized one included.
    expect(plain(names.map((name) => join(dir, name))).map((r) => basename(r.uri))).toEqual(names);
  });

  it('files in different folders are different chains', () => {
    const dir = workspace({ 'a/deploy-config.json': DEPLOY, 'b/appchain.yaml': MANIFEST });
    const { reports } = lint([dir]);
    expect(reports.flatMap((r) => r.findings).some((f) => f.ruleId === 'role-collapse')).toBe(false);
  });

  it('a chains: entry in .chokepoint.yaml joins files of different folders into one chain', () => {
    const dir = workspace({
      '.chokepoint.yaml': 'chains:\n  lumen:\n    files: ["l1/**", "l2/**"]\n',
      'l1/deploy-config.json': DEPLOY,
      'l2/appchain.yaml': MANIFEST,
    });
    const whole = lint([dir]).reports.flatMap((r) => r.findings).filter((f) => f.ruleId === 'role-collapse');
    expect(whole).toHaveLength(1);
    // Whichever file is asked for, the finding lands in the same one, as in the whole-folder run.
    const alone = [lint([join(dir, 'l1', 'deploy-config.json')]), lint([join(dir, 'l2', 'appchain.yaml')])].flatMap((r) => r.reports);
    const separately = alone.flatMap((r) => r.findings).filter((f) => f.ruleId === 'role-collapse');
    expect(separately.map((f) => [f.uri, f.range])).toEqual(whole.map((f) => [f.uri, f.range]));
  });
});

describe('a chain is an identity: files of different chains in one folder are never merged', () => {
  const deploy = (l2: number, l1 = 1, owner = HOLDER) => JSON.stringify({ l1ChainID: l1, l2ChainID: l2, sequencerWindowSize: 3600, proxyAdminOwner: owner, superchainConfigGuardian: owner }, null, 2);
  const chainOfFile = (reports: { uri: string; chain?: unknown }[], name: string) => reports.find((r) => r.uri.endsWith(name))?.chain;

  it('keeps two deploy configs of different L2 chain ids apart, even with one owner', () => {
    const dir = workspace({ 'a.json': deploy(48213), 'b.json': deploy(48214) });
    const { reports } = lint([dir]);
    expect(chainOfFile(reports, 'a.json')).not.toBe(chainOfFile(reports, 'b.json'));
    // Each is linted as if alone: its own role collapse, related to its own file only.
    for (const report of reports) {
      const collapse = report.findings.filter((f) => f.ruleId === 'role-collapse');
      expect(collapse).toHaveLength(1);
      expect(new Set(collapse[0].related.map((r) => r.uri))).toEqual(new Set([report.uri]));
    }
  });

  it('keeps one chain id on two parent chains apart: a mainnet and a testnet deployment', () => {
    const dir = workspace({ 'mainnet.json': deploy(48213, 1), 'sepolia.json': deploy(48213, 11155111) });
    const { reports } = lint([dir]);
    expect(reports.map((r) => [basename(r.uri), r.chain?.chain.network])).toEqual([['mainnet.json', 'mainnet'], ['sepolia.json', 'testnet']]);
  });

  it('joins a file that states no chain id to the one chain of its folder, and keeps it alone when there are two', () => {
    const one = workspace({ 'deploy.json': deploy(48213), 'appchain.yaml': MANIFEST });
    const joined = lint([one]).reports;
    expect(chainOfFile(joined, 'appchain.yaml')).toBe(chainOfFile(joined, 'deploy.json'));
    const two = workspace({ 'deploy.json': deploy(48213), 'other.json': deploy(48214), 'appchain.yaml': MANIFEST });
    const apart = lint([two]).reports;
    const manifest = chainOfFile(apart, 'appchain.yaml');
    expect(manifest).not.toBe(chainOfFile(apart, 'deploy.json'));
    expect(manifest).not.toBe(chainOfFile(apart, 'other.json'));
  });

  it('does not join a file of another framework, nor one that names another network', () => {
    const upgrade = JSON.stringify({ precompileUpgrades: [{ txAllowListConfig: { blockTimestamp: 1, adminAddresses: [HOLDER] } }] });
    const dir = workspace({ 'deploy.json': deploy(48213), 'upgrade.json': upgrade, 'appchain.yaml': MANIFEST.replace('network: mainnet', 'network: testnet') });
    const { reports } = lint([dir]);
    const deployChain = chainOfFile(reports, 'deploy.json');
    expect(chainOfFile(reports, 'upgrade.json')).not.toBe(deployChain);
    expect(chainOfFile(reports, 'appchain.yaml')).not.toBe(deployChain);
  });

  it('a chains: entry still groups explicitly, whatever the files state', () => {
    const dir = workspace({ '.chokepoint.yaml': 'chains:\n  both:\n    files: ["*.json"]\n', 'a.json': deploy(48213), 'b.json': deploy(48214) });
    const { reports } = lint([dir]);
    expect(chainOfFile(reports, 'a.json')).toBe(chainOfFile(reports, 'b.json'));
  });
});

describe('a power one file leaves unstated', () => {
  const fixture = JSON.parse(readFileSync('test/fixtures/rules/unstated-authority/fires-consumer-without-gov.json', 'utf8'));
  const settled = structuredClone(fixture);
  settled.app_state.upgrade = { authority: 'cosmos10gwuung7xtut0n56pt7gsgp8eh785v7vp2qmgc' };
  const unstated = (dir: string) => lint([dir]).reports.flatMap((r) => r.findings).filter((f) => f.ruleId === 'unstated-authority');

  it('is reported when no file of the chain names its holder', () => {
    expect(unstated(workspace({ 'genesis.json': JSON.stringify(fixture, null, 2) }))).toHaveLength(1);
  });

  it('is settled by another file of the same chain that names it', () => {
    const dir = workspace({ 'genesis.json': JSON.stringify(fixture, null, 2), 'exported-genesis.json': JSON.stringify(settled, null, 2) });
    expect(unstated(dir)).toEqual([]);
    const authority = lint([dir]).reports.flatMap((r) => r.findings).filter((f) => f.ruleId === 'root-authority');
    expect(authority.map((f) => f.message).join('\n')).toMatch(/upgrade module authority/);
  });
});
