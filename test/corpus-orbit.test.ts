/**
 * Lints the Arbitrum files of the shared corpus (../shared/corpus/arbitrum, never copied here) in
 * process and checks each finding against what PROVENANCE.tsv says the file holds. Skipped when the
 * corpus is not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FileReport, Finding } from '../server/src/engine/lint';
import { underlined } from './helpers/fixtures';
import { findingsOf, fullText, lintFile } from './helpers/lint';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const HAVE_CORPUS = existsSync(join(CORPUS, 'PROVENANCE.tsv'));

const L3_SETUP = 'arbitrum/orbit-l3nitro/orbitSetupScriptConfig.json';
const L3_NODE = 'arbitrum/orbit-l3nitro/nodeConfig.json';
const SANKO = 'arbitrum/sanko-mainnet/nodeConfig.json';
const PLUME = 'arbitrum/plume-testnet/nodeConfig.json';
const CHAIN_INFO = 'arbitrum/nitro/arbitrum_chain_info.json';

function descriptions(): Map<string, string> {
  const rows = readFileSync(join(CORPUS, 'PROVENANCE.tsv'), 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((row) => row.split('\t')).map((cells) => [cells[0], cells[cells.length - 1]]));
}

const reports = new Map<string, { report: FileReport; text: string }>();
function lint(file: string): { report: FileReport; text: string } {
  let cached = reports.get(file);
  if (!cached) {
    const path = join(CORPUS, file);
    cached = { report: lintFile(path), text: readFileSync(path, 'utf8') };
    reports.set(file, cached);
  }
  return cached;
}

/** The one full address in the file that the description abbreviates as `0x4f57...4a10`. */
function fullAddress(file: string, abbreviated: string): string {
  const [head, tail] = abbreviated.split('...');
  const found = new Set((readFileSync(join(CORPUS, file), 'utf8').match(new RegExp(`${head}[0-9a-fA-F]{${42 - head.length - tail.length}}${tail}`, 'gi')) ?? []).map((a) => a.toLowerCase()));
  expect([...found], `${abbreviated} in ${file}`).toHaveLength(1);
  return [...found][0];
}

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`.toLowerCase();

/** The key written just before a range: the field a finding or a related place points at. */
function keyBefore(text: string, finding: { range: Finding['range'] }): string {
  const lines = text.split('\n');
  const line = lines[finding.range.start.line].slice(0, finding.range.start.character);
  return /\\?"([\w.-]+)\\?"\s*:\s*\\?"?$/.exec(line)?.[1] ?? '';
}

/** What PROVENANCE.tsv says about a file, matched against a pattern. */
function claim(file: string, pattern: RegExp): RegExpExecArray {
  const text = descriptions().get(file);
  expect(text, `PROVENANCE.tsv describes ${file}`).toBeDefined();
  const match = pattern.exec(text!);
  expect(match, `${file}: "${text}" matches ${pattern}`).not.toBeNull();
  return match!;
}

describe.skipIf(!HAVE_CORPUS)('corpus: Arbitrum Orbit findings match PROVENANCE.tsv', () => {
  it('every Arbitrum file is recognized by an Orbit adapter, with no engine findings', () => {
    const expected: Record<string, string> = { [L3_SETUP]: 'orbit-setup-config', [L3_NODE]: 'orbit-node-config', [SANKO]: 'orbit-node-config', [PLUME]: 'orbit-node-config', [CHAIN_INFO]: 'orbit-chain-info' };
    expect([...descriptions().keys()].filter((file) => file.startsWith('arbitrum/')).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, adapter] of Object.entries(expected)) {
      const { report } = lint(file);
      expect(report.adapter?.id, file).toBe(adapter);
      expect(report.findings.filter((f) => ['parse-error', 'schema-error', 'internal-error'].includes(f.ruleId)).map((f) => f.message), file).toEqual([]);
    }
  });

  describe('L3Nitro orbitSetupScriptConfig.json', () => {
    it('one EOA is chainOwner, networkFeeReceiver and infrastructureFeeCollector: fee-capture names it and points at all three', () => {
      const match = claim(L3_SETUP, /((?:\w+ = )+)(0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+) \(one EOA, (\d) roles\)/);
      const roles = match[1].split(' = ').filter(Boolean);
      expect(roles).toHaveLength(Number(match[3]));
      const owner = fullAddress(L3_SETUP, match[2]);
      const { report, text } = lint(L3_SETUP);
      const captures = findingsOf(report, 'fee-capture');
      expect(captures).toHaveLength(1);
      const [capture] = captures;
      expect(capture.severity).toBe('warning');
      expect(capture.message.toLowerCase()).toContain(short(owner));
      expect(capture.message).toMatch(/^Network fee receiver and Infrastructure fee collector pay 0x4f57…4a10, which /);
      expect(fullText(capture)).toContain('can also upgrade contracts and change chain parameters');
      const places = [capture, ...capture.related];
      expect(places.map((p) => keyBefore(text, p)).sort()).toEqual([...roles].sort());
      for (const place of places) expect(underlined(text, place as Finding).replace(/"/g, '').toLowerCase()).toBe(owner);
      // The setup script signs with the chain owner's key: the file shows it is one key, so it is a single-key council, not an undeclared address.
      expect(findingsOf(report, 'unverified-authority').filter((f) => f.message.toLowerCase().startsWith(short(owner)))).toEqual([]);
      const [weak] = findingsOf(report, 'weak-council').filter((f) => f.message.toLowerCase().startsWith(short(owner)));
      expect(weak.message).toContain('is a single key (EOA)');
    });

    it('a single batchPoster and a single staker: the staker is the only one who can prove', () => {
      const poster = fullAddress(L3_SETUP, claim(L3_SETUP, /single batchPoster (0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+)/)[1]);
      const staker = fullAddress(L3_SETUP, claim(L3_SETUP, /single staker (0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+)/)[1]);
      const { report, text } = lint(L3_SETUP);
      expect(report.model?.grants.filter((g) => g.role === 'batchPoster').map((g) => g.holder.raw.toLowerCase())).toEqual([poster]);
      const [proofs] = findingsOf(report, 'permissioned-proofs');
      expect(fullText(proofs)).toContain('(Staker (validator))');
      expect(proofs.message.toLowerCase()).toContain(`only ${short(staker)}`);
      expect(underlined(text, proofs).replace(/"/g, '').toLowerCase()).toBe(staker);
      expect(findingsOf(report, 'role-collapse')).toEqual([]);
    });
  });

  describe('L3Nitro nodeConfig.json', () => {
    it('InitialChainOwner inside chain.info-json: the finding underlines exactly the address inside the string', () => {
      const owner = fullAddress(L3_NODE, claim(L3_NODE, /InitialChainOwner (0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+)/)[1]);
      const { report, text } = lint(L3_NODE);
      const [finding] = findingsOf(report, 'unverified-authority');
      expect(finding.detail).toContain('the Initial chain owner (InitialChainOwner)');
      expect(underlined(text, finding).toLowerCase()).toBe(owner);
      expect(keyBefore(text, finding)).toBe('InitialChainOwner');
      expect(text.split('\n')[finding.range.start.line]).toContain('"info-json": "[{');
    });

    it('the sequencer runs with dangerous.no-coordinator: node hygiene, at info', () => {
      claim(L3_NODE, /sequencer dangerous\.no-coordinator=true/);
      const { report, text } = lint(L3_NODE);
      const flags = findingsOf(report, 'node-hygiene').filter((f) => keyBefore(text, f) === 'no-coordinator');
      expect(flags).toHaveLength(1);
      expect(flags[0].severity).toBe('info');
      expect(flags[0].message).toBe('node.sequencer.dangerous.no-coordinator is true on a node that runs the chain.');
      expect(flags[0].detail).toMatch(/^The node sequences the chain and posts the chain's batches and validates the chain's assertions\./);
      expect(flags[0].detail).toContain('no failover');
      expect(underlined(text, flags[0])).toBe('true');
    });

    it('batch poster and staker on the same node with placeholder private keys', () => {
      claim(L3_NODE, /batch-poster \+ staker .* with placeholder private keys/);
      const { report, text } = lint(L3_NODE);
      const keys = findingsOf(report, 'dev-flags-in-production').filter((f) => keyBefore(text, f) === 'private-key');
      expect(keys.map((f) => /^(.*?) is /.exec(f.message)?.[1])).toEqual(['The batch poster private key', 'The validator (staker) private key']);
      for (const finding of keys) {
        expect(finding.detail).toMatch(/^It is The (batch poster|validator \(staker\)) private key \(node\.(batch-poster|staker)\.parent-chain-wallet\.private-key\)\./);
        expect(underlined(text, finding)).toBe('"your-private-key"');
        expect(finding.message).toContain('the template placeholder "your-private-key"');
      }
    });

    it("http vhosts/corsdomain '*' with the debug API", () => {
      claim(L3_NODE, /http vhosts\/corsdomain '\*' incl debug API/);
      const { report, text } = lint(L3_NODE);
      const [debug] = findingsOf(report, 'node-hygiene').filter((f) => f.message.startsWith('The debug API'));
      expect(fullText(debug)).toContain('http.vhosts "*", http.corsdomain "*"');
      expect(underlined(text, debug)).toBe('"debug"');
    });
  });

  describe.each([
    [SANKO, 'mainnet'],
    [PLUME, 'testnet'],
  ])('%s', (file, network) => {
    it('a replica runs AnyTrust, but its disabled rpc-aggregator (ONE backend, assumed-honest=1) is not the chain\'s committee: no weak-dac', () => {
      claim(file, /DataAvailabilityCommittee=true|DAC=true/);
      claim(file, /assumed-honest=1 with ONE backend|ONE DAS backend, assumed-honest=1/);
      const { report, text } = lint(file);
      expect(report.model?.chain.network).toBe(network);
      expect(text).toMatch(/"rpc-aggregator": \{\s*"enable": false/);
      expect(findingsOf(report, 'weak-dac')).toEqual([]);
      expect(report.model?.dependencies).toEqual([expect.objectContaining({ kind: 'data-availability', name: 'AnyTrust Data Availability Committee', operators: [] })]);
      expect(report.model?.dependencies[0].committee).toBeUndefined();
    });

    it('InitialChainOwner is reported on the address inside the chain config string', () => {
      const owner = fullAddress(file, claim(file, /InitialChainOwner (0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+)/)[1]);
      const { report, text } = lint(file);
      const owned = report.findings.filter((f) => underlined(text, f).toLowerCase() === owner);
      expect(owned.map((f) => f.ruleId)).toContain('unverified-authority');
      expect(owned.every((f) => keyBefore(text, f) === 'InitialChainOwner')).toBe(true);
    });
  });

  it('plume testnet: dangerous.no-sequencer-coordinator on a replica is its operator\'s business, not a finding', () => {
    claim(PLUME, /dangerous\.no-sequencer-coordinator=true/);
    const { report } = lint(PLUME);
    expect(findingsOf(report, 'node-hygiene')).toEqual([]);
    expect(findingsOf(report, 'dev-flags-in-production').filter((f) => f.message.includes('dangerous'))).toEqual([]);
  });

  it('sanko: no-sequencer-coordinator=false is no flag', () => {
    const { report, text } = lint(SANKO);
    expect(text).toContain('"no-sequencer-coordinator": false');
    expect(findingsOf(report, 'dev-flags-in-production').filter((f) => f.message.includes('dangerous'))).toEqual([]);
  });

  describe('Nitro arbitrum_chain_info.json', () => {
    it.each(['arb1', 'nova', 'sepolia-rollup'])('the InitialChainOwner of %s is a holder, reported on its address', (chain) => {
      const owner = fullAddress(CHAIN_INFO, claim(CHAIN_INFO, new RegExp(`${chain}=(0x[0-9a-fA-F]+\\.\\.\\.[0-9a-fA-F]+)`))[1]);
      const { report, text } = lint(CHAIN_INFO);
      const grant = report.model?.grants.find((g) => g.holder.raw.toLowerCase() === owner);
      expect(grant?.title).toBe(`Initial chain owner of ${chain}`);
      const [finding] = findingsOf(report, 'unverified-authority').filter((f) => underlined(text, f).replace(/"/g, '').toLowerCase() === owner);
      expect(finding.detail).toContain(`the Initial chain owner of ${chain}`);
    });

    it('nova runs AnyTrust', () => {
      claim(CHAIN_INFO, /nova=0x[0-9a-fA-F.]+ \(DAC=true\)/);
      expect(lint(CHAIN_INFO).report.model?.dependencies.map((d) => d.name)).toContain('AnyTrust Data Availability Committee of nova');
    });

    it('dev chains with InitialChainOwner 0x0 and AllowDebugPrecompiles=true: no holder, no development flag', () => {
      claim(CHAIN_INFO, /dev chains with InitialChainOwner=0x0 and AllowDebugPrecompiles=true/);
      const { report, text } = lint(CHAIN_INFO);
      expect(text).toMatch(/"AllowDebugPrecompiles": true/);
      expect(report.model?.chain.network).toBe('mainnet');
      expect(report.model?.flags).toEqual([]);
      expect(findingsOf(report, 'dev-flags-in-production')).toEqual([]);
      expect(report.model?.grants.filter((g) => /^0x0+$/.test(g.holder.raw))).toEqual([]);
      expect(report.findings.filter((f) => f.message.includes('0x0000…0000'))).toEqual([]);
    });
  });
});
