/**
 * The Avalanche adapters: Subnet-EVM genesis (precompile allow lists, warp, alloc, the predeployed
 * validator manager), upgrade.json (precompileUpgrades) and avalanche-cli bootstrap validators.
 * Inputs are written inline for these tests; none is copied from a real chain.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subnetEvmGenesis } from '../../server/src/engine/adapters/avalanche/genesis';
import { avalancheBootstrapValidators } from '../../server/src/engine/adapters/avalanche/bootstrap-validators';
import { subnetEvmUpgrade } from '../../server/src/engine/adapters/avalanche/upgrade';
import { accountAddress, addressInWord, ERC1967_ADMIN_SLOT, readStorage } from '../../server/src/engine/adapters/evm-storage';
import { ConfigResolver } from '../../server/src/engine/config/discover';
import { ModelBuilder } from '../../server/src/engine/model/builder';
import type { Grant, Origin } from '../../server/src/engine/model/schema';
import { parseDocument } from '../../server/src/engine/parse';
import { underlined } from '../helpers/fixtures';
import { lintPaths } from '../../server/src/engine/workspace';
import { findingsOf, fullText, lintSource, TODAY } from '../helpers/lint';

const EWOQ = '0x8db97C7cEcE249c2b98bDC0226Cc4C2A57BF52FC';
const A = '0x3a91c7d2e54f0b6a8c19d4e7f2b05a63c8e1d907';
const B = '0x5be0f4a9c3d28e17b6a05f9c4d3e2b1a09f8e7d6';
const C = '0x7c2d9e4f1a0b8c3d6e5f4a3b2c1d0e9f8a7b6c5d';
const D = '0x9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d';

const FEE_CONFIG = { gasLimit: 15000000, minBaseFee: 25000000000, targetGas: 20000000, baseFeeChangeDenominator: 36, minBlockGasCost: 0, maxBlockGasCost: 1000000, targetBlockRate: 2, blockGasCostStep: 200000 };
/** Four equal holders: no supply concentration to get in the way. */
const EVEN_ALLOC = Object.fromEntries([A, B, C, D].map((a) => [a, { balance: '0x3635c9adc5dea00000' }]));

function genesis(config: Record<string, unknown>, alloc: Record<string, unknown> = EVEN_ALLOC): string {
  return JSON.stringify({ config: { chainId: 68420, subnetEVMTimestamp: 0, feeConfig: FEE_CONFIG, ...config }, alloc, gasLimit: '0xe4e1c0', difficulty: '0x0' }, null, 2);
}

/** The text an origin points at, without quotes. */
function at(text: string, origin: Origin): string {
  const located = parseDocument('/virtual/x.json', text).locate(origin.path);
  expect(located, JSON.stringify(origin.path)).toBeDefined();
  return text.slice(located!.value.start, located!.value.end).replace(/^"|"$/g, '');
}

function grantsOf(text: string, name = 'genesis.json'): Grant[] {
  const report = lintSource(name, text);
  expect(report.model, 'the file is recognized').toBeDefined();
  return report.model!.grants;
}

describe('detection', () => {
  it('recognizes a Subnet-EVM genesis, an upgrade.json and a bootstrap validator list by content', () => {
    expect(lintSource('a.json', genesis({ warpConfig: { blockTimestamp: 0 } })).adapter?.id).toBe('avalanche-subnet-evm-genesis');
    expect(lintSource('b.json', JSON.stringify({ precompileUpgrades: [{ txAllowListConfig: { blockTimestamp: 1, adminAddresses: [A] } }] })).adapter?.id).toBe('avalanche-subnet-evm-upgrade');
    expect(lintSource('c.json', JSON.stringify([{ NodeID: 'NodeID-3u7FYGqDfYjjsP6VSznB5be4mHHXjcvmv', Weight: 1 }])).adapter?.id).toBe('avalanche-bootstrap-validators');
  });

  it('leaves a plain geth genesis alone', () => {
    const geth = JSON.stringify({ config: { chainId: 1337, homesteadBlock: 0, londonBlock: 0 }, alloc: EVEN_ALLOC });
    expect(lintSource('geth.json', geth).adapter?.id).not.toBe('avalanche-subnet-evm-genesis');
    expect(subnetEvmGenesis.detect(JSON.parse(geth))).toBe(0);
  });

  it('sniffs every file detect accepts, in JSON or YAML', () => {
    const texts: [typeof subnetEvmGenesis, string][] = [
      [subnetEvmGenesis, genesis({ allowFeeRecipients: true })],
      [subnetEvmGenesis, 'config:\n  chainId: 5\n  feeManagerConfig:\n    blockTimestamp: 0\nalloc: {}\n'],
      [subnetEvmUpgrade, 'precompileUpgrades: []\n'],
      [avalancheBootstrapValidators, '- NodeID: NodeID-3u7FYGqDfYjjsP6VSznB5be4mHHXjcvmv\n  Weight: 1\n'],
    ];
    for (const [adapter, text] of texts) {
      const doc = parseDocument(text.startsWith('{') || text.startsWith('[') ? '/v/x.json' : '/v/x.yaml', text);
      expect(adapter.detect(doc.value), text.slice(0, 40)).toBeGreaterThan(0.5);
      expect(adapter.sniff.test(text), text.slice(0, 40)).toBe(true);
    }
  });
});

describe('precompile allow lists', () => {
  const text = genesis({
    contractNativeMinterConfig: { blockTimestamp: 0, adminAddresses: [A], managerAddresses: [B], enabledAddresses: [C], initialMint: { [D]: '0x64' } },
    txAllowListConfig: { blockTimestamp: 0, adminAddresses: [A], managerAddresses: [B], enabledAddresses: [C, D] },
    contractDeployerAllowListConfig: { blockTimestamp: 0, adminAddresses: [B], enabledAddresses: [D] },
    feeManagerConfig: { blockTimestamp: 0, enabledAddresses: [C] },
    rewardManagerConfig: { blockTimestamp: 0, adminAddresses: [D], initialRewardConfig: { rewardAddress: A } },
  });
  const grants = grantsOf(text);
  const byRole = (role: string) => grants.filter((g) => g.role === role);

  it('any admin, manager or enabled address of the native minter can mint', () => {
    for (const list of ['adminAddresses', 'managerAddresses', 'enabledAddresses']) {
      const [grant] = byRole(`contractNativeMinterConfig.${list}`);
      expect(grant.powers, list).toEqual(['mint']);
      expect(grant.critical).toBe(true);
    }
    expect(byRole('contractNativeMinterConfig.enabledAddresses')[0].holder.key).toBe(`b20:${C.slice(2)}`);
  });

  it('the transaction allow list is a censorship switch for its admins and managers; enabled senders hold nothing', () => {
    expect(byRole('txAllowListConfig.adminAddresses').map((g) => g.powers)).toEqual([['censor']]);
    expect(byRole('txAllowListConfig.managerAddresses').map((g) => g.powers)).toEqual([['censor']]);
    expect(byRole('txAllowListConfig.enabledAddresses')).toEqual([]);
    expect(byRole('contractDeployerAllowListConfig.adminAddresses').map((g) => g.title)).toEqual(['Contract deployer allow list admin']);
    expect(byRole('contractDeployerAllowListConfig.enabledAddresses')).toEqual([]);
  });

  it('fee and reward managers set parameters; the reward manager and the reward address take fees', () => {
    expect(byRole('feeManagerConfig.enabledAddresses').map((g) => g.powers)).toEqual([['set-params']]);
    expect(byRole('rewardManagerConfig.adminAddresses').map((g) => g.powers)).toEqual([['set-params', 'receive-fees']]);
    const [reward] = byRole('rewardAddress');
    expect(reward.powers).toEqual(['receive-fees']);
    expect(reward.critical).toBe(false);
    expect(at(text, reward.at)).toBe(A);
  });

  it('each grant points at its address in the list', () => {
    const [manager] = byRole('txAllowListConfig.managerAddresses');
    expect(manager.at.path).toEqual(['config', 'txAllowListConfig', 'managerAddresses', 0]);
    expect(at(text, manager.at)).toBe(B);
  });

  it('one address that censors and mints is a role collapse', () => {
    const finding = findingsOf(lintSource('genesis.json', text), 'role-collapse').find((f) => f.subjects.includes(`b20:${A.slice(2)}`));
    expect(finding, 'role-collapse for A').toBeDefined();
    expect(finding!.message).toContain('Native minter admin');
    expect(finding!.message).toContain('Transaction allow list admin');
    expect(fullText(finding!)).toMatch(/mint tokens/);
  });

  it('the native minter\'s initialMint counts as genesis supply', () => {
    const [supply] = lintSource('genesis.json', text).model!.distributions.filter((d) => d.kind === 'supply');
    expect(supply.title).toBe('genesis allocation and initial mint');
    const minted = supply.entries.find((e) => e.at.path.includes('initialMint'));
    expect(minted?.amount).toBe('100');
  });

  it('the EWOQ key as an admin is a dev-key finding on its address', () => {
    const source = genesis({ contractNativeMinterConfig: { blockTimestamp: 0, adminAddresses: [EWOQ] } });
    const [finding] = findingsOf(lintSource('genesis.json', source), 'dev-key-authority');
    expect(finding.severity).toBe('error');
    expect(underlined(source, finding)).toBe(`"${EWOQ}"`);
    expect(finding.message).toContain('Native minter admin is Avalanche EWOQ test key');
    expect(finding.fixes, 'a placeholder is not a fix').toEqual([]);
  });

  it('configs with a null blockTimestamp are disabled placeholders and grant nothing', () => {
    const source = genesis({
      contractNativeMinterConfig: { blockTimestamp: null, adminAddresses: null },
      txAllowListConfig: { blockTimestamp: null, adminAddresses: [A] },
    });
    const report = lintSource('genesis.json', source);
    expect(report.model!.grants).toEqual([]);
    expect(findingsOf(report, 'schema-error')).toEqual([]);
  });

  it('reports an address listed in two roles, which subnet-evm rejects', () => {
    const source = genesis({ txAllowListConfig: { blockTimestamp: 0, adminAddresses: [A], enabledAddresses: [B, A.toUpperCase().replace('0X', '0x')] } });
    const [finding] = findingsOf(lintSource('genesis.json', source), 'schema-error');
    expect(finding.message).toBe('0x3A91…D907 is also in adminAddresses; subnet-evm rejects a Transaction allow list config that lists an address twice (precompile/allowlist/config.go).');
  });

  it('reports lists and addresses of the wrong shape', () => {
    const source = genesis({ feeManagerConfig: { blockTimestamp: 0, adminAddresses: A, enabledAddresses: ['not-an-address'] } });
    const errors = findingsOf(lintSource('genesis.json', source), 'schema-error');
    expect(errors.map((f) => f.message)).toEqual([
      expect.stringContaining('adminAddresses should be a list of addresses'),
      expect.stringContaining('Fee manager enabled address should be an address'),
    ]);
  });
});

describe('upgrade.json', () => {
  it('grants the roles of each precompileUpgrades entry from its blockTimestamp', () => {
    const text = JSON.stringify({ precompileUpgrades: [{ txAllowListConfig: { blockTimestamp: 1767225600, adminAddresses: [B] } }] }, null, 2);
    const [grant] = grantsOf(text, 'upgrade.json');
    expect(grant).toMatchObject({ role: 'txAllowListConfig.adminAddresses', powers: ['censor'], from: '2026-01-01T00:00:00Z' });
    expect(at(text, grant.at)).toBe(B);
  });

  it('an upgrade without a blockTimestamp is rejected by subnet-evm and grants nothing', () => {
    const report = lintSource('upgrade.json', JSON.stringify({ precompileUpgrades: [{ txAllowListConfig: { adminAddresses: [A] } }] }));
    expect(report.model!.grants).toEqual([]);
    expect(findingsOf(report, 'schema-error')[0].message).toContain('needs a blockTimestamp');
  });
});

describe('the precompile timeline: a disabled precompile\'s admins hold nothing at the end', () => {
  const enabledThenDisabled = JSON.stringify({
    precompileUpgrades: [
      { contractNativeMinterConfig: { blockTimestamp: 1767225600, adminAddresses: [A] } },
      { txAllowListConfig: { blockTimestamp: 1767225600, adminAddresses: [B] } },
      { contractNativeMinterConfig: { blockTimestamp: 1798761600, disable: true } },
    ],
  }, null, 2);

  it('ends the roles granted before the disable, and keeps the others', () => {
    const report = lintSource('upgrade.json', enabledThenDisabled);
    expect(report.model!.grants.map((g) => g.role)).toEqual(['txAllowListConfig.adminAddresses']);
    const [ended] = report.model!.endedGrants!;
    expect(ended).toMatchObject({ role: 'contractNativeMinterConfig.adminAddresses', from: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z' });
    expect(ended.endedBy.at.path).toEqual(['precompileUpgrades', 2, 'contractNativeMinterConfig', 'disable']);
  });

  it('reports no warning or error for the ended power, and one info naming its window', () => {
    const report = lintSource('upgrade.json', enabledThenDisabled);
    const aboutA = report.findings.filter((f) => f.subjects.includes(`b20:${A.slice(2)}`));
    expect(aboutA.map((f) => [f.ruleId, f.severity])).toEqual([['temporary-power', 'info']]);
    const [info] = aboutA;
    expect(info.message).toBe('0x3a91…d907 could mint tokens as Native minter admin from 2026-01-01 00:00 UTC until 2027-01-01 00:00 UTC.');
    expect(info.detail).toBe('Then the upgrade that disables the Native minter precompile ends the role (Subnet-EVM precompile upgrades). It holds nothing after that, but what it did in that window stays done: review the chain\'s history for it. 0x3a91…d907 is an undeclared address.');
    expect(underlined(enabledThenDisabled, info)).toBe(`"${A}"`);
    expect(info.related?.[0].message).toBe(`the upgrade that disables the Native minter precompile ends the Native minter admin role of ${A} here`);
    // The transaction allow list is still on: its admin keeps its warning.
    expect(findingsOf(report, 'unverified-authority').map((f) => f.subjects)).toEqual([[`b20:${B.slice(2)}`]]);
  });

  it('a precompile enabled again after its disable grants again, from the new activation', () => {
    const text = JSON.stringify({
      precompileUpgrades: [
        { feeManagerConfig: { blockTimestamp: 1767225600, adminAddresses: [A] } },
        { feeManagerConfig: { blockTimestamp: 1767312000, disable: true } },
        { feeManagerConfig: { blockTimestamp: 1767398400, adminAddresses: [C] } },
      ],
    }, null, 2);
    const report = lintSource('upgrade.json', text);
    expect(report.model!.grants.map((g) => [g.holder.key, g.from])).toEqual([[`b20:${C.slice(2)}`, '2026-01-03T00:00:00Z']]);
    expect(report.model!.endedGrants!.map((g) => [g.holder.key, g.until])).toEqual([[`b20:${A.slice(2)}`, '2026-01-02T00:00:00Z']]);
  });

  it('an upgrade.json that disables a precompile ends the roles the chain\'s genesis granted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-avalanche-'));
    writeFileSync(join(dir, 'genesis.json'), genesis({
      contractDeployerAllowListConfig: { blockTimestamp: 0, adminAddresses: [A] },
      feeManagerConfig: { blockTimestamp: 0, adminAddresses: [B] },
    }));
    writeFileSync(join(dir, 'upgrade.json'), JSON.stringify({ precompileUpgrades: [{ contractDeployerAllowListConfig: { blockTimestamp: 1767789000, disable: true } }] }, null, 2));
    const { reports } = lintPaths([dir], { resolver: new ConfigResolver(), models: true, now: TODAY });
    const genesisReport = reports.find((r) => r.uri.endsWith('genesis.json'))!;
    expect(genesisReport.chain!.grants.map((g) => g.role)).toEqual(['feeManagerConfig.adminAddresses']);
    const aboutA = reports.flatMap((r) => r.findings).filter((f) => f.subjects.includes(`b20:${A.slice(2)}`));
    expect(aboutA.map((f) => f.ruleId)).toEqual(['temporary-power']);
    expect(aboutA[0].uri).toBe(genesisReport.uri);
    expect(aboutA[0].message).toContain('could decide who may deploy contracts as Contract deployer allow list admin until 2026-01-07 12:30 UTC');
    expect(aboutA[0].detail).toContain('It held the role from genesis');
  });
});

describe('what each precompile\'s roles are said to do', () => {
  const messageFor = (key: string, list: string) => {
    const report = lintSource('genesis.json', genesis({ [key]: { blockTimestamp: 0, [list]: [A] } }));
    const [finding] = findingsOf(report, 'unverified-authority');
    return finding && fullText(finding);
  };

  it('a deployer allow-list admin or manager decides who may deploy contracts, not who may transact', () => {
    for (const list of ['adminAddresses', 'managerAddresses']) {
      const message = messageFor('contractDeployerAllowListConfig', list);
      expect(message).toMatch(/^0x3a91…d907 can decide who may deploy contracts, but what it is is undeclared\. It is the Contract deployer allow list (admin|manager)\./);
      expect(message).not.toContain('transact');
    }
  });

  it('a transaction allow-list admin or manager decides who may transact', () => {
    expect(messageFor('txAllowListConfig', 'adminAddresses')).toMatch(/^0x3a91…d907 can decide who may transact, but .* It is the Transaction allow list admin\./);
    expect(messageFor('txAllowListConfig', 'managerAddresses')).toMatch(/can decide who may transact, but .* It is the Transaction allow list manager\./);
  });

  it('every role of the native minter mints', () => {
    for (const [list, title] of [['adminAddresses', 'admin'], ['managerAddresses', 'manager'], ['enabledAddresses', 'enabled address']]) {
      expect(messageFor('contractNativeMinterConfig', list)).toMatch(new RegExp(`^0x3a91…d907 can mint tokens, but .* It is the Native minter ${title}\\.`));
    }
  });

  it('every role of the fee manager sets the fee parameters', () => {
    for (const [list, title] of [['adminAddresses', 'admin'], ['managerAddresses', 'manager'], ['enabledAddresses', 'enabled address']]) {
      expect(messageFor('feeManagerConfig', list)).toMatch(new RegExp(`^0x3a91…d907 can change chain parameters, but .* It is the Fee manager ${title}\\.`));
    }
  });

  it('every role of the reward manager decides where fees go, itself included', () => {
    const message = messageFor('rewardManagerConfig', 'enabledAddresses');
    expect(message).toMatch(/^0x3a91…d907 can change chain parameters and collect fees, but .* It is the Reward manager enabled address\./);
  });

  it('enabled addresses of the allow lists only use them, and get no finding', () => {
    for (const key of ['txAllowListConfig', 'contractDeployerAllowListConfig']) {
      const report = lintSource('genesis.json', genesis({ [key]: { blockTimestamp: 0, enabledAddresses: [A] } }));
      expect(report.findings.filter((f) => f.subjects.includes(`b20:${A.slice(2)}`)), key).toEqual([]);
    }
  });
});

describe('warp', () => {
  it('a quorumNumerator below 67 is a nonstandard parameter, fixed to 67', () => {
    const text = genesis({ warpConfig: { blockTimestamp: 0, quorumNumerator: 51 } });
    const [finding] = findingsOf(lintSource('genesis.json', text), 'nonstandard-parameter');
    expect(underlined(text, finding)).toBe('51');
    expect(finding.message).toContain('Warp quorum numerator is 51, below the standard 67');
    expect(finding.fixes[0].edits[0].newText).toBe('67');
  });

  it('an absent or zero quorumNumerator means the default 67', () => {
    for (const warpConfig of [{ blockTimestamp: 0 }, { blockTimestamp: 0, quorumNumerator: 0 }, { blockTimestamp: 0, quorumNumerator: 80 }]) {
      expect(findingsOf(lintSource('genesis.json', genesis({ warpConfig })), 'nonstandard-parameter'), JSON.stringify(warpConfig)).toEqual([]);
    }
  });

  it('a quorumNumerator below 33 is rejected by subnet-evm', () => {
    const report = lintSource('genesis.json', genesis({ warpConfig: { blockTimestamp: 0, quorumNumerator: 20 } }));
    expect(findingsOf(report, 'schema-error')[0].message).toContain('between 33 and 100');
  });
});

describe('genesis alloc', () => {
  it('sums balances as big integers, with or without 0x on the account', () => {
    const text = genesis({}, { [A.slice(2)]: { balance: '0x52B7D2DCC80CD2E4000000' }, [B]: { balance: '1000000000000000000000000' }, [C]: { balance: '0x0' } });
    const [supply] = lintSource('genesis.json', text).model!.distributions;
    expect(supply.entries.map((e) => e.amount)).toEqual(['100000000000000000000000000', '1000000000000000000000000']);
    expect(at(text, supply.entries[0].at)).toBe('0x52B7D2DCC80CD2E4000000');
  });

  it('one account holding the whole allocation is a supply concentration on its balance', () => {
    const text = genesis({}, { [EWOQ.slice(2)]: { balance: '0xd3c21bcecceda1000000' } });
    const [finding] = findingsOf(lintSource('genesis.json', text), 'supply-concentration');
    expect(finding.message).toMatch(/^0x8db9…52fc holds 100% of the genesis allocation/);
    expect(underlined(text, finding)).toBe('"0xd3c21bcecceda1000000"');
  });

  it('reports a balance that is not an integer and a key that is not an address', () => {
    const messages = findingsOf(lintSource('genesis.json', genesis({}, { [A]: { balance: '12.5' }, nope: { balance: '0x1' } })), 'schema-error').map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('balance should be a hex or decimal integer'), expect.stringContaining('"nope" in alloc is not an address')]));
  });
});

describe('the predeployed validator manager', () => {
  const PROXY = '0feedc0de0000000000000000000000000000000';
  const LOGIC = '0c0deba5e0000000000000000000000000000000';
  const PROXY_ADMIN = 'a0affe1234567890abcdef1234567890abcdef34';
  const word = (address: string) => `0x${address.replace(/^0x/, '').padStart(64, '0')}`;
  const poa = (extra: Record<string, unknown> = {}, withProxyAdmin = true) => genesis({}, {
    [LOGIC]: { balance: '0x0', code: '0x6080604052' },
    [PROXY]: {
      balance: '0x0',
      code: '0x6080604052',
      storage: {
        '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc': word(LOGIC),
        '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103': word(withProxyAdmin ? PROXY_ADMIN : B),
      },
    },
    ...(withProxyAdmin ? { [PROXY_ADMIN]: { balance: '0x0', code: '0x6080604052', storage: { '0x0000000000000000000000000000000000000000000000000000000000000000': word(B) } } } : {}),
    ...EVEN_ALLOC,
    ...extra,
  });

  it('the ProxyAdmin owner (slot 0) decides the validator set of a proof-of-authority L1', () => {
    const text = poa();
    const report = lintSource('genesis.json', text);
    const [grant] = report.model!.grants;
    expect(grant).toMatchObject({ role: 'validatorManagerProxyAdminOwner', powers: ['set-validators'], holder: { key: `b20:${B.slice(2)}` } });
    expect(grant.at.path).toEqual(['alloc', PROXY_ADMIN, 'storage', '0x0000000000000000000000000000000000000000000000000000000000000000']);
    expect(report.model!.validatorSet?.admission).toBe('permissioned');

    const [finding] = findingsOf(report, 'permissioned-validator-set');
    expect(underlined(text, finding)).toBe(`"${word(B)}"`);
    expect(finding.message).toBe('0x5be0…e7d6 admits validators by permission (proof of authority), not by stake.');
    expect(finding.detail).toContain('0x5be0…e7d6, owner of its ProxyAdmin 0xa0af…ef34 and an account with no code at genesis, can point it at new logic in place of 0x0c0d…0000');
    expect(finding.detail).toContain('0x5be0…e7d6 decides who validates');
    const [unverified] = findingsOf(report, 'unverified-authority');
    expect(unverified.message).toContain('can choose the validators, but');
    expect(unverified.detail).toMatch(/^It is the ValidatorManager ProxyAdmin owner\./);
  });

  it('an owner declared as a single key is a weak council', () => {
    const finding = findingsOf(lintSource('genesis.json', poa(), `entities:\n  operator:\n    kind: eoa\n    addresses: ["${B}"]\n`), 'weak-council')[0];
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('operator can choose the validators (ValidatorManager ProxyAdmin owner) and is a single key (EOA)');
  });

  it('without a ProxyAdmin in the genesis, the proxy admin itself holds the power', () => {
    const text = poa({}, false);
    const [grant] = lintSource('genesis.json', text).model!.grants;
    expect(grant.title).toBe('ValidatorManager proxy admin');
    expect(grant.at.path).toEqual(['alloc', PROXY, 'storage', '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103']);
  });

  it('a proof-of-stake L1 (staking manager predeployed) admits validators by stake', () => {
    const report = lintSource('genesis.json', poa({ '100c0de1c0ffee00000000000000000000000000': { balance: '0x0', code: '0x6080604052' } }));
    expect(report.model!.validatorSet?.admission).toBe('permissionless');
    expect(findingsOf(report, 'permissioned-validator-set')).toEqual([]);
  });
});

describe('bootstrap validators', () => {
  const validator = (node: string, weight: number, owner?: string) => ({ NodeID: node, Weight: weight, Balance: 1000000000, ...(owner ? { ChangeOwnerAddr: owner } : {}) });
  const N1 = 'NodeID-3u7FYGqDfYjjsP6VSznB5be4mHHXjcvmv';
  const N2 = 'NodeID-87KXT7UEr1WSzrqacnW33h6TgE9adkegC';
  const N3 = 'NodeID-7TgX4bYytHBBNy1da1e7NDfsKx3sPRegj';
  const O1 = 'P-fuji154xu5xp9xza36mgn9n0dvgmm9mv3u0mjw99qwd';
  const O2 = 'P-fuji1m2swa69en9l4clpfn876levny57dv490fgnqtv';

  it('weights become a voting-power distribution; Fuji addresses make it a testnet', () => {
    const text = JSON.stringify([validator(N1, 20, O1), validator(N2, 30, O2)], null, 2);
    const report = lintSource('validators.json', text);
    expect(report.model!.chain.network).toBe('testnet');
    expect(report.model!.distributions.map((d) => d.title)).toEqual(['bootstrap validator weight']);
    const [finding] = findingsOf(report, 'stake-concentration');
    expect(finding.severity).toBe('warning');
    expect(underlined(text, finding)).toBe(`"${N2}"`);
    expect(finding.message).toMatch(/^NodeID-87KX…kegC holds 60% of the bootstrap validator weight, more than 1\/3/);
  });

  it('validators that share a ChangeOwnerAddr are counted as one party', () => {
    const text = JSON.stringify([validator(N1, 20, O1), validator(N2, 30, O1), validator(N3, 50, O2)], null, 2);
    const report = lintSource('validators.json', text);
    const merged = report.model!.distributions[1];
    expect(merged.title).toContain('counting validators that share a P-Chain owner (ChangeOwnerAddr) as one party');
    const findings = findingsOf(report, 'stake-concentration');
    const shared = findings.find((f) => fullText(f).includes('counting validators'));
    expect(shared?.message).toMatch(/^P-fuji…9qwd holds 50% of the bootstrap validator weight/);
    expect(underlined(text, shared!)).toBe(`"${O1}"`);
  });

  it('reports a NodeID, weight or owner of the wrong shape', () => {
    const text = JSON.stringify([{ NodeID: 'node-1', Weight: 1 }, { NodeID: N1, Weight: 'heavy' }, validator(N2, 1, 'P-not-an-address')]);
    const messages = findingsOf(lintSource('validators.json', text), 'schema-error').map((f) => f.message);
    expect(messages).toEqual([
      expect.stringContaining('NodeID should be "NodeID-…"'),
      expect.stringContaining('Weight should be a whole number'),
      expect.stringContaining('ChangeOwnerAddr should be a P-Chain address'),
    ]);
  });
});

describe('evm-storage', () => {
  it('reads account keys and storage words however they are padded', () => {
    expect(accountAddress('8DB97c7cece249c2b98bdc0226cc4c2a57bf52fc')).toBe('0x8db97c7cece249c2b98bdc0226cc4c2a57bf52fc');
    expect(accountAddress('0x1234')).toBeUndefined();
    expect(addressInWord('0x000000000000000000000000c0ffee1234567890abcdef1234567890abcdef34')?.key).toBe('b20:c0ffee1234567890abcdef1234567890abcdef34');
    expect(addressInWord('0x0')).toBeUndefined();
    const doc = parseDocument('/v/x.json', '{}');
    const slots = readStorage(new ModelBuilder(doc, { framework: 'x', network: 'unknown', networkReason: '' }), {
      '0x0': 'a',
      b53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103: 'b',
    }, ['storage']);
    expect(slots.get(0n)?.value).toBe('a');
    expect(slots.get(ERC1967_ADMIN_SLOT)?.key).toBe('b53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103');
  });
});
