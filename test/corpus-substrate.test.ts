/**
 * The Substrate chain specs of ../shared/corpus, linted in-process. Expectations come from the
 * descriptions in PROVENANCE.tsv, not from the tool; the files are never copied in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlainGenesis } from '../server/src/engine/adapters/substrate/plain';
import { storageKey } from '../server/src/engine/adapters/substrate/twox';
import { devKeyFor } from '../server/src/engine/data/dev-keys';
import type { FileReport } from '../server/src/engine/lint';
import { parseAddress } from '../server/src/engine/model/address';
import { ModelBuilder } from '../server/src/engine/model/builder';
import { parseDocument } from '../server/src/engine/parse';
import { underlined } from './helpers/fixtures';
import { findingsOf, fullText, lintFile } from './helpers/lint';

const CORPUS = join(__dirname, '..', '..', 'shared', 'corpus');
const HAVE_CORPUS = existsSync(join(CORPUS, 'PROVENANCE.tsv'));
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const keyOf = (raw: string) => parseAddress(raw)!.key;

function lint(file: string): { report: FileReport; text: string; ms: number } {
  const path = join(CORPUS, file);
  const start = performance.now();
  const report = lintFile(path);
  const ms = performance.now() - start;
  expect(report.adapter?.id, file).toBe('substrate-chain-spec');
  expect(report.findings.filter((f) => ['parse-error', 'schema-error', 'internal-error'].includes(f.ruleId)), file).toEqual([]);
  return { report, text: readFileSync(path, 'utf8'), ms };
}

describe.skipIf(!HAVE_CORPUS)('corpus: substrate findings match PROVENANCE.tsv', () => {
  it('every substrate file in PROVENANCE.tsv is one this test covers', () => {
    const rows = readFileSync(join(CORPUS, 'PROVENANCE.tsv'), 'utf8').split('\n').filter((l) => l.startsWith('substrate/'));
    expect(rows.map((r) => r.split('\t')[0]).sort()).toEqual([
      'substrate/cumulus/asset-hub-polkadot-genesis.json',
      'substrate/paseo/bulletin-paseo.json',
      'substrate/polkadot-sdk-minimal-template/dev_chain_spec.json',
      'substrate/polkadot-sdk-parachain-template/dev_chain_spec.json',
    ]);
  });

  it('minimal template (plain patch, Live on the "dev" relay): a devnet; sudo.key is Alice, and 14 dev accounts hold equal balances', () => {
    const file = 'substrate/polkadot-sdk-minimal-template/dev_chain_spec.json';
    const { report, text } = lint(file);
    const model = report.model!;
    // chainType Live only says "not a local dev chain"; its relay chain "dev" says it is one.
    expect(model.chain).toMatchObject({ network: 'devnet', networkReason: 'its relay chain "dev" is a local relay chain' });
    const sudo = model.grants.find((g) => g.role === 'sudo')!;
    expect(sudo.holder.key).toBe(keyOf(ALICE));
    for (const rule of ['root-authority', 'dev-key-authority']) {
      const found = findingsOf(report, rule);
      expect(found.map((f) => [f.severity, underlined(text, f)]), rule).toEqual([['info', `"${ALICE}"`]]);
    }
    expect(findingsOf(report, 'dev-key-authority')[0].message).toMatch(/^The Sudo key is Substrate dev account Alice, whose private key is public/);
    expect(fullText(findingsOf(report, 'root-authority')[0])).toMatch(/is the Sudo key: it can do anything on the chain.* treated as a devnet \(its relay chain "dev"/);

    // The balances, read as the adapter reads them: 14 accounts, every one a dev key, 1000 each.
    const doc = parseDocument(join(CORPUS, file), text);
    const facts = readPlainGenesis(new ModelBuilder(doc, { framework: 'substrate', network: 'mainnet', networkReason: 'test' }), ['genesis', 'runtimeGenesis', 'patch']);
    const balances = facts.balances!.entries;
    expect(balances).toHaveLength(14);
    expect(new Set(balances.map((e) => e.amount))).toEqual(new Set([1000n]));
    expect(balances.filter((e) => devKeyFor(e.address.key))).toHaveLength(14);
    // Equal shares and no token voting: no concentration finding.
    expect(findingsOf(report, 'supply-concentration')).toEqual([]);
  });

  it('parachain template (plain patch, Live on rococo-local): a devnet; sudo Alice, invulnerables Alice and Bob, collators admitted by permission', () => {
    const { report, text } = lint('substrate/polkadot-sdk-parachain-template/dev_chain_spec.json');
    const model = report.model!;
    expect(model.grants.find((g) => g.role === 'sudo')?.holder.key).toBe(keyOf(ALICE));
    expect(model.grants.filter((g) => g.role === 'invulnerable-collator').map((g) => g.holder.key)).toEqual([keyOf(ALICE), keyOf(BOB)]);
    const dev = findingsOf(report, 'dev-key-authority');
    expect(dev.map((f) => [f.severity, f.message.split(',')[0], underlined(text, f)])).toEqual([
      ['info', 'The Invulnerable collator is Substrate dev account Alice', `"${ALICE}"`],
      ['info', 'The Invulnerable collator is Substrate dev account Bob', `"${BOB}"`],
      ['info', 'The Sudo key is Substrate dev account Alice', `"${ALICE}"`],
    ]);
    expect(text.split('\n')[dev[2].range.start.line].trim()).toBe(`"key": "${ALICE}"`);
    const permissioned = findingsOf(report, 'permissioned-validator-set');
    expect(permissioned).toHaveLength(1);
    expect(fullText(permissioned[0])).toMatch(/Cumulus collator selection with 2 invulnerable collators: desiredCandidates is not set and defaults to 0.*candidacy bond \(16000000000\)/);
    // Two collators of a parachain are not a BFT set: no halting claim about them.
    expect(findingsOf(report, 'stake-concentration')).toEqual([]);
    expect(model.chain).toMatchObject({ network: 'devnet', networkReason: 'its relay chain "rococo-local" is a local relay chain' });
    expect(findingsOf(report, 'root-authority').map((f) => f.severity)).toEqual(['info']);
  });

  it('Bulletin Paseo (RAW, Live, on the Paseo test relay): a testnet, so Sudo::Key = 0x808cd360…6e0b is a root-authority warning on the storage value', () => {
    const { report, text, ms } = lint('substrate/paseo/bulletin-paseo.json');
    const sudoHex = '0x808cd36029a4142ad7d255cd504e826156fee86f453841d398f874467c7f6e0b';
    const model = report.model!;
    expect(model.grants.find((g) => g.role === 'sudo')?.holder.key).toBe(keyOf(sudoHex));
    expect(model.chain.network).toBe('testnet');
    const root = findingsOf(report, 'root-authority');
    expect(root.map((f) => f.severity)).toEqual(['warning']);
    expect(underlined(text, root[0])).toBe(`"${sudoHex}"`);
    expect(text.split('\n')[root[0].range.start.line]).toContain(`"${storageKey('Sudo', 'Key')}": "${sudoHex}"`);
    expect(root[0].message).toMatch(/^0x808c…6e0b .* is the Sudo key: it can do anything on the chain/);
    // Two collators, from CollatorSelection::Invulnerables, Session::Validators and Aura::Authorities.
    expect(model.grants.filter((g) => g.powers.includes('sequence'))).toHaveLength(2);
    expect(fullText(findingsOf(report, 'permissioned-validator-set')[0])).toContain('2 invulnerable collators: desiredCandidates is 0');
    console.info(`bulletin-paseo.json (2.3 MB raw) linted in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2000);
  });

  it('Polkadot Asset Hub (RAW, Live; control): no Sudo::Key, no error finding, four invulnerable collators', () => {
    const { report, ms } = lint('substrate/cumulus/asset-hub-polkadot-genesis.json');
    const model = report.model!;
    expect(model.chain).toMatchObject({ network: 'mainnet', networkReason: 'its relay chain "polkadot" is a production relay chain' });
    expect(model.grants.some((g) => g.root)).toBe(false);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(findingsOf(report, 'root-authority')).toEqual([]);
    expect(model.grants.filter((g) => g.role === 'invulnerable-collator')).toHaveLength(4);
    expect(findingsOf(report, 'permissioned-validator-set')[0].message).toContain('4 invulnerable collators');
    console.info(`asset-hub-polkadot-genesis.json (1.3 MB raw) linted in ${ms.toFixed(0)} ms`);
  });
});
