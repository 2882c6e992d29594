/**
 * Lints the Polygon zkEVM files of the shared corpus (../shared/corpus, never copied here) one by one
 * and checks what PROVENANCE.tsv says each holds. Skipped when the corpus is not there.
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
const DIR = 'polygon-zkevm/zkevm-contracts';

function provenance(file: string): string {
  const rows = readFileSync(join(CORPUS, 'PROVENANCE.tsv'), 'utf8').trim().split('\n');
  const row = rows.map((r) => r.split('\t')).find((cells) => cells[0] === `${DIR}/${file}`);
  expect(row, `PROVENANCE.tsv describes ${file}`).toBeDefined();
  return row![row!.length - 1];
}

/** The one address in the file that the description abbreviates as `0x148E...2800`. */
function fullAddress(text: string, abbreviated: string): string {
  const [head, tail] = abbreviated.split('...');
  const found = new Set((text.match(new RegExp(`${head}[0-9a-fA-F]{${42 - head.length - tail.length}}${tail}`, 'gi')) ?? []).map((a) => a.toLowerCase()));
  expect([...found], abbreviated).toHaveLength(1);
  return [...found][0];
}

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`.toLowerCase();

/** The text of the line a related location starts on. */
function lineOf(text: string, finding: Finding, index: number): string {
  return text.split(/\r?\n/)[finding.related[index].range.start.line];
}

function lint(file: string): { report: FileReport; text: string } {
  const path = join(CORPUS, DIR, file);
  return { report: lintFile(path), text: readFileSync(path, 'utf8') };
}

describe.skipIf(!HAVE_CORPUS)('corpus: Polygon zkEVM findings match PROVENANCE.tsv', () => {
  describe('mainnetDeployParameters.json', () => {
    const file = 'mainnetDeployParameters.json';
    const { report, text } = HAVE_CORPUS ? lint(file) : ({} as ReturnType<typeof lint>);
    const description = HAVE_CORPUS ? provenance(file) : '';
    const addressOf = (label: string) => fullAddress(text, new RegExp(`${label} (0x[0-9a-fA-F]+\\.\\.\\.[0-9a-fA-F]+)`).exec(description)![1]);

    it('is read as Polygon zkEVM mainnet deploy parameters with no engine errors', () => {
      expect(report.adapter?.id).toBe('polygon-zkevm-deploy-parameters');
      expect(report.model?.chain).toMatchObject({ network: 'mainnet', chainId: '1101' });
      expect(report.findings.filter((f) => ['schema-error', 'parse-error', 'internal-error'].includes(f.ruleId))).toEqual([]);
      expect(findingsOf(report, 'dev-key-authority')).toEqual([]);
      expect(findingsOf(report, 'dev-flags-in-production')).toEqual([]);
    });

    it('a SINGLE trusted sequencer, with no forced batches to get around it', () => {
      const sequencer = addressOf('trustedSequencer');
      expect(report.model!.grants.filter((g) => g.powers.includes('sequence')).map((g) => g.holder.raw.toLowerCase())).toEqual([sequencer]);
      const [censor] = findingsOf(report, 'forced-inclusion-window');
      expect(censor.severity).toBe('error');
      expect(underlined(text, censor).toLowerCase()).toBe(`"${sequencer}"`);
      expect(censor.message).toContain('no forced-inclusion path');
      expect(censor.message.toLowerCase()).toContain(`only the sequencer ${short(sequencer)} decides`);
    });

    it('a SINGLE trusted aggregator, the only prover until the 432000 s timeout', () => {
      const aggregator = addressOf('trustedAggregator');
      expect(description).toContain('trustedAggregatorTimeout/pendingStateTimeout 432000s');
      expect(report.model!.grants.filter((g) => g.powers.includes('propose')).map((g) => g.holder.raw.toLowerCase())).toEqual([aggregator]);
      const [prover] = findingsOf(report, 'permissioned-proofs');
      expect(underlined(text, prover).toLowerCase()).toBe(`"${aggregator}"`);
      expect(prover.message.toLowerCase()).toContain(short(aggregator));
      expect(prover.message).toContain('5 days');
      expect(prover.severity).toBe('info');
    });

    it('admin = zkEVMOwner: one address holds both, a role collapse located on that address', () => {
      const owner = fullAddress(text, /admin = zkEVMOwner = (0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+)/.exec(description)![1]);
      const collapses = findingsOf(report, 'role-collapse');
      expect(collapses).toHaveLength(1);
      const [collapse] = collapses;
      expect(collapse.severity).toBe('warning');
      expect(underlined(text, collapse).toLowerCase()).toBe(`"${owner}"`);
      expect(text.split('\n')[collapse.range.start.line]).toContain('"admin"');
      expect(lineOf(text, collapse, 0)).toContain('"zkEVMOwner"');
      expect(lineOf(text, collapse, 0).toLowerCase()).toContain(owner);
      expect(collapse.message).toContain('PolygonZkEVM admin');
      expect(collapse.message).toContain('PolygonZkEVM owner');
    });

    it('the timelock: minDelayTimelock 864000 s (10 days) in front of the timelock address', () => {
      const timelock = addressOf('timelock');
      expect(description).toContain('minDelayTimelock 864000s (10d)');
      const delay = report.model!.delays.find((d) => d.kind === 'upgrade-timelock')!;
      expect(delay.seconds).toBe(864_000);
      expect(delay.appliesTo?.raw.toLowerCase()).toBe(timelock);
      const [window] = findingsOf(report, 'short-exit-window');
      expect(window.severity).toBe('warning');
      expect(underlined(text, window).toLowerCase()).toBe(`"${timelock}"`);
      expect(window.message).toContain('after 10 days');
      expect(fullText(window)).toContain('Stage 2');
      // The first related place writes the timelock's address in full; the delay follows it.
      expect(lineOf(text, window, window.related.findIndex((r) => r.message.startsWith('PolygonZkEVMTimelock minimum delay')))).toContain('"minDelayTimelock": 864000');
    });
  });

  describe('create_rollup_parameters_docker.json', () => {
    const file = 'create_rollup_parameters_docker.json';
    const { report, text } = HAVE_CORPUS ? lint(file) : ({} as ReturnType<typeof lint>);
    const description = HAVE_CORPUS ? provenance(file) : '';

    it('is read as createRollup parameters with no engine errors', () => {
      expect(report.adapter?.id).toBe('polygon-cdk-create-rollup-parameters');
      expect(description).toContain('consensusContract PolygonZkEVMEtrog');
      expect(report.model?.parameters.find((p) => p.id === 'consensusContract')?.value).toBe('PolygonZkEVMEtrog');
      expect(report.findings.filter((f) => ['schema-error', 'parse-error', 'internal-error'].includes(f.ruleId))).toEqual([]);
    });

    it('is a devnet: its sequencer URL is a Docker service name', () => {
      expect(report.model!.chain).toMatchObject({ network: 'devnet', networkReason: 'trustedSequencerURL points at zkevm-json-rpc, a host only a local network resolves' });
    });

    it('trustedSequencer = adminZkEVM = Anvil #0: dev-key-authority on both (info on a devnet) and a role collapse', () => {
      const anvil = fullAddress(text, /(0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+) \(well-known anvil/.exec(description)![1]);
      expect(anvil).toBe('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
      const keys = findingsOf(report, 'dev-key-authority');
      expect(keys.map((f) => text.split('\n')[f.range.start.line].trim().split(':')[0])).toEqual(['"trustedSequencer"', '"adminZkEVM"']);
      for (const finding of keys) {
        expect(underlined(text, finding).toLowerCase()).toBe(`"${anvil}"`);
        expect(finding.message).toContain('Anvil/Hardhat test account #0');
        expect(finding.severity).toBe('info');
      }
      const [collapse] = findingsOf(report, 'role-collapse');
      expect(underlined(text, collapse).toLowerCase()).toBe(`"${anvil}"`);
      expect(collapse.message).toContain('Trusted sequencer');
      expect(collapse.message).toContain('Rollup admin (adminZkEVM)');
      expect(lineOf(text, collapse, 0)).toContain('"adminZkEVM"');
    });

    it('realVerifier=false: no working proof system, and no development-flag finding on a devnet', () => {
      expect(description).toContain('realVerifier=false');
      expect(findingsOf(report, 'dev-flags-in-production')).toEqual([]);
      const [proofs] = findingsOf(report, 'permissioned-proofs');
      expect(proofs.severity).toBe('error');
      expect(proofs.message).toContain('no working proof system');
    });
  });

  describe('addRollupMainnet-genesis.json', () => {
    const file = 'addRollupMainnet-genesis.json';
    const { report, text } = HAVE_CORPUS ? lint(file) : ({} as ReturnType<typeof lint>);
    const description = HAVE_CORPUS ? provenance(file) : '';

    it('ProxyAdmin owner (slot 0) = the PolygonZkEVMTimelock, whose minDelay slot holds 864000 s', () => {
      expect(report.adapter?.id).toBe('polygon-zkevm-genesis');
      const timelock = fullAddress(text, /PolygonZkEVMTimelock (0x[0-9a-fA-F]+\.\.\.[0-9a-fA-F]+)/.exec(description)![1]);
      const upgraders = report.model!.grants.filter((g) => g.powers.includes('upgrade'));
      expect(upgraders.map((g) => g.holder.raw.toLowerCase())).toEqual([timelock]);
      expect(upgraders[0].title).toContain('PolygonZkEVMBridge proxy');
      expect(description).toContain('minDelay slot = 0xd2f00 (864000s)');
      expect(report.model!.delays.find((d) => d.kind === 'upgrade-timelock')).toMatchObject({ seconds: 864_000, appliesTo: { raw: expect.stringMatching(new RegExp(timelock, 'i')) } });
      const [window] = findingsOf(report, 'short-exit-window');
      expect(window.severity).toBe('warning');
      expect(underlined(text, window)).toBe(`"0x000000000000000000000000${timelock.slice(2)}"`);
      expect(window.message).toContain('PolygonZkEVMTimelock');
      expect(fullText(window)).toContain('a 10-day timelock');
    });

    it('the bridge\'s 2^128-1 native balance is not read as anyone\'s supply; the timelock is not an unknown holder', () => {
      expect(description).toContain('Bridge proxy holds 2^128-1 native balance');
      expect(report.model!.distributions).toEqual([]);
      expect(findingsOf(report, 'supply-concentration')).toEqual([]);
      expect(findingsOf(report, 'unverified-authority')).toEqual([]);
      expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });
  });
});
