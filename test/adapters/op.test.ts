/**
 * The OP Stack adapters: legacy deploy configs of every generation, op-deployer intents and
 * Superchain Registry chain files. Inputs are written inline for these tests; none is copied from a
 * real chain, though the standard role addresses are the ones the Superchain Registry publishes.
 */
import { describe, expect, it } from 'vitest';
import type { Grant } from '../../server/src/engine/model/schema';
import { parseDocument } from '../../server/src/engine/parse';
import { underlined } from '../helpers/fixtures';
import { findingsOf, lintSource } from '../helpers/lint';

const A = '0x3a91c7d2e54f0b6a8c19d4e7f2b05a63c8e1d907';
const B = '0x5be0f4a9c3d28e17b6a05f9c4d3e2b1a09f8e7d6';
const C = '0x7c2d9e4f1a0b8c3d6e5f4a3b2c1d0e9f8a7b6c5d';
const SEPOLIA_GUARDIAN = '0x7a50f00e8D05b95F98fE38d8BeE366a7324dCf7E';
const SEPOLIA_CHALLENGER = '0xfd1D2e729aE8eEe2E146c033bf4400fE75284301';
const SEPOLIA_PAO = '0x1Eb2fFc903729a0F03966B917003800b145F56E2';
const MAINNET_PVO = '0x847B5c174615B1B7fDF770882256e2D3E95b9D92';

const key = (address: string) => `b20:${address.slice(2).toLowerCase()}`;

function deployConfig(fields: Record<string, unknown>, l1ChainID = 1): string {
  return JSON.stringify({ l1ChainID, l2ChainID: 48213, l2BlockTime: 2, sequencerWindowSize: 3600, batchSenderAddress: C, ...fields }, null, 2);
}

function grantsOf(text: string, name = 'deploy-config.json'): Grant[] {
  const report = lintSource(name, text);
  expect(report.model, 'the file is recognized').toBeDefined();
  return report.model!.grants;
}

describe('deploy-config keys of every generation', () => {
  it.each([
    ['portalGuardian', 'Guardian', ['pause']],
    ['superchainConfigGuardian', 'Guardian', ['pause']],
    ['systemConfigOwner', 'SystemConfig owner', ['set-params']],
    ['l2OutputOracleOwner', 'L2OutputOracle owner', ['challenge', 'set-params']],
    ['outputOracleOwner', 'L2OutputOracle owner', ['challenge', 'set-params']],
    ['ownerAddress', 'L2OutputOracle owner', ['challenge', 'set-params']],
    ['sequencerAddress', 'Proposer', ['propose']],
    ['controller', 'SystemDictator controller (migration)', ['upgrade']],
    ['proxyAdmin', 'L2 ProxyAdmin owner', ['upgrade']],
    ['l2CrossDomainMessengerOwner', 'L2CrossDomainMessenger owner', ['pause']],
    ['gasPriceOracleOwner', 'GasPriceOracle owner', ['set-params']],
    ['optimismBaseFeeRecipient', 'Base fee vault recipient', ['receive-fees']],
    ['optimsismBaseFeeRecipient', 'Base fee vault recipient', ['receive-fees']],
    ['optimismL1FeeRecipient', 'L1 fee vault recipient', ['receive-fees']],
    ['optimismL2FeeRecipient', 'Sequencer fee vault recipient', ['receive-fees']],
  ])('%s is the %s', (field, title, powers) => {
    const text = deployConfig({ [field]: A });
    const grant = grantsOf(text).find((g) => g.holder.key === key(A));
    expect(grant).toMatchObject({ title, powers });
    expect(grant!.at.path).toEqual([field]);
  });

  it('a portalGuardian that is also the Challenger and the fee recipient is a role collapse and a fee capture', () => {
    const text = deployConfig({ finalSystemOwner: B, proxyAdminOwner: B, portalGuardian: A, l2OutputOracleChallenger: A, l2OutputOracleProposer: C, baseFeeVaultRecipient: A, l1FeeVaultRecipient: A, sequencerFeeVaultRecipient: A });
    const report = lintSource('deploy-config.json', text);
    const collapse = findingsOf(report, 'role-collapse').find((f) => f.subjects.includes(key(A)));
    expect(collapse?.message).toContain('Guardian');
    expect(collapse?.message).toContain('Challenger');
    expect(underlined(text, collapse!)).toBe(`"${A}"`);
    const fees = findingsOf(report, 'fee-capture').find((f) => f.subjects.includes(key(A)));
    expect(fees?.message).toMatch(/^Base fee vault recipient and 2 more pay 0x3a91…d907, /);
    expect(fees?.detail).toContain('It is the Base fee vault recipient, L1 fee vault recipient and Sequencer fee vault recipient.');
  });

  it('an address under a key no generation defines is a role of unknown scope, titled with its key', () => {
    const text = deployConfig({ bridgeOperator: A });
    const grant = grantsOf(text).find((g) => g.role === 'bridgeOperator');
    expect(grant).toMatchObject({ title: 'bridgeOperator', powers: ['unscoped'], holder: { key: key(A) } });
    expect(grant!.at.path).toEqual(['bridgeOperator']);
  });

  it('contracts the config points at are not roles', () => {
    const text = deployConfig({
      batchInboxAddress: '0xff00000000000000000000000000000000048213',
      l1StandardBridgeProxy: A,
      l1CrossDomainMessengerProxy: A,
      l1ERC721BridgeProxy: A,
      systemConfigProxy: A,
      optimismPortalProxy: A,
      daChallengeProxy: A,
      customGasTokenAddress: A,
      l2GenesisBlockCoinbase: A,
      cliqueSignerAddress: A,
      l2OutputOracleGenesisL2Output: `0x${'ab'.repeat(32)}`,
    });
    expect(grantsOf(text).filter((g) => g.holder.key === key(A))).toEqual([]);
  });
});

describe('alt-DA and plasma mode', () => {
  it('a deploy config with usePlasma depends on a DA layer, challengeable for its window in L1 blocks', () => {
    const text = deployConfig({ l1BlockTime: 12, usePlasma: true, daCommitmentType: 'KeccakCommitment', daChallengeWindow: 160, daResolveWindow: 160, daChallengeProxy: B });
    const model = lintSource('deploy-config.json', text).model!;
    const [dependency] = model.dependencies;
    expect(dependency.kind).toBe('data-availability');
    expect(dependency.name).toBe('an alternative data-availability layer (alt-DA with KeccakCommitment; a withheld batch can be challenged on L1 for 160 L1 blocks, 32 minutes)');
    expect(dependency.at.path).toEqual(['usePlasma']);
    expect(model.delays.filter((d) => d.kind === 'challenge-period').map((d) => [d.title, d.seconds, d.at.path])).toEqual([
      ['alt-DA challenge window', 1920, ['daChallengeWindow']],
      ['alt-DA resolve window', 1920, ['daResolveWindow']],
    ]);
  });

  it('useAltDA, the later name, reads the same; with it off there is no dependency', () => {
    expect(lintSource('a.json', deployConfig({ useAltDA: true, daChallengeWindow: 3600, daResolveWindow: 3600 })).model!.dependencies).toHaveLength(1);
    expect(lintSource('b.json', deployConfig({ useAltDA: false, daChallengeWindow: 3600 })).model!.dependencies).toEqual([]);
  });

  it('generic commitments have no L1 challenge, so no challenge window is counted', () => {
    const model = lintSource('deploy-config.json', deployConfig({ useAltDA: true, daCommitmentType: 'GenericCommitment', daChallengeWindow: 3600, daResolveWindow: 3600 })).model!;
    expect(model.dependencies[0].name).toBe('an alternative data-availability layer (alt-DA with GenericCommitment, which no one can challenge on L1)');
    expect(model.delays.filter((d) => d.kind === 'challenge-period')).toEqual([]);
  });

  it('a registry chain with [alt_da] records both windows of 3600 L1 blocks (12 hours)', () => {
    const text = [
      'name = "Example"', 'chain_id = 48213', 'batch_inbox_addr = "0xff00000000000000000000000000000000048213"', 'seq_window_size = 3600', 'data_availability_type = "alt-da"',
      '', '[alt_da]', `  da_challenge_contract_address = "${B}"`, '  da_challenge_window = 3600', '  da_resolve_window = 3600', '  da_commitment_type = "KeccakCommitment"',
      '', '[roles]', `  ProxyAdminOwner = "${A}"`, '',
    ].join('\n');
    const model = lintSource('example.toml', text).model!;
    expect(model.dependencies[0].name).toContain('can be challenged on L1 for 3600 L1 blocks, 12 hours');
    expect(model.delays.filter((d) => d.kind === 'challenge-period').map((d) => [d.title, d.seconds])).toEqual([['alt-DA challenge window', 43200], ['alt-DA resolve window', 43200]]);
    const doc = parseDocument('/v/example.toml', text);
    const window = model.delays.find((d) => d.title === 'alt-DA challenge window')!;
    expect(text.slice(doc.locate(window.at.path)!.value.start, doc.locate(window.at.path)!.value.end)).toBe('3600');
  });

  it('an op-deployer intent reads dangerousAltDAConfig the same way', () => {
    const text = [
      'configType = "custom"', 'l1ChainID = 11155111', '', '[[chains]]', '  id = "0x000000000000000000000000000000000000000000000000000000000000bc55"',
      '  [chains.roles]', `    l1ProxyAdminOwner = "${A}"`, '  [chains.dangerousAltDAConfig]', '    useAltDA = true', '    daCommitmentType = "KeccakCommitment"', '    daChallengeWindow = 6', '    daResolveWindow = 1', '',
    ].join('\n');
    const model = lintSource('intent.toml', text).model!;
    expect(model.dependencies[0].name).toBe('an alternative data-availability layer (alt-DA with KeccakCommitment; a withheld batch can be challenged on L1 for 6 L1 blocks, 1.2 minutes)');
    expect(model.delays.filter((d) => d.kind === 'challenge-period').map((d) => d.seconds)).toEqual([72, 12]);
  });
});

describe('Superchain Registry chain files of every generation', () => {
  const registry2024 = (addresses: string[], l1 = 'sepolia') => [
    'name = "Example"', 'chain_id = 48213', 'batch_inbox_addr = "0xff00000000000000000000000000000000048213"', 'seq_window_size = 3600', 'data_availability_type = "eth-da"',
    '', `# settles on ${l1}`, '[addresses]', ...addresses.map((line) => `  ${line}`), '',
  ].join('\n');

  it('files of late 2024 list the roles under [addresses], and they are read as roles', () => {
    const text = registry2024([`ProxyAdminOwner = "${A}"`, `Guardian = "${B}"`, `Challenger = "${C}"`, `BatchSubmitter = "${C}"`, `L1StandardBridgeProxy = "${A}"`]);
    const grants = grantsOf(text, 'example.toml');
    expect(grants.map((g) => [g.title, g.holder.key])).toEqual([
      ['L1 ProxyAdmin owner', key(A)],
      ['Guardian', key(B)],
      ['Challenger', key(C)],
      ['Batcher', key(C)],
    ]);
    expect(grants[1].at.path).toEqual(['addresses', 'Guardian']);
  });

  it('the contracts under [addresses] are recorded, where verify reads the deployed roles; the roles listed there are not contracts', () => {
    const model = lintSource('a.toml', registry2024([`ProxyAdminOwner = "${A}"`, `SystemConfigProxy = "${B}"`, `OptimismPortalProxy = "${C}"`, 'DelayedWETHProxy = "0x0000000000000000000000000000000000000000"'])).model!;
    expect(model.contracts?.map((c) => [c.name, c.address.key, c.at.path.join('.')])).toEqual([
      ['SystemConfigProxy', key(B), 'addresses.SystemConfigProxy'],
      ['OptimismPortalProxy', key(C), 'addresses.OptimismPortalProxy'],
    ]);
  });

  it('the proof system: an L2OutputOracle, or only a PermissionedDisputeGame, is permissioned', () => {
    const oracle = lintSource('a.toml', registry2024([`ProxyAdminOwner = "${A}"`, `L2OutputOracleProxy = "${B}"`])).model!;
    expect(oracle.proofSystem?.kind).toBe('permissioned-fraud');
    expect(oracle.proofSystem?.at.path).toEqual(['addresses', 'L2OutputOracleProxy']);
    const permissioned = lintSource('b.toml', registry2024([`ProxyAdminOwner = "${A}"`, `PermissionedDisputeGame = "${B}"`])).model!;
    expect(permissioned.proofSystem?.at.path).toEqual(['addresses', 'PermissionedDisputeGame']);
    const both = lintSource('c.toml', registry2024([`ProxyAdminOwner = "${A}"`, `PermissionedDisputeGame = "${B}"`, `FaultDisputeGame = "${C}"`])).model!;
    expect(both.proofSystem).toBeUndefined();
  });
});

describe('the standard roles of each superchain are known', () => {
  const sepoliaChain = [
    'name = "Example Sepolia"', 'chain_id = 48213', 'batch_inbox_addr = "0xff00000000000000000000000000000000048213"', 'seq_window_size = 3600',
    '', '[roles]', `  ProxyAdminOwner = "${SEPOLIA_PAO}"`, `  Guardian = "${SEPOLIA_GUARDIAN}"`, `  Challenger = "${SEPOLIA_CHALLENGER}"`, `  Proposer = "${B}"`, '',
  ].join('\n');

  it('the Sepolia Guardian, Challenger and ProxyAdmin owner are never "undeclared"', () => {
    const report = lintSource('example.toml', sepoliaChain);
    const unverified = findingsOf(report, 'unverified-authority').flatMap((f) => f.subjects);
    for (const address of [SEPOLIA_GUARDIAN, SEPOLIA_CHALLENGER, SEPOLIA_PAO]) expect(unverified, address).not.toContain(key(address));
    expect(report.findings.map((f) => f.message).join('\n')).not.toMatch(/0x7a50…cf7e \(an undeclared address\)|0xfd1d…4301 \(an undeclared address\)/i);
  });

  it('say what the registry says they are', () => {
    const entities = lintSource('example.toml', sepoliaChain).entities!;
    const name = (address: string) => entities.entityOf({ raw: address, key: key(address), scheme: 'evm' }).name;
    expect(name(SEPOLIA_GUARDIAN)).toBe('OP Sepolia standard Guardian (1-of-1 Safe owned by the Security Council)');
    expect(name(SEPOLIA_CHALLENGER)).toBe('OP Sepolia standard Challenger and ProtocolVersions owner (a single key)');
    expect(name(SEPOLIA_PAO)).toBe('OP standard ProxyAdminOwner (2-of-2 Safe: Optimism Foundation + Security Council)');
    expect(name(MAINNET_PVO)).toBe('OP standard ProtocolVersions owner (Optimism Foundation Upgrade Safe)');
  });
});
