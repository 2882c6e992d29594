import { describe, expect, it } from 'vitest';
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

describe('stage estimate', () => {
  it('is Stage 0 when an undeclared upgrader can upgrade instantly, as L2BEAT scores it', () => {
    expect(lint(base).stage).toBe(0);
  });

  it('is Stage 0 when a thin multisig upgrades with less than 7 days to exit', () => {
    expect(lint(base, council('10d', 2, 3)).stage).toBe(0);
  });

  it('is Stage 1 for a thin multisig behind a timelock leaving at least 7 days, or with permissioned proofs', () => {
    expect(lint(base, council('14d', 2, 3)).stage).toBe(1);
    expect(lint({ ...base, respectedGameType: 1 }, council()).stage).toBe(1);
  });

  it('is Stage 2 when only a proper council upgrades and proofs are permissionless', () => {
    expect(lint(base, council()).stage).toBe(2);
  });

  it('is Stage 0 with a test game type that proves nothing, or forced inclusion beyond the exit window', () => {
    expect(lint({ ...base, respectedGameType: 254 }, council()).stage).toBe(0);
    expect(lint({ ...base, sequencerWindowSize: 60_000 }, council()).stage).toBe(0);
  });

  it('does not apply to a manifest without upgrade powers or a proof system', () => {
    const report = lintSource('appchain.yaml', 'appchain:\n  name: X\ninfrastructure:\n  inference:\n    name: a\n    operators: [b]\n');
    expect(summarize(report).stage).toBeUndefined();
  });
});

describe('collusion count (Nakamoto of control)', () => {
  it('is 1 while a control power sits with an undeclared address or a single key', () => {
    const summary = lint(base);
    expect(summary.nakamoto).toBe(1);
    expect(summaryText(summary)).toBe('Stage 0 · Nakamoto 1');
  });

  it('is the smallest threshold among holders of control powers', () => {
    const yaml = `${council()}  guardian:\n    kind: multisig\n    threshold: 3\n    signers: 5\n    addresses: ["0x2222222222222222222222222222222222222222"]\n`;
    const summary = lint(base, yaml);
    expect(summary.nakamoto).toBe(3);
    expect(summary.weakest).toBe('guardian');
  });

  it('counts errors, warnings and infos', () => {
    const summary = lint({ ...base, fundDevAccounts: true });
    expect(summary.errors).toBeGreaterThan(0);
    expect(summary.errors + summary.warnings + summary.infos).toBeGreaterThan(1);
  });
});
