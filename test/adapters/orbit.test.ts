/**
 * Arbitrum Orbit adapters: the orbit-setup-script config, the Nitro node config (with its chain
 * config held as a JSON string), Nitro's chain info list and the createRollup parameters.
 * Inputs are small inline files written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { orbitChainInfo } from '../../server/src/engine/adapters/orbit/chain-info';
import { orbitNodeConfig } from '../../server/src/engine/adapters/orbit/node-config';
import { orbitRollupParams } from '../../server/src/engine/adapters/orbit/rollup-params';
import { orbitSetupConfig } from '../../server/src/engine/adapters/orbit/setup-config';
import { detectAdapter } from '../../server/src/engine/detect';
import { AuthorityModelSchema, type AuthorityModel } from '../../server/src/engine/model/schema';
import { parseDocument, type Path } from '../../server/src/engine/parse';
import { applyEdits, underlined } from '../helpers/fixtures';
import { findingsOf, fullText, lintSource } from '../helpers/lint';

const OWNER = '0x7C3aB1E5d24f6a9E0b8c4D2F1e3A5b7C9d0E2f41';
const POSTER = '0x5d2A41c7E9b3F08a6D1e4c2B7f9A3e5D8c0b1F62';
const STAKER = '0x9a0B3c5D7e1F2a4B6c8D0e2F4a6B8c0D2e4F6a81';
const PLACEHOLDER_KEY = `Y${'A'.repeat(150)}==`;

function built(adapter: typeof orbitSetupConfig, name: string, text: string): { model: AuthorityModel; problems: unknown[] } {
  const doc = parseDocument(`file:///virtual/${name}`, text);
  expect(detectAdapter(doc.value)?.id, `${name} is detected as ${adapter.id}`).toBe(adapter.id);
  expect(adapter.sniff.test(text)).toBe(true);
  const result = adapter.build(doc);
  expect(() => AuthorityModelSchema.parse(result.model)).not.toThrow();
  return result;
}

/** The text at a model element's origin, as a finding on it would underline. */
function textAt(text: string, path: Path): string {
  const span = parseDocument('file:///virtual/x.json', text).locate(path)!.value;
  return text.slice(span.start, span.end);
}

function setupConfig(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    chainOwner: OWNER,
    rollup: '0x8fdC89eD045eaBbb1832Bc30be41b59DeC6A2AfD',
    inbox: '0x3Bd808ceb63Daefd4db03Eb48acfF753A80bED48',
    outbox: '0xed349B5133FAF6CD36620462249F9248b5b9ba43',
    adminProxy: '0x4F74c300aE092e1d6Cd2b9904992A06906aD6519',
    sequencerInbox: '0xbBe6C4Fb4f663b95f315357b8Deb80bb2162e4A6',
    bridge: '0x97369b0944A5c3634cCa74d4918fa9262e1ffe27',
    utils: '0x7E63CA513144B98CD5bc0D78cA3CeB069734FF32',
    validatorWalletCreator: '0x6e70f0696ACeFA02eF5b7Ef7D3eE0637d2dfE623',
    deployedAtBlockNumber: 1200,
    minL2BaseFee: 100000000,
    networkFeeReceiver: OWNER,
    infrastructureFeeCollector: OWNER,
    batchPoster: POSTER,
    staker: STAKER,
    chainName: 'Lumen L3',
    chainId: 7700001,
    parentChainId: 42161,
    ...overrides,
  }, null, 2);
}

function chainInfo(arbitrum: Record<string, unknown>, ids: { chain?: number; parent?: number; name?: string } = {}): Record<string, unknown>[] {
  return [{
    'chain-id': ids.chain ?? 7700001,
    'parent-chain-id': ids.parent ?? 42161,
    'chain-name': ids.name ?? 'lumen',
    'chain-config': { chainId: ids.chain ?? 7700001, homesteadBlock: 0, arbitrum: { EnableArbOS: true, AllowDebugPrecompiles: false, DataAvailabilityCommittee: false, InitialArbOSVersion: 32, InitialChainOwner: OWNER, ...arbitrum } },
    rollup: { bridge: '0x97369b0944A5c3634cCa74d4918fa9262e1ffe27', 'deployed-at': 1200 },
  }];
}

function nodeConfig(options: { arbitrum?: Record<string, unknown>; ids?: { chain?: number; parent?: number }; http?: Record<string, unknown>; node?: Record<string, unknown>; backends?: unknown[]; honest?: number } = {}): string {
  const das = options.backends
    ? { 'data-availability': { enable: true, 'rpc-aggregator': { enable: true, 'assumed-honest': options.honest ?? 1, backends: JSON.stringify(options.backends) } } }
    : {};
  return JSON.stringify({
    chain: { 'info-json': JSON.stringify(chainInfo(options.arbitrum ?? {}, options.ids)), name: 'lumen' },
    'parent-chain': { connection: { url: 'https://arb1.arbitrum.io/rpc' } },
    http: options.http ?? { addr: '127.0.0.1', port: 8449, vhosts: 'localhost', api: ['eth', 'net', 'web3', 'arb'] },
    node: { sequencer: { enable: true }, ...das, ...options.node },
  }, null, 2);
}

const INFO: Path = ['chain', 'info-json', 0, 'chain-config', 'arbitrum'];

describe('orbit-setup-config', () => {
  it('grants each role to the address written for it', () => {
    const text = setupConfig();
    const { model, problems } = built(orbitSetupConfig, 'orbitSetupScriptConfig.json', text);
    expect(problems).toEqual([]);
    expect(model.chain).toMatchObject({ framework: 'arbitrum-orbit', name: 'Lumen L3', chainId: '7700001', network: 'mainnet' });
    expect(model.grants.map((g) => [g.role, g.holder.raw, g.at.path.join('.')])).toEqual([
      ['chainOwner', OWNER, 'chainOwner'],
      ['networkFeeReceiver', OWNER, 'networkFeeReceiver'],
      ['infrastructureFeeCollector', OWNER, 'infrastructureFeeCollector'],
      ['batchPoster', POSTER, 'batchPoster'],
      ['validator', STAKER, 'staker'],
    ]);
    expect(model.grants.find((g) => g.role === 'chainOwner')?.powers).toEqual(['upgrade', 'set-params']);
    expect(model.proofSystem).toMatchObject({ kind: 'permissioned-fraud', at: { path: ['staker'] } });
  });

  it('an owner that also takes the fees: fee-capture on the fee receivers, pointing at the chain owner', () => {
    const text = setupConfig();
    const report = lintSource('orbitSetupScriptConfig.json', text);
    const [capture] = findingsOf(report, 'fee-capture');
    expect(capture.message).toMatch(/^Network fee receiver and Infrastructure fee collector pay 0x7C3a…2f41, which /);
    expect(fullText(capture)).toContain('can also upgrade contracts and change chain parameters');
    expect(underlined(text, capture)).toBe(`"${OWNER}"`);
    expect(capture.related.map((r) => r.message)).toEqual([`${OWNER} is also the Infrastructure fee collector`, '0x7C3a…2f41 is also the Chain owner']);
    // The owner holds one critical role; fee receipt is not one, so nothing collapses.
    expect(findingsOf(report, 'role-collapse')).toEqual([]);
  });

  it('an owner that also posts batches collapses two critical roles', () => {
    const text = setupConfig({ batchPoster: OWNER });
    const [collapse] = findingsOf(lintSource('orbitSetupScriptConfig.json', text), 'role-collapse');
    expect(collapse.message).toContain('is the Chain owner and the Batch poster');
    expect(fullText(collapse)).toContain('holds 2 critical roles (Chain owner and Batch poster)');
    expect(collapse.fixes, 'a placeholder is not a fix, and the setup config describes a chain that exists').toEqual([]);
  });

  it('zero addresses and a missing staker are no holders', () => {
    const text = setupConfig({ staker: '0x0000000000000000000000000000000000000000', networkFeeReceiver: undefined });
    const { model } = built(orbitSetupConfig, 'orbitSetupScriptConfig.json', text);
    expect(model.grants.map((g) => g.role)).toEqual(['chainOwner', 'infrastructureFeeCollector', 'batchPoster']);
    expect(model.proofSystem).toBeUndefined();
  });

  it('is not confused with other JSON', () => {
    expect(orbitSetupConfig.detect({ chainOwner: OWNER })).toBe(0);
    expect(orbitSetupConfig.detect([])).toBe(0);
  });
});

describe('orbit-node-config', () => {
  it('reads the chain config inside chain.info-json and points into the string', () => {
    const text = nodeConfig();
    const { model, problems } = built(orbitNodeConfig, 'nodeConfig.json', text);
    expect(problems).toEqual([]);
    expect(model.chain).toMatchObject({ chainId: '7700001', name: 'lumen', network: 'mainnet', networkReason: 'parent chain id 42161 is Arbitrum One' });
    const [owner] = model.grants;
    expect(owner).toMatchObject({ role: 'chainOwner', holder: { raw: OWNER }, at: { path: [...INFO, 'InitialChainOwner'] } });
    expect(textAt(text, owner.at.path)).toBe(OWNER);
  });

  it('a finding on InitialChainOwner underlines exactly the address inside the string', () => {
    const text = nodeConfig();
    const [finding] = findingsOf(lintSource('nodeConfig.json', text), 'unverified-authority');
    expect(finding.message).toMatch(/^0x7C3a…2f41 can upgrade contracts and change chain parameters, but /);
    expect(finding.detail).toMatch(/^It is the Initial chain owner/);
    expect(underlined(text, finding)).toBe(OWNER);
    const line = text.split('\n')[finding.range.start.line];
    expect(line.trimStart().startsWith('"info-json": "[{')).toBe(true);
    expect(line.slice(finding.range.start.character - 2, finding.range.start.character)).toBe('\\"');
    expect(line.slice(finding.range.end.character, finding.range.end.character + 2)).toBe('\\"');
  });

  it('a node config describes a running chain, so its flag gets no value-changing fix', () => {
    const text = nodeConfig({ arbitrum: { AllowDebugPrecompiles: true } });
    const [flag] = findingsOf(lintSource('nodeConfig.json', text), 'dev-flags-in-production').filter((f) => f.message.startsWith('AllowDebugPrecompiles'));
    expect(flag.severity).toBe('error');
    expect(fullText(flag)).toContain('becomeChainOwner');
    expect(underlined(text, flag)).toBe('true');
    expect(flag.fixes).toEqual([]);
  });

  it('role-collapse on an owner inside the createRollup chainConfig string underlines the address there; a flag fix there leaves the string intact', () => {
    // The createRollup params hold the chain config as a string too; its owner also validates.
    const params = (config: Record<string, unknown>) => JSON.stringify({
      config: { confirmPeriodBlocks: 45818, owner: STAKER, loserStakeEscrow: '0x0000000000000000000000000000000000000000', chainId: 7700001, chainConfig: JSON.stringify(chainInfo(config)[0]['chain-config']), extraChallengeTimeBlocks: 0, sequencerInboxMaxTimeVariation: { delayBlocks: 28800, futureBlocks: 300, delaySeconds: 345600, futureSeconds: 3600 } },
      validators: [POSTER],
      batchPosters: [STAKER],
    }, null, 2);
    const text = params({ InitialChainOwner: POSTER });
    const collapse = findingsOf(lintSource('rollup.json', text), 'role-collapse').find((f) => f.message.startsWith('0x5d2A…1F62'))!;
    expect(fullText(collapse)).toContain('Initial chain owner (InitialChainOwner) and Validator');
    expect(underlined(text, collapse)).toBe(POSTER);
    expect(collapse.fixes).toEqual([]);

    const debug = params({ InitialChainOwner: POSTER, AllowDebugPrecompiles: true });
    const [flag] = findingsOf(lintSource('rollup.json', debug), 'dev-flags-in-production').filter((f) => f.message.startsWith('AllowDebugPrecompiles'));
    expect(underlined(debug, flag)).toBe('true');
    const fixed = applyEdits(debug, flag.fixes[0].edits);
    const outer = JSON.parse(fixed) as { config: { chainConfig: string } };
    expect(JSON.parse(outer.config.chainConfig)).toEqual(chainInfo({ InitialChainOwner: POSTER, AllowDebugPrecompiles: false })[0]['chain-config']);
    expect(findingsOf(lintSource('rollup.json', fixed), 'dev-flags-in-production').filter((f) => f.message.startsWith('AllowDebugPrecompiles'))).toEqual([]);
  });

  it('a chain config string that does not parse is a problem, not a crash', () => {
    const text = JSON.stringify({ chain: { 'info-json': '[{"chain-id": 1,', name: 'x' }, node: { sequencer: { enable: true } } });
    const report = lintSource('nodeConfig.json', text);
    expect(report.findings.map((f) => f.ruleId)).toContain('schema-error');
    expect(report.findings.find((f) => f.ruleId === 'schema-error')?.message).toMatch(/chain\.info-json should hold JSON/);
  });

  it('the AnyTrust committee: members, assumed-honest, placeholder keys', () => {
    const text = nodeConfig({ arbitrum: { DataAvailabilityCommittee: true }, backends: [{ url: 'http://das:9876', pubkey: PLACEHOLDER_KEY, signermask: 1 }] });
    const { model } = built(orbitNodeConfig, 'nodeConfig.json', text);
    const [dac] = model.dependencies;
    expect(dac).toMatchObject({ kind: 'data-availability', operators: ['http://das:9876'], at: { path: [...INFO, 'DataAvailabilityCommittee'] } });
    expect(dac.committee).toMatchObject({ size: 1, assumedHonest: 1, placeholderKeys: 1 });
    expect(textAt(text, dac.committee!.placeholderAt!.path)).toBe(PLACEHOLDER_KEY);
    expect(textAt(text, dac.committee!.assumedHonestAt!.path)).toBe('1');
  });

  it('a committee of one with assumed-honest 1 is a weak-dac error on a mainnet parent', () => {
    const text = nodeConfig({ arbitrum: { DataAvailabilityCommittee: true }, backends: [{ url: 'http://das:9876', pubkey: 'YBM8WH8fzFQs+IXcFMBei3c0fIp6lNYH', signermask: 1 }] });
    const [weak] = findingsOf(lintSource('nodeConfig.json', text), 'weak-dac');
    expect(weak.severity).toBe('error');
    expect(weak.message).toMatch(/^AnyTrust Data Availability Committee has one member \(assumed-honest 1\)/);
    expect(underlined(text, weak)).toBe('1');
    // The assumed-honest value is where the finding sits, so it is not listed again as a related place.
    expect(weak.related.map((r) => r.message)).toEqual(['the chain depends on AnyTrust Data Availability Committee']);
  });

  it('assumed-honest larger than the committee is a problem', () => {
    const text = nodeConfig({ arbitrum: { DataAvailabilityCommittee: true }, backends: [{ url: 'http://das:9876', pubkey: 'YBM8' }], honest: 3 });
    const { problems } = built(orbitNodeConfig, 'nodeConfig.json', text);
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining('assumed-honest is 3 but only 1 backend is listed') })]);
  });

  it('dangerous options that are on, wherever they sit; harmless and off ones are ignored', () => {
    const text = nodeConfig({ node: { sequencer: { enable: true, dangerous: { 'no-coordinator': true, 'disable-blob-reader': true } }, dangerous: { 'no-sequencer-coordinator': true, 'no-l1-listener': false } } });
    const { model } = built(orbitNodeConfig, 'nodeConfig.json', text);
    expect(model.flags.map((f) => f.at.path.join('.'))).toEqual(['node.sequencer.dangerous.no-coordinator', 'node.dangerous.no-sequencer-coordinator']);
    // Settings of one machine: node hygiene, at info, never a development flag of the chain.
    const report = lintSource('nodeConfig.json', text);
    expect(findingsOf(report, 'dev-flags-in-production')).toEqual([]);
    const findings = findingsOf(report, 'node-hygiene');
    expect(findings.map((f) => [underlined(text, f), f.severity])).toEqual([['true', 'info'], ['true', 'info']]);
    expect(findings[0].message).toMatch(/^node\.sequencer\.dangerous\.no-coordinator is true on a node that sequences the chain/);
    expect(findings[0].detail).toMatch(/^It lets the node sequence without the sequencer coordinator/);
    expect(findings[0].fixes).toEqual([]);
  });

  it('a replica (no sequencer, batch poster or validator) has no node findings, and a disabled rpc-aggregator is not the chain\'s committee', () => {
    const replica = JSON.stringify({
      chain: { 'info-json': JSON.stringify(chainInfo({ DataAvailabilityCommittee: true })), name: 'lumen' },
      'parent-chain': { connection: { url: 'https://arb1.arbitrum.io/rpc' } },
      http: { addr: '0.0.0.0', vhosts: '*', corsdomain: '*', api: ['eth', 'debug'] },
      node: {
        sequencer: false,
        'forwarding-target': 'https://rpc.lumen.example',
        dangerous: { 'no-sequencer-coordinator': true },
        'data-availability': { enable: true, 'rest-aggregator': { enable: true, urls: 'http://das-server:9877' }, 'rpc-aggregator': { enable: false, 'assumed-honest': 1, backends: JSON.stringify([{ url: 'http://das-server:9876', pubkey: 'YBM8WH8fzFQs', signermask: 1 }]) } },
      },
    }, null, 2);
    const report = lintSource('nodeConfig.json', replica);
    expect(report.model!.flags).toEqual([]);
    expect(findingsOf(report, 'node-hygiene')).toEqual([]);
    expect(findingsOf(report, 'weak-dac')).toEqual([]);
    // The chain runs AnyTrust (its chain config says so), but the committee is not what a replica's disabled aggregator lists.
    expect(report.model!.dependencies).toEqual([expect.objectContaining({ kind: 'data-availability', operators: [] })]);
    expect(report.model!.dependencies[0].committee).toBeUndefined();
  });

  it('signing keys written in the file: placeholders and literal keys, not environment references', () => {
    const text = nodeConfig({ node: {
      'batch-poster': { enable: true, 'parent-chain-wallet': { 'private-key': 'your-private-key' } },
      staker: { enable: true, 'parent-chain-wallet': { 'private-key': '${STAKER_KEY}' } },
    } });
    const findings = findingsOf(lintSource('nodeConfig.json', text), 'dev-flags-in-production');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('is the template placeholder "your-private-key"');
    expect(findings[0].detail).toContain('Load the key from a keystore');
    expect(underlined(text, findings[0])).toBe('"your-private-key"');
  });

  it('the debug API on a public interface of the sequencer, but not on localhost', () => {
    const open = nodeConfig({ http: { addr: '0.0.0.0', vhosts: '*', corsdomain: '*', api: ['eth', 'debug'] } });
    const [debug] = findingsOf(lintSource('nodeConfig.json', open), 'node-hygiene');
    expect(debug.message).toMatch(/^The debug API on http is open to any host .*on a node that sequences the chain/);
    expect(fullText(debug)).toContain('open to any host (http.addr 0.0.0.0, http.vhosts "*", http.corsdomain "*")');
    expect(debug.severity).toBe('info');
    expect(underlined(open, debug)).toBe('"debug"');
    const local = nodeConfig({ http: { addr: '127.0.0.1', vhosts: 'localhost', api: ['eth', 'debug'] } });
    expect(findingsOf(lintSource('nodeConfig.json', local), 'node-hygiene')).toEqual([]);
    const noDebug = nodeConfig({ http: { addr: '0.0.0.0', vhosts: '*', api: ['eth', 'net'] } });
    expect(findingsOf(lintSource('nodeConfig.json', noDebug), 'node-hygiene')).toEqual([]);
  });

  it('a dev chain (412346) raises no development flags', () => {
    const text = nodeConfig({ ids: { chain: 412346, parent: 1337 }, arbitrum: { AllowDebugPrecompiles: true }, http: { addr: '0.0.0.0', vhosts: '*', api: ['debug'] } });
    const report = lintSource('nodeConfig.json', text);
    expect(report.model?.chain.network).toBe('devnet');
    expect(findingsOf(report, 'dev-flags-in-production')).toEqual([]);
  });
});

describe('orbit-chain-info', () => {
  const list = [
    ...chainInfo({ InitialChainOwner: OWNER }, { chain: 7700001, parent: 1, name: 'lumen-one' }),
    ...chainInfo({ InitialChainOwner: '0x0000000000000000000000000000000000000000', AllowDebugPrecompiles: true }, { chain: 412346, parent: 1337, name: 'lumen-dev' }),
    ...chainInfo({ InitialChainOwner: POSTER, DataAvailabilityCommittee: true }, { chain: 7700002, parent: 1, name: 'lumen-any' }),
  ];

  it('grants each chain\'s owner, skips the zero owner and the dev chain\'s debug precompiles', () => {
    const text = JSON.stringify(list, null, 2);
    const { model } = built(orbitChainInfo, 'arbitrum_chain_info.json', text);
    expect(model.chain.network).toBe('mainnet');
    expect(model.grants.map((g) => [g.title, g.holder.raw, textAt(text, g.at.path)])).toEqual([
      ['Initial chain owner of lumen-one', OWNER, `"${OWNER}"`],
      ['Initial chain owner of lumen-any', POSTER, `"${POSTER}"`],
    ]);
    expect(model.flags).toEqual([]);
    expect(model.dependencies.map((d) => d.name)).toEqual(['AnyTrust Data Availability Committee of lumen-any']);
  });

  it('the parent-chain contracts of a file of one chain, where verify reads who controls them; a list of several names none', () => {
    const text = JSON.stringify(chainInfo({}, { chain: 7700001, parent: 1, name: 'lumen-one' }), null, 2);
    const { model } = built(orbitChainInfo, 'chain_info.json', text);
    expect(model.contracts?.map((c) => [c.name, c.address.raw, c.at.path.join('.')])).toEqual([['bridge', '0x97369b0944A5c3634cCa74d4918fa9262e1ffe27', '0.rollup.bridge']]);
    expect(built(orbitChainInfo, 'arbitrum_chain_info.json', JSON.stringify(list)).model.contracts).toBeUndefined();
    const node = built(orbitNodeConfig, 'node-config.json', nodeConfig()).model;
    expect(node.contracts?.map((c) => [c.name, c.at.path.join('.')])).toEqual([['bridge', 'chain.info-json.0.rollup.bridge']]);
  });

  it('debug precompiles on a production entry are a development flag', () => {
    const text = JSON.stringify(chainInfo({ AllowDebugPrecompiles: true }, { chain: 7700001, parent: 1, name: 'lumen-one' }), null, 2);
    const [flag] = findingsOf(lintSource('chain_info.json', text), 'dev-flags-in-production');
    expect(flag.message).toMatch(/^AllowDebugPrecompiles is true on a production chain/);
    expect(flag.fixes, 'a chain-info entry describes a chain that exists').toEqual([]);
  });
});

describe('orbit-rollup-params', () => {
  const params = (config: Record<string, unknown>, rest: Record<string, unknown> = {}) => JSON.stringify({
    config: {
      confirmPeriodBlocks: 45818,
      extraChallengeTimeBlocks: 0,
      stakeToken: '0x0000000000000000000000000000000000000000',
      baseStake: '100000000000000000',
      owner: OWNER,
      loserStakeEscrow: '0x0000000000000000000000000000000000000000',
      chainId: 7700001,
      chainConfig: JSON.stringify(chainInfo({})[0]['chain-config']),
      genesisBlockNum: 0,
      sequencerInboxMaxTimeVariation: { delayBlocks: 28800, futureBlocks: 300, delaySeconds: 345600, futureSeconds: 3600 },
      ...config,
    },
    validators: [STAKER],
    batchPosters: [POSTER],
    ...rest,
  }, null, 2);

  it('reads the owner, validators, batch posters, the confirm period and the force-inclusion delay', () => {
    const text = params({});
    const { model } = built(orbitRollupParams, 'rollup.json', text);
    expect(model.grants.map((g) => [g.role, g.holder.raw, g.at.path.join('.')])).toEqual([
      ['chainOwner', OWNER, 'config.owner'],
      ['chainOwner', OWNER, 'config.chainConfig.arbitrum.InitialChainOwner'],
      ['batchPoster', POSTER, 'batchPosters.0'],
      ['validator', STAKER, 'validators.0'],
    ]);
    expect(model.delays.map((d) => [d.kind, d.seconds])).toEqual([['withdrawal', 45818 * 12], ['forced-inclusion', 4 * 86400]]);
    expect(model.proofSystem?.title).toContain('a whitelist of 1 validator');
  });

  it('the SDK\'s testnet confirm period on a mainnet parent is off the standard', () => {
    const text = params({ confirmPeriodBlocks: 150 });
    const [finding] = findingsOf(lintSource('rollup.json', text), 'nonstandard-parameter');
    expect(finding.message).toMatch(/^Confirmation period \(confirmPeriodBlocks\) is 150 blocks \(30 minutes?\), below the standard 45818 blocks/);
    expect(underlined(text, finding)).toBe('150');
    expect(finding.fixes[0].edits[0].newText).toBe('45818');
    expect(findingsOf(lintSource('rollup.json', params({})), 'nonstandard-parameter')).toEqual([]);
  });

  it('counts in the parent\'s blocks: Base blocks are 2 s, so the standard is six times as many', () => {
    const text = params({ confirmPeriodBlocks: 45818 }, { parentChainId: 8453 });
    const [finding] = findingsOf(lintSource('rollup.json', text), 'nonstandard-parameter');
    expect(finding.message).toContain(`below the standard ${45818 * 6} blocks`);
  });

  it('on a testnet parent the short confirm period is not held to the mainnet standard', () => {
    expect(findingsOf(lintSource('rollup.json', params({ confirmPeriodBlocks: 150 }, { parentChainId: 421614 })), 'nonstandard-parameter')).toEqual([]);
  });

  it('a whitelist of one validator: permissioned proofs; a disabled whitelist: none', () => {
    const [proofs] = findingsOf(lintSource('rollup.json', params({})), 'permissioned-proofs');
    expect(fullText(proofs)).toMatch(/only 0x9a0B…6a81 \(Validator\) can take part/i);
    expect(findingsOf(lintSource('rollup.json', params({}, { validatorWhitelistDisabled: true })), 'permissioned-proofs')).toEqual([]);
  });

  it('loserStakeEscrow = owner: the owner collects the slashed stakes', () => {
    const text = params({ loserStakeEscrow: OWNER });
    const [capture] = findingsOf(lintSource('rollup.json', text), 'fee-capture');
    expect(capture.message).toMatch(/^Loser stake escrow \(receives slashed stakes\) pays 0x7C3a…2f41, which /);
    expect(fullText(capture)).toContain('can also upgrade contracts and change chain parameters');
    expect(underlined(text, capture)).toBe(`"${OWNER}"`);
  });
});
