import { encodeAbiParameters, keccak256, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../server/src/engine/adapters';
import { polygonCreateRollupParameters } from '../../server/src/engine/adapters/polygon/create-rollup';
import { polygonDeployParameters } from '../../server/src/engine/adapters/polygon/deploy-parameters';
import { parseAddress } from '../../server/src/engine/model/address';
import type { AuthorityModel, Origin } from '../../server/src/engine/model/schema';
import { AuthorityModelSchema } from '../../server/src/engine/model/schema';
import { parseDocument } from '../../server/src/engine/parse';
import { ruleFixture, underlined } from '../helpers/fixtures';
import { findingsOf, fullText, lintFile, lintSource } from '../helpers/lint';

/** Deploy parameters shaped like zkevm-contracts' v1 deploy_parameters.json; the addresses are made up. */
const V1 = `{
  "realVerifier": true,
  "trustedSequencerURL": "https://rpc.example-zkevm.org",
  "networkName": "example zkEVM",
  "version": "v1.1.0-fork.4",
  "trustedSequencer": "0x1000000000000000000000000000000000000001",
  "chainID": 1101,
  "trustedAggregator": "0x2000000000000000000000000000000000000002",
  "trustedAggregatorTimeout": 432000,
  "pendingStateTimeout": 432000,
  "forkID": 4,
  "admin": "0x3000000000000000000000000000000000000003",
  "zkEVMOwner": "0x3000000000000000000000000000000000000003",
  "timelockAddress": "0x5000000000000000000000000000000000000005",
  "minDelayTimelock": 864000,
  "salt": "0x0000000000000000000000000000000000000000000000000000000000000001",
  "initialZkEVMDeployerOwner": "0x5000000000000000000000000000000000000005"
}
`;

/** createRollup parameters shaped like docker/scripts/v2/create_rollup_parameters_docker.json, with a made-up key. */
const CREATE = `{
    "realVerifier": false,
    "trustedSequencerURL": "http://sequencer:8123",
    "networkName": "cdk",
    "description": "0.0.1",
    "trustedSequencer": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    "chainID": 7001,
    "adminZkEVM": "0x6000000000000000000000000000000000000006",
    "forkID": 9,
    "consensusContract": "PolygonValidiumEtrog",
    "gasTokenAddress": "",
    "deployerPvtKey": "0xabababababababababababababababababababababababababababababababab"
}
`;

const key = (address: string) => parseAddress(address)!.key;

function model(name: string, text: string): AuthorityModel {
  const report = lintSource(name, text);
  expect(report.model, `${name} was recognized`).toBeDefined();
  expect(() => AuthorityModelSchema.parse(report.model)).not.toThrow();
  return report.model!;
}

/** The text an origin points at. */
function at(text: string, origin: Origin): string {
  const located = parseDocument('x.json', text).locate(origin.path);
  expect(located, JSON.stringify(origin.path)).toBeDefined();
  return text.slice(located!.value.start, located!.value.end);
}

describe('Polygon zkEVM deploy parameters', () => {
  it('is recognized by content, and its sniff accepts what detect accepts', () => {
    const value = JSON.parse(V1);
    expect(polygonDeployParameters.detect(value)).toBeGreaterThanOrEqual(0.9);
    expect(polygonDeployParameters.sniff.test(V1)).toBe(true);
    expect(polygonCreateRollupParameters.detect(value)).toBe(0);
    expect(lintSource('params.json', V1).adapter?.id).toBe('polygon-zkevm-deploy-parameters');
    // Only one adapter is as sure as this one.
    expect(ADAPTERS.filter((a) => a.detect(value) >= 0.5).map((a) => a.id)).toEqual(['polygon-zkevm-deploy-parameters']);
  });

  it('does not claim an OP deploy config or an arbitrary object with an admin', () => {
    expect(polygonDeployParameters.detect({ l1ChainID: 1, l2ChainID: 10, proxyAdminOwner: '0x1', finalSystemOwner: '0x2' })).toBe(0);
    expect(polygonDeployParameters.detect({ admin: '0x1', chainID: 5, salt: '0x' })).toBe(0);
  });

  it('grants each role to its address, pointing at the address', () => {
    const m = model('params.json', V1);
    const roles = Object.fromEntries(m.grants.map((g) => [g.role, g]));
    expect(Object.keys(roles).sort()).toEqual(['admin', 'timelockAdmin', 'trustedAggregator', 'trustedSequencer', 'zkEVMOwner']);
    expect(roles.trustedSequencer.powers).toEqual(['sequence']);
    expect(roles.trustedAggregator.powers).toEqual(['propose']);
    expect(roles.admin.powers).toEqual(['set-params']);
    expect(roles.zkEVMOwner.powers).toEqual(['pause']);
    expect(roles.timelockAdmin.powers).toEqual(['upgrade']);
    expect(roles.admin.holder.key).toBe(roles.zkEVMOwner.holder.key);
    expect(at(V1, roles.trustedAggregator.at)).toBe('"0x2000000000000000000000000000000000000002"');
    expect(at(V1, roles.zkEVMOwner.at)).toBe('"0x3000000000000000000000000000000000000003"');
  });

  it('reads the network from the chain id: 1101 is Polygon zkEVM mainnet, 2442 the Cardona testnet', () => {
    expect(model('params.json', V1).chain).toMatchObject({ network: 'mainnet', chainId: '1101' });
    expect(model('params.json', V1.replace('"chainID": 1101', '"chainID": 2442')).chain.network).toBe('testnet');
    expect(model('params.json', V1.replace('"chainID": 1101', '"chainID": 48100')).chain.network).toBe('unknown');
  });

  it('puts the timelock delay in front of the timelock admin and the aggregator timeout as the prover escape', () => {
    const m = model('params.json', V1);
    const timelock = m.delays.find((d) => d.kind === 'upgrade-timelock')!;
    expect(timelock.seconds).toBe(864_000);
    expect(timelock.appliesTo?.key).toBe(key('0x5000000000000000000000000000000000000005'));
    expect(at(V1, timelock.at)).toBe('864000');
    const escape = m.delays.find((d) => d.kind === 'self-propose')!;
    expect(escape.seconds).toBe(432_000);
    expect(at(V1, escape.at)).toBe('432000');
    expect(m.proofSystem).toMatchObject({ kind: 'validity' });
  });

  it('records that users cannot force batches: v1.1 starts with forced batches disallowed', () => {
    const m = model('params.json', V1);
    const inclusion = m.delays.filter((d) => d.kind === 'forced-inclusion');
    expect(inclusion).toHaveLength(1);
    expect(inclusion[0].seconds).toBeNull();
    expect(at(V1, inclusion[0].at)).toBe('"0x1000000000000000000000000000000000000001"');
    expect(inclusion[0].title).toContain('0x1000…0001');
  });

  it('takes forceBatchAllowed at its word', () => {
    const disallowed = V1.replace('"forkID": 4,', '"forkID": 4,\n  "forceBatchAllowed": false,');
    const off = model('params.json', disallowed).delays.find((d) => d.kind === 'forced-inclusion')!;
    expect(at(disallowed, off.at)).toBe('false');
    const allowed = V1.replace('"forkID": 4,', '"forkID": 4,\n  "forceBatchAllowed": true,');
    expect(model('params.json', allowed).delays.filter((d) => d.kind === 'forced-inclusion')).toEqual([]);
  });

  it('reads v2 parameters: the RollupManager admin, the emergency council and the timelock admin', () => {
    const v2 = `{
  "test": true,
  "timelockAdminAddress": "0x5000000000000000000000000000000000000005",
  "minDelayTimelock": 3600,
  "salt": "0x0000000000000000000000000000000000000000000000000000000000000001",
  "initialZkEVMDeployerOwner": "0x5000000000000000000000000000000000000005",
  "admin": "0x3000000000000000000000000000000000000003",
  "trustedAggregator": "0x2000000000000000000000000000000000000002",
  "trustedAggregatorTimeout": 604799,
  "pendingStateTimeout": 604799,
  "emergencyCouncilAddress": "0x4000000000000000000000000000000000000004",
  "polTokenAddress": ""
}`;
    const m = model('v2.json', v2);
    expect(m.grants.map((g) => g.title).sort()).toEqual(['Emergency council', 'RollupManager admin', 'Timelock admin (upgrades through the PolygonZkEVMTimelock)', 'Trusted aggregator (prover)']);
    expect(m.delays.find((d) => d.kind === 'upgrade-timelock')?.appliesTo?.key).toBe(key('0x5000000000000000000000000000000000000005'));
    // v2 deploys no sequencer, so nothing is said about forced batches.
    expect(m.delays.filter((d) => d.kind === 'forced-inclusion')).toEqual([]);
    // test: true makes it a test deployment: the chain is a testnet, and the flag is no finding there.
    expect(m.chain).toMatchObject({ network: 'testnet', networkReason: 'test is true, which makes a test deployment' });
    expect(m.flags).toEqual([]);
    // On a chain whose own id is a published mainnet, test: true is a development flag in production.
    const mainnet = model('v2.json', v2.replace('"test": true,', '"test": true,\n  "chainID": 1101,'));
    expect(mainnet.chain).toMatchObject({ network: 'mainnet', networkReason: 'chain id 1101 is Polygon zkEVM' });
    expect(mainnet.flags.map((f) => f.id)).toEqual(['test']);
  });

  it('reports fields of the wrong type as schema errors where they are written', () => {
    const text = V1.replace('"trustedSequencer": "0x1000000000000000000000000000000000000001"', '"trustedSequencer": 42').replace('"minDelayTimelock": 864000', '"minDelayTimelock": "ten days"');
    const report = lintSource('params.json', text);
    const errors = findingsOf(report, 'schema-error');
    expect(errors.map((e) => underlined(text, e)).sort()).toEqual(['"ten days"', '42']);
    expect(errors.map((e) => e.message).join(' ')).toMatch(/Trusted sequencer should be an address/);
  });
});

describe('Polygon CDK createRollup parameters', () => {
  it('is recognized by content', () => {
    const value = JSON.parse(CREATE);
    expect(polygonCreateRollupParameters.detect(value)).toBeGreaterThanOrEqual(0.9);
    expect(polygonCreateRollupParameters.sniff.test(CREATE)).toBe(true);
    expect(polygonDeployParameters.detect(value)).toBe(0);
    expect(lintSource('create_rollup.json', CREATE).adapter?.id).toBe('polygon-cdk-create-rollup-parameters');
  });

  it('grants the sequencer and the rollup admin, and reads realVerifier false as a mock verifier and a dev flag', () => {
    const m = model('create_rollup.json', CREATE);
    expect(m.grants.map((g) => [g.role, g.holder.key])).toEqual([
      ['trustedSequencer', key('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')],
      ['admin', key('0x6000000000000000000000000000000000000006')],
    ]);
    expect(m.proofSystem).toMatchObject({ kind: 'none', permissionlessValue: true });
    expect(at(CREATE, m.proofSystem!.at)).toBe('false');
    expect(m.flags.map((f) => [f.id, f.value])).toEqual([
      ['realVerifier', false],
      ['deployerPvtKey', 'a literal private key'],
    ]);
    expect(m.delays.find((d) => d.kind === 'forced-inclusion')?.title).toContain('forceBatchAddress');
  });

  it('records a validium\'s data-availability committee', () => {
    const m = model('create_rollup.json', CREATE);
    expect(m.dependencies).toHaveLength(1);
    expect(m.dependencies[0]).toMatchObject({ kind: 'data-availability', shared: false });
    expect(at(CREATE, m.dependencies[0].at)).toBe('"PolygonValidiumEtrog"');
  });

  it('leaves an empty deployerPvtKey alone', () => {
    const m = model('create_rollup.json', CREATE.replace(/"deployerPvtKey": "0x[ab]+"/, '"deployerPvtKey": ""'));
    expect(m.flags.map((f) => f.id)).toEqual(['realVerifier']);
  });
});

describe('findings on Polygon parameters', () => {
  it('a single trusted aggregator with a 5-day escape is information; with none it is a warning', () => {
    const report = lintSource('params.json', V1);
    const [prover] = findingsOf(report, 'permissioned-proofs');
    expect(prover.severity).toBe('info');
    expect(underlined(V1, prover)).toBe('"0x2000000000000000000000000000000000000002"');
    expect(prover.message).toContain('5 days');
    const noEscape = V1.replace('  "trustedAggregatorTimeout": 432000,\n', '');
    const [stuck] = findingsOf(lintSource('params.json', noEscape), 'permissioned-proofs');
    expect(stuck.severity).toBe('warning');
    expect(stuck.message).toContain('nothing lets anyone else prove');
  });

  it('a prover escape as long as the 7-day Stage 1 exit window is a warning (fixture)', () => {
    const path = ruleFixture('permissioned-proofs', 'fires-slow-aggregator-escape.json');
    const [prover] = findingsOf(lintFile(path), 'permissioned-proofs');
    expect(prover.severity).toBe('warning');
    expect(prover.message).toContain('first 7 days');
    expect(prover.related.map((r) => r.message)).toEqual(['0x2222…2222 is 0x2222222222222222222222222222222222222222', 'trusted aggregator timeout (after it, anyone may verify batches): 7 days']);
  });

  it('the 10-day timelock passes Stage 1 but not Stage 2', () => {
    const [window] = findingsOf(lintSource('params.json', V1), 'short-exit-window');
    expect(window.severity).toBe('warning');
    expect(window.message).toContain('10 days');
    expect(fullText(window)).toContain('Stage 2');
    expect(underlined(V1, window)).toBe('"0x5000000000000000000000000000000000000005"');
  });
});

/** An L2 genesis shaped like zkevm-contracts 1_createGenesis output; addresses and code are made up. */
const GENESIS = `{
 "root": "0x01",
 "genesis": [
  { "contractName": "ProxyAdmin", "balance": "0", "nonce": "1", "address": "0x0A00000000000000000000000000000000000000", "bytecode": "0x6080",
    "storage": { "0x0000000000000000000000000000000000000000000000000000000000000000": "0x000000000000000000000000bb00000000000000000000000000000000000000" } },
  { "contractName": "PolygonZkEVMBridge proxy", "balance": "340282366920938463463374607431768211455", "nonce": "1", "address": "0x2a00000000000000000000000000000000000000", "bytecode": "0x6080",
    "storage": { "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103": "0x0000000000000000000000000a00000000000000000000000000000000000000" } },
  { "contractName": "PolygonZkEVMTimelock", "balance": "0", "nonce": "1", "address": "0xbb00000000000000000000000000000000000000", "bytecode": "0x6080",
    "storage": { "0x0000000000000000000000000000000000000000000000000000000000000002": "0x0000000000000000000000000000000000000000000000000000000000000e10" } },
  { "accountName": "deployer", "balance": "0", "nonce": "8", "address": "0xdd00000000000000000000000000000000000000" }
 ]
}`;

describe('Polygon zkEVM L2 genesis', () => {
  it('grants the ProxyAdmin\'s owner (slot 0) the upgrade of the proxies it administers', () => {
    const report = lintSource('genesis.json', GENESIS);
    expect(report.adapter?.id).toBe('polygon-zkevm-genesis');
    const m = report.model!;
    expect(m.grants).toHaveLength(1);
    expect(m.grants[0]).toMatchObject({ powers: ['upgrade'], holder: { key: key('0xbb00000000000000000000000000000000000000') } });
    expect(m.grants[0].title).toContain('PolygonZkEVMBridge proxy');
    expect(at(GENESIS, m.grants[0].at)).toBe('"0x000000000000000000000000bb00000000000000000000000000000000000000"');
  });

  it('reads the timelock\'s minDelay slot as its delay and declares it a timelock; balances are not supply', () => {
    const report = lintSource('genesis.json', GENESIS);
    const m = report.model!;
    expect(m.councils).toMatchObject([{ kind: 'timelock', delaySeconds: 3600 }]);
    expect(m.delays).toMatchObject([{ kind: 'upgrade-timelock', seconds: 3600, appliesTo: { key: key('0xbb00000000000000000000000000000000000000') } }]);
    expect(m.distributions).toEqual([]);
    const [window] = findingsOf(report, 'short-exit-window');
    expect(window.severity).toBe('error');
    expect(window.message).toContain('after 1 hour');
    expect(findingsOf(report, 'unverified-authority')).toEqual([]);
  });

  it('reads who holds the timelock\'s roles from its AccessControl storage, and asks what that holder is', () => {
    // Solidity's layout: _roles (slot 0) → RoleData.members (its first field) → address → bool.
    const memberSlot = (account: string, role: string) => keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'bytes32' }], [account as `0x${string}`, keccak256(encodeAbiParameters([{ type: 'bytes32' }, { type: 'uint256' }], [role as `0x${string}`, 0n]))]));
    const roleId = (name: string) => keccak256(toHex(name));
    const deployer = '0xdd00000000000000000000000000000000000000';
    const timelock = '0xbb00000000000000000000000000000000000000';
    const one = `0x${'1'.padStart(64, '0')}`;
    const roles = {
      [memberSlot(deployer, roleId('PROPOSER_ROLE'))]: one,
      [memberSlot(deployer, roleId('EXECUTOR_ROLE'))]: one,
      [memberSlot(timelock, roleId('TIMELOCK_ADMIN_ROLE'))]: one,
      // Written, but not true: no role.
      [memberSlot('0x0a00000000000000000000000000000000000000', roleId('PROPOSER_ROLE'))]: `0x${'0'.repeat(64)}`,
    };
    const text = GENESIS.replace('"0x0000000000000000000000000000000000000000000000000000000000000002": "0x0000000000000000000000000000000000000000000000000000000000000e10"', `"0x0000000000000000000000000000000000000000000000000000000000000002": "0x0000000000000000000000000000000000000000000000000000000000000e10", ${Object.entries(roles).map(([k, v]) => `"${k}": "${v}"`).join(', ')}`);
    const report = lintSource('genesis.json', text);
    const m = report.model!;
    const proposer = m.grants.find((g) => g.holder.key === key(deployer))!;
    expect(proposer).toMatchObject({ powers: ['upgrade'], through: { key: key(timelock) } });
    expect(proposer.title).toBe('PolygonZkEVMTimelock 0xbb00…0000 proposer and executor');
    expect(at(text, proposer.at)).toBe(`"${one}"`);
    // The timelock administers itself: that is no one's power, and not a grant.
    expect(m.grants.filter((g) => g.holder.key === key(timelock)).map((g) => g.role)).toEqual(['l2ProxyAdminOwner']);
    // Its upgrades wait for the timelock, whose own window is the one reported; what it is stays a question.
    expect(m.delays.filter((d) => d.appliesTo?.key === key(deployer)).map((d) => d.seconds)).toEqual([3600]);
    const windows = findingsOf(report, 'short-exit-window');
    expect(windows).toHaveLength(1);
    expect(windows[0].subjects).toContain(key(timelock));
    expect(findingsOf(report, 'unverified-authority').map((f) => f.subjects)).toEqual([[key(deployer)]]);
  });

  it('finds the single holder of every role of X Layer testnet\'s L2 timelock (cdk-erigon allocs)', () => {
    const path = 'test/real-world/polygon/x-layer-testnet/xlayer-testnet.json';
    const report = lintFile(path);
    const holder = report.model!.grants.find((g) => g.role === 'l2TimelockProposer')!;
    expect(holder.holder.key).toBe(key('0xC432168eF74A83c6E6C76f2c1b42F875E1A223CD'));
    expect(holder.title).toBe('PolygonZkEVMTimelock 0x5640…e87f proposer, executor, canceller and admin');
  });

  it('is not claimed for an account list of another kind', () => {
    expect(ADAPTERS.find((a) => a.id === 'polygon-zkevm-genesis')!.detect({ genesis: [{ address: '0x1', balance: '1' }] })).toBe(0);
    expect(ADAPTERS.find((a) => a.id === 'polygon-zkevm-genesis')!.sniff.test(GENESIS)).toBe(true);
  });
});
