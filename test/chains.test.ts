import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../server/src/engine/config/discover';
import { lintPaths } from '../server/src/engine/workspace';

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

const lint = (paths: string[]) => lintPaths(paths, { resolver: new ConfigResolver() });

describe('a chain is a folder: its files are linted together', () => {
  it('adds up one holder\'s powers across files: upgrade in the deploy config, pause in the manifest', () => {
    const dir = workspace({ 'deploy-config.json': DEPLOY, 'appchain.yaml': MANIFEST });
    const { reports } = lint([dir]);
    const collapse = reports.flatMap((r) => r.findings).filter((f) => f.ruleId === 'role-collapse');
    expect(collapse).toHaveLength(1);
    expect(collapse[0].message).toMatch(/holds 2 critical roles \((L1 ProxyAdmin owner and minter|minter and L1 ProxyAdmin owner)\)/);
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
