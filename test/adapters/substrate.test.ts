import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { substrateChainSpec } from '../../server/src/engine/adapters/substrate/chain-spec';
import { encodeCompact, littleEndian, ScaleReader } from '../../server/src/engine/adapters/substrate/scale';
import { itemKeys } from '../../server/src/engine/adapters/substrate/storage';
import { storageKey, twox128, twox64, xxhash64 } from '../../server/src/engine/adapters/substrate/twox';
import { devKeyFor } from '../../server/src/engine/data/dev-keys';
import type { FileReport } from '../../server/src/engine/lint';
import { parseAddress } from '../../server/src/engine/model/address';
import { AuthorityModelSchema } from '../../server/src/engine/model/schema';
import { parseDocument } from '../../server/src/engine/parse';
import { underlined } from '../helpers/fixtures';
import { findingsOf, fullText, lintFile, lintSource } from '../helpers/lint';

const FIXTURES = join(__dirname, '..', 'fixtures', 'substrate');
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const ALICE_ED25519 = '5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu';
/** The fixture accounts' public keys (blake2b-256 of "chokepoint fixture account N"). */
const FIXTURE_1 = '0x7ee2bb908d42a61e0afddf33fc7eb19d6fe2fb71cc6353d35c766f33b527858f';
const FIXTURE_2 = '0x1c40b8a48063620fc6ee8cbb433f3feb4e495cc9584dff2ee738b687e637cc00';
const FIXTURE_3 = '0x1635c112ea4806fe266dec847de36e151276de33a2f4a90962bdb90d7449ae25';

const keyOf = (raw: string) => parseAddress(raw)!.key;
const fixture = (name: string) => join(FIXTURES, name);
const textOf = (name: string) => readFileSync(fixture(name), 'utf8');

function lintFixture(name: string): { report: FileReport; text: string } {
  const report = lintFile(fixture(name));
  expect(report.adapter?.id).toBe('substrate-chain-spec');
  expect(() => AuthorityModelSchema.parse(report.model)).not.toThrow();
  expect(report.findings.filter((f) => ['parse-error', 'schema-error', 'internal-error'].includes(f.ruleId))).toEqual([]);
  return { report, text: textOf(name) };
}

describe('twox hashing (raw storage keys)', () => {
  it('matches published xxHash64 vectors, short and long inputs', () => {
    expect(xxhash64(new Uint8Array(0)).toString(16)).toBe('ef46db3751d8e999');
    expect(xxhash64(new TextEncoder().encode('abc')).toString(16)).toBe('44bc2cf5ad770999');
    // 39 bytes: exercises the 32-byte stripe loop.
    expect(xxhash64(new TextEncoder().encode('Nobody inspects the spammish repetition')).toString(16)).toBe('fbcea83c8a378bf1');
  });

  it('matches the storage keys FRAME writes for Sudo::Key, System::Account and the pallet version item', () => {
    expect(twox128('Sudo')).toBe('5c0d1176a568c1f92944340dbfed9e9c');
    expect(twox128('Key')).toBe('530ebca703c85910e7164cb7d1c9e47b');
    expect(storageKey('Sudo', 'Key')).toBe('0x5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b');
    expect(storageKey('System', 'Account')).toBe('0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9');
    expect(twox128(':__STORAGE_VERSION__:')).toBe('4e7b9012096b41c4eb3aaf947f6ea429');
    expect(storageKey('CollatorSelection', 'Invulnerables')).toBe('0x15464cac3378d46f113cd5b7a4d71c845579297f4dfb9609e7e4c2ebab9ce40a');
    expect(twox64('Sudo')).toBe(twox128('Sudo').slice(0, 16));
  });

  it('round-trips SCALE compact integers in every mode', () => {
    for (const n of [0, 1, 63, 64, 16383, 16384, 2 ** 30 - 1, 2 ** 30, 2n ** 64n]) {
      expect(new ScaleReader(encodeCompact(n)).compact()).toBe(BigInt(n));
    }
  });
});

describe('substrate chain spec: detection', () => {
  it('recognizes plain, legacy and raw specs by content, and nothing else', () => {
    for (const name of ['plain-solochain.json', 'legacy-runtime.json', 'raw-parachain.json']) {
      const doc = parseDocument(fixture(name), textOf(name));
      expect(substrateChainSpec.detect(doc.value)).toBeGreaterThan(0.9);
      expect(substrateChainSpec.sniff?.test(textOf(name))).toBe(true);
    }
    expect(substrateChainSpec.detect({ genesis: { alloc: {} }, config: { chainId: 1 } })).toBe(0);
    expect(substrateChainSpec.detect({ app_state: {}, genesis_time: 'x' })).toBe(0);
  });
});

describe('substrate chain spec: plain runtimeGenesis patch', () => {
  const { report, text } = lintFixture('plain-solochain.json');
  const model = report.model!;

  it('reads sudo, Aura and GRANDPA authorities with their paths', () => {
    const sudo = model.grants.find((g) => g.role === 'sudo')!;
    expect(sudo).toMatchObject({ root: true, holder: { key: keyOf(ALICE) } });
    expect(sudo.at.path).toEqual(['genesis', 'runtimeGenesis', 'patch', 'sudo', 'key']);
    expect(model.grants.find((g) => g.role === 'aura-authority')?.holder.key).toBe(keyOf(ALICE));
    expect(model.grants.find((g) => g.role === 'grandpa-authority')).toMatchObject({ holder: { key: keyOf(ALICE_ED25519) }, powers: ['finalize'] });
    // Live only says "not a local dev chain": with nothing naming a testnet, the chain is treated as production.
    expect(model.chain).toMatchObject({ framework: 'substrate', network: 'unknown', networkReason: expect.stringMatching(/^chainType is Live, which only says it is not a local development chain/) });
  });

  it('flags the dev sudo key as root and dev key, underlining the key in the file', () => {
    const root = findingsOf(report, 'root-authority');
    expect(root).toHaveLength(1);
    expect(root[0].severity).toBe('error');
    expect(underlined(text, root[0])).toBe(`"${ALICE}"`);
    const dev = findingsOf(report, 'dev-key-authority');
    expect(dev.map((f) => underlined(text, f))).toEqual([`"${ALICE}"`, `"${ALICE}"`, `"${ALICE_ED25519}"`]);
    expect(dev.map((f) => f.message.split(' is ')[0])).toEqual(['The Sudo key', 'The Aura authority', 'The GRANDPA authority']);
    expect(dev[2].message).toContain('Alice (ed25519)');
    expect(dev.every((f) => f.severity === 'error')).toBe(true);
  });

  it('finds the single GRANDPA voter and the proof-of-authority set', () => {
    expect(model.distributions.filter((d) => d.kind === 'voting-power').map((d) => d.title)).toEqual(['GRANDPA finality set']);
    const single = findingsOf(report, 'stake-concentration');
    expect(single).toHaveLength(1);
    expect(single[0].message).toMatch(/holds all of the GRANDPA finality set/);
    expect(underlined(text, single[0])).toBe(`"${ALICE_ED25519}"`);
    expect(model.validatorSet).toMatchObject({ admission: 'permissioned' });
    expect(findingsOf(report, 'permissioned-validator-set')[0].message).toContain('proof of authority');
  });

  it('reads balances beyond 2^53 exactly, and counts them because the runtime has token voting', () => {
    const supply = model.distributions.find((d) => d.kind === 'supply')!;
    expect(supply.denom).toBe('FIX');
    expect(supply.entries.map((e) => e.amount)).toEqual(['1000000000000000000000001', '5']);
  });

  it('keeps a membership pallet and the collective it feeds as one council, and reports small councils', () => {
    expect(model.councils.map((c) => [c.id, c.name, c.signers])).toEqual([
      ['council', 'Council', 3],
      ['technicalCommittee', 'Technical committee', 1],
    ]);
    const weak = findingsOf(report, 'weak-council');
    expect(weak.map((f) => [f.severity, underlined(text, f), text.split('\n')[f.range.start.line - 1].trim()])).toEqual([
      ['warning', '"members"', '"council": {'],
      ['error', '"members"', '"technicalCommittee": {'],
    ]);
    expect(weak[0].message).toMatch(/^Council can pass governance decisions .* only 3 members/);
    expect(weak[1].message).toMatch(/^Technical committee .* one member, who acts alone/);
  });
});

describe('substrate chain spec: legacy runtime and full config', () => {
  it('reads the legacy genesis.runtime with pallet-prefixed keys on a Local chain', () => {
    const { report, text } = lintFixture('legacy-runtime.json');
    const model = report.model!;
    expect(model.chain.network).toBe('devnet');
    expect(model.grants.find((g) => g.role === 'sudo')?.at.path).toEqual(['genesis', 'runtime', 'palletSudo', 'key']);
    expect(model.grants.filter((g) => g.role === 'aura-authority')).toHaveLength(2);
    // No staking or token governance: balances confer no power over the chain.
    expect(model.distributions.some((d) => d.kind === 'supply')).toBe(false);
    const root = findingsOf(report, 'root-authority');
    expect(root.map((f) => f.severity)).toEqual(['info']);
    expect(underlined(text, root[0])).toMatch(/^"5/);
  });

  it('reads runtimeGenesis.config and reports a malformed authority list as a schema error', () => {
    const spec = {
      name: 'Inline',
      id: 'inline',
      chainType: 'Live',
      genesis: { runtimeGenesis: { code: '0x00', config: { sudo: { key: BOB }, aura: { authorities: 'nope' } } } },
    };
    const report = lintSource('inline.json', JSON.stringify(spec, null, 2));
    expect(report.model!.grants.find((g) => g.role === 'sudo')?.holder.key).toBe(keyOf(BOB));
    const schema = findingsOf(report, 'schema-error');
    expect(schema).toHaveLength(1);
    expect(schema[0].message).toMatch(/Aura authority set should be a list/);
  });
});

describe('substrate chain spec: raw storage', () => {
  const { report, text } = lintFixture('raw-parachain.json');
  const model = report.model!;
  const sudoKey = storageKey('Sudo', 'Key');

  it('decodes Sudo::Key and points at its storage value', () => {
    const sudo = model.grants.find((g) => g.role === 'sudo')!;
    expect(sudo.holder).toMatchObject({ raw: FIXTURE_1, key: keyOf(FIXTURE_1) });
    expect(sudo.at.path).toEqual(['genesis', 'raw', 'top', sudoKey]);
    const root = findingsOf(report, 'root-authority');
    expect(root.map((f) => f.severity)).toEqual(['error']);
    expect(underlined(text, root[0])).toBe(`"${FIXTURE_1}"`);
    expect(text.split('\n')[root[0].range.start.line]).toContain(`"${sudoKey}": `);
  });

  it('decodes collator selection and session validators into one grant per collator', () => {
    const collators = model.grants.filter((g) => g.powers.includes('sequence'));
    expect(collators.map((g) => [g.role, g.holder.key])).toEqual([
      ['invulnerable-collator', keyOf(FIXTURE_2)],
      ['invulnerable-collator', keyOf(FIXTURE_3)],
    ]);
    // A parachain's collators are not a BFT set: no voting-power shares.
    expect(model.distributions).toEqual([]);
    expect(model.validatorSet?.admission).toBe('permissioned');
    const permissioned = findingsOf(report, 'permissioned-validator-set');
    expect(fullText(permissioned[0])).toContain('2 invulnerable collators: desiredCandidates is 0');
    expect(underlined(text, permissioned[0])).toBe('"0x00000000"');
  });

  it('decodes Council::Members and flags the dev key among them', () => {
    expect(model.councils).toHaveLength(1);
    expect(model.councils[0].members.map((m) => m.key)).toEqual([keyOf(FIXTURE_1), keyOf(BOB)]);
    const dev = findingsOf(report, 'dev-key-authority');
    expect(dev.map((f) => f.message)).toEqual([expect.stringMatching(/^Council counts Substrate dev account Bob as a member/)]);
    expect(text.split('\n')[dev[0].range.start.line]).toContain(storageKey('Council', 'Members'));
  });

  it('reports malformed storage values as schema errors instead of guessing', () => {
    const spec = JSON.parse(text);
    spec.genesis.raw.top[sudoKey] = '0x1234';
    spec.genesis.raw.top[storageKey('CollatorSelection', 'Invulnerables')] = '0x08aabb';
    const broken = lintSource('broken.json', JSON.stringify(spec, null, 2));
    expect(broken.model!.grants.some((g) => g.role === 'sudo')).toBe(false);
    const messages = findingsOf(broken, 'schema-error').map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/Sudo::Key should be the sudo account, 32 \(or 20\) bytes, but it is 2 bytes/), expect.stringMatching(/CollatorSelection::Invulnerables should hold a SCALE vector of accounts/)]),
    );
  });
});

describe('substrate chain spec: codeSubstitutes', () => {
  it('becomes a code override whose finding underlines the block number, at information level on a devnet', () => {
    const spec = { name: 'Dev', id: 'dev', chainType: 'Development', codeSubstitutes: { '42': '0x00' }, genesis: { runtimeGenesis: { code: '0x00', patch: {} } } };
    const text = JSON.stringify(spec, null, 2);
    const report = lintSource('dev.json', text);
    expect(report.model!.codeOverrides).toEqual([{ title: 'code substitute from block 42', from: '42', at: { file: report.uri, path: ['codeSubstitutes', '42'] } }]);
    const found = findingsOf(report, 'code-substitute');
    expect(found.map((f) => [f.severity, underlined(text, f)])).toEqual([['info', '"42"']]);
    expect(found[0].message).toBe('The chain spec substitutes the runtime code from block 42, so whoever ships the spec decides what nodes execute.');
    expect(found[0].detail).toMatch(/^Nodes using this spec run that code instead of the runtime on chain/);
  });
});

describe('Substrate dev keys', () => {
  it('every listed SS58 dev key parses (its checksum is right) and is recognized', () => {
    for (const address of [ALICE, BOB, ALICE_ED25519, '5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E', '5Fxune7f71ZbpP2FoY3mhYcmM596Erhv1gRue4nsPwkxMR4n', '5CRmqmsiNFExV6VbdmPJViVxrWmkaXXvBrSX8oqBT8R9vmWk']) {
      expect(devKeyFor(keyOf(address)), address).toBeDefined();
    }
    // The raw hex public key of Alice is the same key.
    expect(devKeyFor(keyOf('0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d'))?.label).toBe('Substrate dev account Alice');
  });
});

// ---- Every genesis generation, built inline: raw storage is SCALE-encoded here, keys are computed.

const bytesOf = (hexText: string) => [...Buffer.from(hexText.replace(/^0x/, ''), 'hex')];
const hexOf = (bytes: number[] | Uint8Array) => `0x${Buffer.from(Uint8Array.from(bytes)).toString('hex')}`;
/** A SCALE vector of fixed-size items given as hex. */
const vec = (...items: string[]) => hexOf([...encodeCompact(items.length), ...items.flatMap(bytesOf)]);
const int = (value: number, width: number) => hexOf(littleEndian(value, width));
/** The key layout before late 2019: twox128("Pallet Item"). */
const oldKey = (pallet: string, item: string) => itemKeys(pallet, item)[1];
const wellKnown = (name: string, index?: number) => hexOf([...Buffer.from(name), ...(index === undefined ? [] : littleEndian(index, 4))]);
const ZERO = `0x${'00'.repeat(32)}`;
const ZERO_SS58 = '5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM';
const UNCOMPRESSED_WASM = '0x0061736d01000000';

function specWith(genesis: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name: 'Inline', id: 'inline', chainType: 'Live', bootNodes: [], ...extra, genesis }, null, 2);
}

function lintSpec(genesis: Record<string, unknown>, extra: Record<string, unknown> = {}): { report: FileReport; text: string } {
  const text = specWith(genesis, extra);
  const report = lintSource('spec.json', text);
  expect(report.adapter?.id).toBe('substrate-chain-spec');
  expect(() => AuthorityModelSchema.parse(report.model)).not.toThrow();
  expect(report.findings.filter((f) => ['parse-error', 'schema-error', 'internal-error'].includes(f.ruleId)).map((f) => f.message)).toEqual([]);
  return { report, text };
}

describe('substrate chain spec: every raw generation', () => {
  const sudoKey = storageKey('Sudo', 'Key');
  const top = { [sudoKey]: FIXTURE_1, [storageKey('Session', 'Validators')]: vec(FIXTURE_2, FIXTURE_3) };
  const forms: [string, unknown, (string | number)[]][] = [
    ['{top, childrenDefault} (mid 2020 on)', { top, childrenDefault: {} }, ['genesis', 'raw', 'top', sudoKey]],
    ['{top, children} (early 2020)', { top, children: {} }, ['genesis', 'raw', 'top', sudoKey]],
    ['the [top, children] pair (2019 launch specs)', [top, {}], ['genesis', 'raw', 0, sudoKey]],
    ['the storage map itself (2018)', top, ['genesis', 'raw', sudoKey]],
  ];

  it.each(forms)('reads %s', (_, raw, path) => {
    const { report } = lintSpec({ raw });
    expect(substrateChainSpec.detect(JSON.parse(specWith({ raw })))).toBeGreaterThan(0.9);
    const sudo = report.model!.grants.find((g) => g.role === 'sudo')!;
    expect(sudo.holder.key).toBe(keyOf(FIXTURE_1));
    expect(sudo.at.path).toEqual(path);
    expect(report.model!.grants.filter((g) => g.role === 'session-validator').map((g) => g.holder.key)).toEqual([keyOf(FIXTURE_2), keyOf(FIXTURE_3)]);
    expect(findingsOf(report, 'root-authority')).toHaveLength(1);
  });

  it('reads keys and values written without 0x, and keys in upper case', () => {
    const bare = { [sudoKey.slice(2).toUpperCase()]: FIXTURE_1.slice(2), [storageKey('Session', 'Validators').slice(2)]: vec(FIXTURE_2).slice(2) };
    const { report, text } = lintSpec({ raw: { top: bare, childrenDefault: {} } });
    expect(report.model!.grants.find((g) => g.role === 'sudo')?.holder.key).toBe(keyOf(FIXTURE_1));
    expect(report.model!.grants.find((g) => g.role === 'session-validator')?.holder.key).toBe(keyOf(FIXTURE_2));
    expect(underlined(text, findingsOf(report, 'root-authority')[0])).toBe(`"${FIXTURE_1.slice(2)}"`);
  });

  it('decodes the pre-2019 key layout and the 2018 well-known :auth: and :grandpa:auth: lists', () => {
    const raw = {
      [oldKey('Sudo', 'Key')]: FIXTURE_1,
      [oldKey('UpgradeKey', 'Key')]: FIXTURE_1,
      [wellKnown(':auth:len')]: int(2, 4),
      [wellKnown(':auth:', 0)]: FIXTURE_2,
      [wellKnown(':auth:', 1)]: FIXTURE_3,
      [wellKnown(':grandpa:auth:len')]: int(2, 4),
      [wellKnown(':grandpa:auth:', 0)]: `${FIXTURE_2}${int(1, 8).slice(2)}`,
      [wellKnown(':grandpa:auth:', 1)]: `${FIXTURE_3}${int(1, 8).slice(2)}`,
      [wellKnown(':code')]: UNCOMPRESSED_WASM,
    };
    const { report } = lintSpec({ raw });
    const model = report.model!;
    expect(model.grants.map((g) => [g.role, g.holder.key])).toEqual([
      ['sudo', keyOf(FIXTURE_1)],
      ['upgrade-key', keyOf(FIXTURE_1)],
      ['consensus-authority', keyOf(FIXTURE_2)],
      ['consensus-authority', keyOf(FIXTURE_3)],
      ['grandpa-authority', keyOf(FIXTURE_2)],
      ['grandpa-authority', keyOf(FIXTURE_3)],
    ]);
    expect(model.grants.find((g) => g.role === 'sudo')?.at.path).toEqual(['genesis', 'raw', oldKey('Sudo', 'Key')]);
    expect(findingsOf(report, 'root-authority').map((f) => f.message.split(':')[0])).toEqual([expect.stringMatching(/is the Sudo key$/), expect.stringMatching(/is the Upgrade key$/)]);
    // Two equal GRANDPA voters: either one stalls finality; no staking, so a proof-of-authority set.
    expect(fullText(findingsOf(report, 'stake-concentration')[0])).toMatch(/more than 1\/3\. On its own it can stall finality/);
    expect(model.validatorSet).toMatchObject({ admission: 'permissioned', how: expect.stringContaining('consensus authority set and GRANDPA finality set') });
  });

  it('recognizes a stateRootHash spec, which carries no state to read', () => {
    const { report } = lintSpec({ stateRootHash: `0x${'ab'.repeat(32)}` });
    expect(report.model!.grants).toEqual([]);
  });
});

describe('substrate chain spec: every plain generation', () => {
  it.each([
    ['runtimeGenesis.patch', { runtimeGenesis: { code: '0x00', patch: { sudo: { key: BOB } } } }, ['genesis', 'runtimeGenesis', 'patch', 'sudo', 'key']],
    ['runtimeGenesis.config', { runtimeGenesis: { code: '0x00', config: { sudo: { key: BOB } } } }, ['genesis', 'runtimeGenesis', 'config', 'sudo', 'key']],
    ['runtimeAndCode (the deprecated from_genesis with code)', { runtimeAndCode: { code: '0x00', runtime: { sudo: { key: BOB } } } }, ['genesis', 'runtimeAndCode', 'runtime', 'sudo', 'key']],
    ['runtime with pallet-prefixed keys', { runtime: { palletSudo: { key: BOB } } }, ['genesis', 'runtime', 'palletSudo', 'key']],
    ['runtime with srml-prefixed keys (2019)', { runtime: { srmlSudo: { key: BOB } } }, ['genesis', 'runtime', 'srmlSudo', 'key']],
    ['runtime.runtime_genesis_config (Rococo 2021)', { runtime: { runtime_genesis_config: { sudo: { key: BOB } }, session_length_in_blocks: null } }, ['genesis', 'runtime', 'runtime_genesis_config', 'sudo', 'key']],
  ])('reads %s', (_, genesis, path) => {
    const text = specWith(genesis);
    expect(substrateChainSpec.detect(JSON.parse(text))).toBeGreaterThan(0.9);
    expect(substrateChainSpec.sniff?.test(text)).toBe(true);
    const { report } = lintSpec(genesis);
    const sudo = report.model!.grants.find((g) => g.role === 'sudo')!;
    expect(sudo.holder.key).toBe(keyOf(BOB));
    expect(sudo.at.path).toEqual(path);
  });
});

describe('substrate chain spec: validator and collator admission', () => {
  const raw = (top: Record<string, string>) => ({ raw: { top, childrenDefault: {} } });

  it('reports a staking chain whose ForceEra is ForceNone as a fixed validator set, underlining ForceEra', () => {
    const { report, text } = lintSpec(raw({
      [storageKey('Sudo', 'Key')]: FIXTURE_1,
      [storageKey('Staking', 'ValidatorCount')]: int(50, 4),
      [storageKey('Staking', 'ForceEra')]: '0x02',
      [storageKey('Staking', 'Invulnerables')]: vec(FIXTURE_2, FIXTURE_3),
      [storageKey('Session', 'Validators')]: vec(FIXTURE_2, FIXTURE_3),
    }));
    const found = findingsOf(report, 'permissioned-validator-set');
    expect(found).toHaveLength(1);
    expect(fullText(found[0])).toContain('Staking::ForceEra is ForceNone, so no new era starts and the 2 genesis validators stay until Root forces one');
    expect(fullText(found[0])).toContain('Substrate pallet-staking');
    expect(underlined(text, found[0])).toBe('"0x02"');
  });

  it('leaves a staking chain whose elections run (NotForcing) unjudged, in raw and plain specs', () => {
    const { report } = lintSpec(raw({ [storageKey('Staking', 'ValidatorCount')]: int(50, 4), [storageKey('Staking', 'ForceEra')]: '0x00', [storageKey('Session', 'Validators')]: vec(FIXTURE_2) }));
    expect(report.model!.validatorSet).toBeUndefined();
    const plain = lintSpec({ runtime: { staking: { forceEra: 'NotForcing', stakers: [] } } });
    expect(plain.report.model!.validatorSet).toBeUndefined();
  });

  it('reads forceEra in a plain spec', () => {
    const { report, text } = lintSpec({ runtime: { palletStaking: { forceEra: 'ForceNone', invulnerables: [BOB], stakers: [[BOB, BOB, 1000, 'Validator']] } } });
    const found = findingsOf(report, 'permissioned-validator-set');
    expect(fullText(found[0])).toContain('ForceEra is ForceNone');
    expect(underlined(text, found[0])).toBe('"ForceNone"');
  });

  it('treats a parachain with a fixed Aura list and a pallet merely named Staking as proof of authority, naming how few collators there are', () => {
    const { report } = lintSpec(raw({
      [storageKey('Sudo', 'Key')]: FIXTURE_1,
      [storageKey('Aura', 'Authorities')]: vec(FIXTURE_2, FIXTURE_3),
      // Interlay's vault staking: a pallet called Staking without NPoS's ValidatorCount.
      [storageKey('Staking', 'TotalCurrentStake')]: int(0, 16),
      [storageKey('ParachainInfo', 'ParachainId')]: int(2092, 4),
    }), { relay_chain: 'kusama', para_id: 2092 });
    const model = report.model!;
    expect(model.grants.filter((g) => g.role === 'aura-authority').map((g) => g.title)).toEqual(['Aura collator', 'Aura collator']);
    // Collators are not a BFT set: the relay chain validates and finalizes.
    expect(model.distributions).toEqual([]);
    const found = findingsOf(report, 'permissioned-validator-set');
    expect(fullText(found[0])).toContain('proof of authority: the genesis authorities of the collator set');
    expect(fullText(found[0])).toContain('these 2 collators decide which transactions get in, and all of them together can stop block production, though the relay chain\'s validators check every block they make');
    expect(findingsOf(report, 'stake-concentration')).toEqual([]);
    // The same in a plain spec: a `staking` section without pallet-staking's fields is not NPoS.
    const plain = lintSpec({ runtime: { parachainInfo: { parachainId: 2092 }, aura: { authorities: [BOB] }, staking: { phantom: null } } });
    expect(plain.report.model!.validatorSet?.how).toContain('this one collator alone decides which transactions get in');
  });

  it('reads Moonbeam\'s parachain-staking collators as permissionless admission', () => {
    const alith = 'f24ff3a9cf04c71dbc94d0b566f7a27b94566cac';
    const other = '4c5a56ed5a4ff7b09aa86560afd7d383f4831cce';
    const { report } = lintSpec(raw({
      [storageKey('ParachainStaking', 'SelectedCandidates')]: vec(alith, other),
      [storageKey('ParachainStaking', 'TotalSelected')]: int(8, 4),
    }), { relayChain: 'polkadot', paraId: 2004 });
    const model = report.model!;
    expect(model.grants.map((g) => [g.role, g.holder.key])).toEqual([['selected-collator', keyOf(`0x${alith}`)], ['selected-collator', keyOf(`0x${other}`)]]);
    expect(model.validatorSet).toMatchObject({ admission: 'permissionless', how: expect.stringContaining('the 8 candidates with the most stake collate each round (2 at genesis)') });
    expect(findingsOf(report, 'permissioned-validator-set')).toEqual([]);
    expect(model.distributions).toEqual([]);
    expect(findingsOf(report, 'dev-key-authority').map((f) => f.message.split(',')[0])).toEqual(['The Selected collator is Moonbeam/Frontier dev account Alith']);
  });
});

describe('substrate chain spec: councils under each runtime\'s pallet names', () => {
  it('decodes CouncilCollective and TechCommitteeCollective as two bodies even with the same members, and drops the membership pallet that feeds one', () => {
    const members = vec(FIXTURE_1, FIXTURE_2);
    const { report } = lintSpec({ raw: { top: {
      [storageKey('CouncilCollective', 'Members')]: members,
      [storageKey('TechCommitteeCollective', 'Members')]: members,
      [storageKey('CouncilMembership', 'Members')]: members,
    }, childrenDefault: {} } });
    expect(report.model!.councils.map((c) => [c.id, c.name, c.signers])).toEqual([
      ['CouncilCollective', 'Council', 2],
      ['TechCommitteeCollective', 'Technical committee', 2],
    ]);
    expect(findingsOf(report, 'weak-council').map((f) => f.message.split(' can ')[0])).toEqual(['Council', 'Technical committee']);
  });

  it('decodes the first runtimes\' council of (account, block number) pairs', () => {
    const { report } = lintSpec({ raw: [{ [oldKey('Council', 'Members')]: vec(`${FIXTURE_1}${int(9, 4).slice(2)}`, `${FIXTURE_2}${int(9, 4).slice(2)}`) }, {}] });
    expect(report.model!.councils.map((c) => c.members.map((m) => m.key))).toEqual([[keyOf(FIXTURE_1), keyOf(FIXTURE_2)]]);
  });

  it('names the sole member of a one-member collective (older instance naming), who acts alone', () => {
    const member = '5GeJhwJytmUMeJHRoRxfK4VffEs7jiZ9u3TVc2fE74sbnCiD';
    const { report, text } = lintSpec({ runtime: { palletCollectiveInstance1: { phantom: null, members: [member] } } });
    expect(report.model!.councils.map((c) => [c.name, c.address?.key])).toEqual([['Council', keyOf(member)]]);
    const weak = findingsOf(report, 'weak-council');
    expect(weak.map((f) => [f.severity, f.subjects.includes(keyOf(member))])).toEqual([['error', true]]);
    expect(weak[0].message).toMatch(/^Council can pass governance decisions .* a body of one member, who acts alone/);
    expect(underlined(text, weak[0])).toBe('"members"');
  });
});

describe('substrate chain spec: a sudo key set to the all-zero account', () => {
  const identifier = Buffer.from('CheckNonZeroSender').toString('hex');

  it('is a key anyone can use when the runtime in the spec has no CheckNonZeroSender', () => {
    const { report, text } = lintSpec({ runtime: { frameSystem: { code: UNCOMPRESSED_WASM }, palletSudo: { key: ZERO_SS58 } } });
    const dev = findingsOf(report, 'dev-key-authority');
    expect(dev.map((f) => [f.severity, underlined(text, f)])).toEqual([['error', `"${ZERO_SS58}"`]]);
    expect(fullText(dev[0])).toMatch(/^The Sudo key is the all-zero account, whose private key is public\. The key is published \(FRAME CheckNonZeroSender\), so anyone can upgrade the runtime/);
    expect(findingsOf(report, 'root-authority')).toHaveLength(1);
  });

  it('is no key at all when the runtime bars the zero account, in plain and raw specs', () => {
    const plain = lintSpec({ runtimeGenesis: { code: `${UNCOMPRESSED_WASM}00${identifier}00`, patch: { sudo: { key: ZERO_SS58 } } } });
    expect(plain.report.model!.grants).toEqual([]);
    const raw = lintSpec({ raw: { top: { [storageKey('Sudo', 'Key')]: ZERO, [wellKnown(':code')]: `${UNCOMPRESSED_WASM}${identifier}` }, childrenDefault: {} } });
    expect(raw.report.model!.grants).toEqual([]);
  });

  it('says the key is usable unless the runtime bars it when the code is compressed', () => {
    const { report } = lintSpec({ raw: { top: { [storageKey('Sudo', 'Key')]: ZERO, [wellKnown(':code')]: '0x52bc537646db8e0528b52ffd' }, childrenDefault: {} } });
    const dev = findingsOf(report, 'dev-key-authority');
    expect(dev[0].message).toMatch(/^The Sudo key \(usable by anyone unless the runtime bars the all-zero account with CheckNonZeroSender\) is the all-zero account/);
  });
});
