import { describe, expect, it } from 'vitest';
import { stageText } from '../server/src/engine/stages';
import { summarize, summaryText } from '../server/src/engine/summary';
import { lintSource } from './helpers/lint';

const base = {
  l1ChainID: 1,
  l2ChainID: 48213,
  l1BlockTime: 12,
  sequencerWindowSize: 3600,
  useFaultProofs: true,
  respectedGameType: 0,
  proofMaturityDelaySeconds: 604800,
  proxyAdminOwner: '0x1111111111111111111111111111111111111111',
  superchainConfigGuardian: '0x2222222222222222222222222222222222222222',
};

const lint = (config: Record<string, unknown>, yaml?: string) => summarize(lintSource('deploy-config.json', JSON.stringify(config, null, 2), yaml));

const council = (delay?: string, threshold = 6, signers = 8) => `entities:\n  upgrader:\n    kind: multisig\n    threshold: ${threshold}\n    signers: ${signers}\n${delay ? `    delay: ${delay}\n` : ''}    addresses: ["0x1111111111111111111111111111111111111111"]\n`;

describe('stage estimate: never above what the configuration shows', () => {
  const stage = (config: Record<string, unknown>, yaml?: string) => lint(config, yaml).stage!;

  it('is "at most Stage 0" while the upgrader is undeclared, and names the declaration that would lift it', () => {
    const estimate = stage(base);
    expect(estimate).toMatchObject({ applies: true, kind: 'rollup', stage: 0, bound: 'at-most' });
    expect(stageText(estimate)).toBe('At most Stage 0');
    expect(estimate.missing).toEqual([expect.stringMatching(/^what 0x1111…1111 \(L1 ProxyAdmin owner\) is: a single key, a multisig or a timelock, and its delay \(declare it under `entities:`/)]);
    expect(estimate.requirements.find((r) => r.id === 'exit-window-7d')).toMatchObject({ status: 'unknown' });
  });

  it('is Stage 0 when a thin multisig upgrades with less than 7 days to exit', () => {
    expect(stage(base, council('10d', 2, 3))).toMatchObject({ stage: 0, bound: 'exact' });
  });

  it('is Stage 1 for a thin multisig behind a timelock leaving at least 7 days', () => {
    expect(stage(base, council('14d', 2, 3))).toMatchObject({ stage: 1, bound: 'exact' });
  });

  it('is Stage 1, not 2, when a proper council can upgrade with no delay: Stage 2 needs 30 days for upgrades not limited to provable bugs', () => {
    const estimate = stage(base, council());
    expect(estimate).toMatchObject({ stage: 1, bound: 'exact' });
    expect(estimate.requirements.filter((r) => r.status === 'unmet').map((r) => r.id)).toEqual(['exit-window-30d']);
    expect(stage(base, council('37d'))).toMatchObject({ stage: 2, bound: 'exact' });
  });

  it('is Stage 0 with permissioned proofs and one whitelisted challenger (L2BEAT asks for 5)', () => {
    const estimate = stage({ ...base, respectedGameType: 1, l2OutputOracleChallenger: '0x3333333333333333333333333333333333333333' }, council());
    expect(estimate).toMatchObject({ stage: 0, bound: 'exact' });
    expect(estimate.requirements.find((r) => r.id === 'outside-challengers')?.status).toBe('unmet');
  });

  it('is Stage 0 with a test game type that proves nothing, or forced inclusion beyond the exit window', () => {
    expect(stage({ ...base, respectedGameType: 254 }, council())).toMatchObject({ stage: 0, bound: 'exact' });
    expect(stage({ ...base, sequencerWindowSize: 60_000 }, council())).toMatchObject({ stage: 0, bound: 'exact' });
  });

  it('is unknown when the files do not say which proof system checks the state, and never Stage 2 for it', () => {
    const toml = 'name = "Example Mainnet"\nchain_id = 48213\nseq_window_size = 3600\nbatch_inbox_addr = "0xff00000000000000000000000000000000048213"\n\n[roles]\n  ProxyAdminOwner = "0x5a0Aae59D09fccBdDb6C6CcEB07B7279367C3d2A"\n';
    const estimate = summarize(lintSource('chain.toml', toml)).stage!;
    expect(estimate).toMatchObject({ applies: true, bound: 'unknown' });
    expect(estimate.stage).toBeUndefined();
    expect(stageText(estimate)).toBe('Stage unknown');
    expect(estimate.missing[0]).toMatch(/^which dispute game withdrawals respect/);
  });

  it('gives chains with their own consensus no rollup stage', () => {
    const report = lintSource('appchain.yaml', 'appchain:\n  name: X\ninfrastructure:\n  inference:\n    name: a\n    operators: [b]\n');
    expect(summarize(report).stage).toMatchObject({ applies: false, kind: 'own-consensus' });
    expect(summaryText(summarize(report))).toBe('Not a rollup');
  });
});

describe('fewest parties to collude', () => {
  it('is 1 while a control power sits with an undeclared address or a single key', () => {
    const summary = lint(base);
    expect(summary.fewestParties).toBe(1);
    expect(summaryText(summary)).toBe('At most Stage 0 · Fewest parties to collude: 1');
  });

  it('is the smallest threshold among holders of control powers', () => {
    const yaml = `${council()}  guardian:\n    kind: multisig\n    threshold: 3\n    signers: 5\n    addresses: ["0x2222222222222222222222222222222222222222"]\n`;
    const summary = lint(base, yaml);
    expect(summary.fewestParties).toBe(3);
    expect(summary.weakest).toBe('guardian');
  });

  it('counts errors, warnings and infos', () => {
    const summary = lint({ ...base, fundDevAccounts: true });
    expect(summary.errors).toBeGreaterThan(0);
    expect(summary.errors + summary.warnings + summary.infos).toBeGreaterThan(1);
  });
});
