import { describe, expect, it } from 'vitest';
import type { FileReport } from '../server/src/engine/lint';
import { parseAddress } from '../server/src/engine/model/address';
import { findingsOf, fullText, lintSource, ruleIds } from './helpers/lint';

const HOLDER = '0xA5a106F1eCeaA7083bD4b181E4c97a9531d3Ac80';

interface Placement {
  /** A whole comment line written above the holder's line. */
  above?: string;
  /** A comment written after the holder's value, on its line. */
  trailing?: string;
}

/** An AI-appchain manifest whose upgrade admin is HOLDER, behind a 30-day timelock. */
function manifest({ above, trailing }: Placement = {}): string {
  return [
    'appchain:',
    '  name: Lumen Inference Chain',
    '  chainId: 7420',
    '  network: mainnet',
    '',
    'governance:',
    '  roles:',
    '    - role: upgrade-admin',
    '      title: Upgrade admin',
    ...(above ? [`      ${above}`] : []),
    `      holder: "${HOLDER}"${trailing ? ` ${trailing}` : ''}`,
    '      powers: [upgrade]',
    '      delay: 30d',
    '',
  ].join('\n');
}

/** An op-deployer intent whose SystemConfig owner is HOLDER. */
function intent({ above, trailing }: Placement = {}): string {
  return [
    'configType = "custom"',
    'l1ChainID = 1',
    'fundDevAccounts = false',
    'l1ContractsLocator = "tag://op-contracts/v3.0.0"',
    '',
    '[[chains]]',
    '  id = "0x000000000000000000000000000000000000000000000000000000000000bc55"',
    '  [chains.roles]',
    '    batcher = "0x3b22d34ff1d30f505191b8ecBa6639332E4c328F"',
    ...(above ? [`    ${above}`] : []),
    `    systemConfigOwner = "${HOLDER}"${trailing ? ` ${trailing}` : ''}`,
    '    proposer = "0x9e4B6f42bCd6Ca40ba44b5e2D60A27B215bcA9f7"',
    '',
  ].join('\n');
}

/** An OP deploy config with comments (JSONC) whose SystemConfig owner is HOLDER. */
function deployConfig({ above, trailing }: Placement = {}): string {
  return [
    '{',
    '  "l1ChainID": 1,',
    '  "l2ChainID": 48213,',
    '  "sequencerWindowSize": 3600,',
    '  "batchSenderAddress": "0x3b22d34ff1d30f505191b8ecBa6639332E4c328F",',
    ...(above ? [`  ${above}`] : []),
    `  "finalSystemOwner": "${HOLDER}",${trailing ? ` ${trailing}` : ''}`,
    '  "useFaultProofs": true,',
    '  "respectedGameType": 0',
    '}',
    '',
  ].join('\n');
}

const FORMATS = [
  { format: 'YAML', name: 'appchain.yaml', marker: '#', build: manifest },
  { format: 'TOML', name: 'intent.toml', marker: '#', build: intent },
  { format: 'JSONC', name: 'deploy-config.jsonc', marker: '//', build: deployConfig },
] as const;

const entityOf = (report: FileReport) => report.entities!.entityOf(parseAddress(HOLDER)!);

/** Findings of a rule about HOLDER. */
const about = (report: FileReport, ruleId: string) => findingsOf(report, ruleId).filter((f) => f.subjects.includes(parseAddress(HOLDER)!.key));

describe.each(FORMATS)('declarations in $format', ({ name, marker, build }) => {
  it('an undeclared holder is unverified, not weak', () => {
    const report = lintSource(name, build());
    expect(about(report, 'unverified-authority')).toHaveLength(1);
    expect(findingsOf(report, 'weak-council')).toEqual([]);
  });

  it.each(['trailing', 'above'] as const)('declaring the holder an eoa (%s) makes weak-council fire', (where) => {
    const report = lintSource(name, build({ [where]: `${marker} chokepoint: eoa` }));
    const weak = findingsOf(report, 'weak-council');
    expect(weak).toHaveLength(1);
    expect(weak[0].severity).toBe('error');
    expect(weak[0].message).toContain('single key (EOA)');
    expect(about(report, 'unverified-authority')).toEqual([]);
    expect(ruleIds(report)).not.toContain('invalid-directive');
  });

  it.each(['trailing', 'above'] as const)('declaring "multisig 6-of-8 timelock 7d" (%s) makes it a proper council', (where) => {
    const report = lintSource(name, build({ [where]: `${marker} chokepoint: multisig 6-of-8 timelock 7d` }));
    expect(findingsOf(report, 'weak-council')).toEqual([]);
    expect(about(report, 'unverified-authority')).toEqual([]);
    expect(ruleIds(report)).not.toContain('invalid-directive');
    expect(entityOf(report)).toMatchObject({ kind: 'multisig', threshold: 6, signers: 8, delaySeconds: 7 * 86_400 });
  });

  it.each(['trailing', 'above'] as const)('reads a declaration written as prose (%s)', (where) => {
    const report = lintSource(name, build({ [where]: `${marker} chokepoint: a 6-of-8 multisig behind a 7-day timelock, entity security-council` }));
    expect(findingsOf(report, 'weak-council')).toEqual([]);
    expect(ruleIds(report)).not.toContain('invalid-directive');
    expect(entityOf(report)).toMatchObject({ id: 'security-council', kind: 'multisig', threshold: 6, signers: 8, delaySeconds: 7 * 86_400 });
  });

  it('reads every part of the documented form "multisig 6-of-8 timelock 7d external 3 entity security-council"', () => {
    const report = lintSource(name, build({ trailing: `${marker} chokepoint: multisig 6-of-8 timelock 7d external 3 entity security-council` }));
    expect(entityOf(report)).toMatchObject({ id: 'security-council', kind: 'multisig', threshold: 6, signers: 8, delaySeconds: 7 * 86_400, external: 3 });
    expect(findingsOf(report, 'weak-council')).toEqual([]);
  });

  it('a 6-of-8 without enough outside signers to block a quorum is not a proper council', () => {
    const report = lintSource(name, build({ trailing: `${marker} chokepoint: multisig 6-of-8 external 1` }));
    expect(entityOf(report)).toMatchObject({ threshold: 6, signers: 8, external: 1 });
    const weak = findingsOf(report, 'weak-council');
    expect(weak).toHaveLength(1);
    expect(fullText(weak[0])).toContain('1 external signer where 3 are needed to block a quorum');
  });

  it('a thin multisig declaration makes weak-council warn', () => {
    const report = lintSource(name, build({ trailing: `${marker} chokepoint: multisig 2-of-3` }));
    const weak = findingsOf(report, 'weak-council');
    expect(weak.map((f) => f.severity)).toEqual(['warning']);
    expect(weak[0].message).toContain('2-of-3 multisig');
  });

  it('a declaration without a kind or an entity is invalid and declares nothing', () => {
    const report = lintSource(name, build({ trailing: `${marker} chokepoint: looks fine to me` }));
    expect(findingsOf(report, 'invalid-directive')).toHaveLength(1);
    expect(about(report, 'unverified-authority')).toHaveLength(1);
  });

  it('a declaration about a line without an address is invalid', () => {
    const text = build().replace(/\n$/, `\n${marker} chokepoint: eoa\n`);
    const invalid = findingsOf(lintSource(name, text), 'invalid-directive');
    expect(invalid).toHaveLength(1);
    expect(invalid[0].message).toContain('holds no address');
  });
});

describe('a declared timelock in front of an upgrader', () => {
  const withUpgrader = (declaration: string) => intent().replace('    batcher =', `    l1ProxyAdminOwner = "0x27602dD911fb464861C93765215E5427eCaf5d9A" # chokepoint: ${declaration}\n    batcher =`);

  it.each([
    ['multisig 4-of-7 timelock 2d', 2],
    ['multisig 4-of-7 timelock 30d', 30],
    ['a 4-of-7 multisig behind a 30-day timelock', 30],
    ['multisig 4 of 7, 30d timelock', 30],
  ])('"%s" is a %i-day timelock', (declaration, days) => {
    const report = lintSource('intent.toml', withUpgrader(declaration));
    expect(report.entities!.entityOf(parseAddress('0x27602dD911fb464861C93765215E5427eCaf5d9A')!).delaySeconds).toBe(days * 86_400);
    const exit = findingsOf(report, 'short-exit-window');
    if (days < 7) expect(exit.map((f) => f.message)).toEqual([expect.stringContaining(`after ${days} days`)]);
    else expect(exit).toEqual([]);
  });
});

describe.each(FORMATS)('suppressions in $format', ({ name, marker, build }) => {
  const eoa = `${marker} chokepoint: eoa`;
  const suppress = (rest: string) => build({ above: `${marker} chokepoint-disable-next-line ${rest}`, trailing: eoa });

  it('the unsuppressed file has the weak-council error', () => {
    expect(findingsOf(lintSource(name, build({ trailing: eoa })), 'weak-council')).toHaveLength(1);
  });

  it('with a reason, moves the finding to report.suppressed', () => {
    const report = lintSource(name, suppress('weak-council -- the key moves to the council Safe in the March upgrade'));
    expect(findingsOf(report, 'weak-council')).toEqual([]);
    expect(report.suppressed.map((f) => f.ruleId)).toEqual(['weak-council']);
    expect(report.suppressed[0].suppression).toEqual({ kind: 'inline', reason: 'the key moves to the council Safe in the March upgrade', expires: undefined });
    expect(ruleIds(report)).not.toContain('unused-suppression');
    expect(ruleIds(report)).not.toContain('invalid-directive');
  });

  it('without a reason, is invalid and the finding stays', () => {
    const report = lintSource(name, suppress('weak-council'));
    expect(findingsOf(report, 'weak-council')).toHaveLength(1);
    expect(report.suppressed).toEqual([]);
    const invalid = findingsOf(report, 'invalid-directive');
    expect(invalid).toHaveLength(1);
    expect(invalid[0].message).toContain('needs a reason');
  });

  it('before its expiry date, still suppresses', () => {
    const report = lintSource(name, suppress('weak-council expires 2026-11-22 -- until the council Safe is deployed'));
    expect(findingsOf(report, 'weak-council')).toEqual([]);
    expect(report.suppressed[0].suppression?.expires).toBe('2026-11-22');
  });

  it('after its expiry date, the finding returns with an expired-suppression finding', () => {
    const report = lintSource(name, suppress('weak-council expires 2026-11-01 -- until the council Safe is deployed'));
    expect(findingsOf(report, 'weak-council')).toHaveLength(1);
    expect(report.suppressed).toEqual([]);
    const expired = findingsOf(report, 'expired-suppression');
    expect(expired).toHaveLength(1);
    expect(expired[0].message).toContain('expired on 2026-11-01');
    expect(ruleIds(report)).not.toContain('unused-suppression');
  });

  it('naming a rule with no finding on the next line, is reported as unused', () => {
    const report = lintSource(name, suppress('role-collapse -- the roles are split in the next release'));
    expect(findingsOf(report, 'weak-council')).toHaveLength(1);
    const unused = findingsOf(report, 'unused-suppression');
    expect(unused).toHaveLength(1);
    expect(unused[0].message).toContain('role-collapse');
  });

  it('naming an unknown rule, is invalid and suppresses nothing', () => {
    const report = lintSource(name, suppress('weak-councils -- typo in the rule id'));
    expect(findingsOf(report, 'weak-council')).toHaveLength(1);
    const invalid = findingsOf(report, 'invalid-directive');
    expect(invalid).toHaveLength(1);
    expect(invalid[0].message).toContain('"weak-councils"');
    expect(ruleIds(report), 'one mistake, one finding').not.toContain('unused-suppression');
  });

  it('with an expiry that is not a date, is invalid', () => {
    const report = lintSource(name, suppress('weak-council expires next-spring -- soon'));
    expect(findingsOf(report, 'weak-council')).toHaveLength(1);
    expect(findingsOf(report, 'invalid-directive')[0].message).toContain('"next-spring" is not a date');
  });

  it('can name several rules at once', () => {
    const report = lintSource(name, suppress('weak-council, unverified-authority -- accepted until the council Safe is deployed'));
    expect(findingsOf(report, 'weak-council')).toEqual([]);
    expect(ruleIds(report)).not.toContain('unused-suppression');
  });
});

describe('a suppression in a JSONC block comment', () => {
  it('speaks about the line after the comment ends, and gives its reason as one visible line', () => {
    const comment = '/* chokepoint-disable-next-line weak-council -- the key moves to the council Safe\n     ::error::in the March upgrade \u202E */';
    const report = lintSource('deploy-config.jsonc', deployConfig({ above: comment, trailing: '// chokepoint: eoa' }));
    expect(findingsOf(report, 'weak-council')).toEqual([]);
    expect(ruleIds(report)).not.toContain('unused-suppression');
    expect(report.suppressed[0].suppression?.reason).toBe('the key moves to the council Safe      ::error::in the March upgrade \\u{202E}');
  });
});

describe('.chokepoint.yaml suppressions', () => {
  const PROXY_ADMIN_OWNER = '0x27602dD911fb464861C93765215E5427eCaf5d9A';
  const json = JSON.stringify(
    {
      l1ChainID: 1,
      l2ChainID: 48213,
      sequencerWindowSize: 3600,
      batchSenderAddress: '0x3b22d34ff1d30f505191b8ecBa6639332E4c328F',
      proxyAdminOwner: PROXY_ADMIN_OWNER,
      finalSystemOwner: HOLDER,
      useFaultProofs: true,
      respectedGameType: 0,
    },
    null,
    2,
  );
  const NAME = 'op-stack/deploy-config.json';
  const suppression = (fields: string) => `suppressions:\n  - rule: unverified-authority\n${fields}    reason: The ProxyAdmin owner is the Lumen 6-of-8 council; its declaration lands with the handover.\n`;
  const warnings = (report: FileReport) => findingsOf(report, 'unverified-authority').filter((f) => f.severity === 'warning');

  it('without them, both control roles are unverified', () => {
    expect(warnings(lintSource(NAME, json))).toHaveLength(2);
  });

  it('with files and address, suppress only that holder\'s finding in a JSON file and are recorded as used', () => {
    const report = lintSource(NAME, json, suppression(`    files: "op-stack/*.json"\n    address: "${PROXY_ADMIN_OWNER.toLowerCase()}"\n`));
    expect(warnings(report).map((f) => f.message)).toEqual([expect.stringContaining('0xA5a1…Ac80')]);
    expect(report.suppressed).toHaveLength(1);
    expect(report.suppressed[0].ruleId).toBe('unverified-authority');
    expect(report.suppressed[0].suppression).toMatchObject({ kind: 'config', reason: expect.stringContaining('6-of-8 council') });
    expect(report.suppressed[0].message).toContain('0x2760…5d9A');
    expect(report.usedConfigSuppressions).toEqual([0]);
  });

  it('do not apply to files outside their glob', () => {
    const report = lintSource(NAME, json, suppression(`    files: "other-chain/*.json"\n    address: "${PROXY_ADMIN_OWNER}"\n`));
    expect(warnings(report)).toHaveLength(2);
    expect(report.suppressed).toEqual([]);
    expect(report.usedConfigSuppressions).toEqual([]);
  });

  it('do not apply to findings about other addresses', () => {
    const report = lintSource(NAME, json, suppression(`    files: "**/*.json"\n    address: "0x2e88f3557F7e8de9f86d8F5bD2e4a7770Cba85e5"\n`));
    expect(warnings(report)).toHaveLength(2);
    expect(report.usedConfigSuppressions).toEqual([]);
  });

  it('stop applying after their expiry date', () => {
    const report = lintSource(NAME, json, suppression(`    files: "op-stack/*.json"\n    address: "${PROXY_ADMIN_OWNER}"\n    expires: "2026-11-21"\n`));
    expect(warnings(report)).toHaveLength(2);
    expect(report.suppressed).toEqual([]);
  });

  it('without files or address, suppress every finding of the rule and record the index of the entry that matched', () => {
    const config = `suppressions:\n  - rule: role-collapse\n    reason: Not used here.\n  - rule: unverified-authority\n    reason: Every holder is reviewed in the launch checklist.\n`;
    const report = lintSource(NAME, json, config);
    expect(about(report, 'unverified-authority')).toEqual([]);
    expect(report.suppressed.every((f) => f.ruleId === 'unverified-authority')).toBe(true);
    expect(report.suppressed.length).toBeGreaterThanOrEqual(3);
    expect(report.usedConfigSuppressions).toEqual([1]);
  });
});
