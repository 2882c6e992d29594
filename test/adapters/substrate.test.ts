import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { substrateChainSpec } from '../../server/src/engine/adapters/substrate/chain-spec';
import { encodeCompact, ScaleReader } from '../../server/src/engine/adapters/substrate/scale';
import { storageKey, twox128, twox64, xxhash64 } from '../../server/src/engine/adapters/substrate/twox';
import { devKeyFor } from '../../server/src/engine/data/dev-keys';
import type { FileReport } from '../../server/src/engine/lint';
import { parseAddress } from '../../server/src/engine/model/address';
import { AuthorityModelSchema } from '../../server/src/engine/model/schema';
import { parseDocument } from '../../server/src/engine/parse';
import { underlined } from '../helpers/fixtures';
import { findingsOf, lintFile, lintSource } from '../helpers/lint';

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
    expect(permissioned[0].message).toContain('2 invulnerable collators: desiredCandidates is 0');
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
    expect(found[0].message).toMatch(/from block 42: nodes using this spec run that code instead of the runtime on chain/);
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
