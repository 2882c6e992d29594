/**
 * Lints the Cosmos SDK geneses of the shared corpus (../shared/corpus, never copied here) and checks
 * what PROVENANCE.tsv says each holds. Skipped when the corpus is not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FileReport, Finding } from '../server/src/engine/lint';
import { concentration, ratio } from '../server/src/engine/metrics';
import { parseAddress, shortAddress } from '../server/src/engine/model/address';
import type { AuthorityModel, Distribution } from '../server/src/engine/model/schema';
import { sharesByEntity } from '../server/src/engine/rules/concentration';
import { underlined } from './helpers/fixtures';
import { findingsOf, fullText, lintFile } from './helpers/lint';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const HAVE_CORPUS = existsSync(join(CORPUS, 'PROVENANCE.tsv'));

const reports = new Map<string, FileReport>();
function lint(file: string): { report: FileReport; model: AuthorityModel; text: string } {
  const path = join(CORPUS, file);
  let report = reports.get(path);
  if (!report) {
    report = lintFile(path);
    reports.set(path, report);
  }
  expect(report.adapter?.id, `${file} is read as a Cosmos SDK genesis`).toBe('cosmos-genesis');
  expect(report.model).toBeDefined();
  return { report, model: report.model!, text: readFileSync(path, 'utf8') };
}

function provenance(file: string): string {
  const row = readFileSync(join(CORPUS, 'PROVENANCE.tsv'), 'utf8').split('\n').find((line) => line.startsWith(`${file}\t`));
  expect(row, `${file} in PROVENANCE.tsv`).toBeDefined();
  return row!.split('\t').at(-1)!;
}

function distribution(model: AuthorityModel, kind: Distribution['kind']): Distribution {
  const found = model.distributions.filter((d) => d.kind === kind);
  expect(found, `one ${kind} distribution`).toHaveLength(1);
  return found[0];
}

const metricsOf = (d: Distribution) => concentration(d.entries.map((e) => BigInt(e.amount)));
const errors = (report: FileReport) => report.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`);
const engine = (report: FileReport) => report.findings.filter((f) => ['parse-error', 'schema-error', 'internal-error', 'unrecognized-config'].includes(f.ruleId)).map((f) => f.message);

/** The one address in the file that the description abbreviates as `noble1lwkl...fjp8`. */
function fullAddress(text: string, abbreviated: string): string {
  const [head, tail] = abbreviated.split('...');
  const found = new Set(text.match(new RegExp(`${head}[02-9ac-hj-np-z]+${tail}`, 'g')) ?? []);
  expect([...found], abbreviated).toHaveLength(1);
  return [...found][0];
}

describe.skipIf(!HAVE_CORPUS)('Cosmos SDK corpus', () => {
  describe('cosmos/cosmoshub-1: SDK v0.33 legacy layout, the controls of a default governance', () => {
    const file = 'cosmos/cosmoshub-1/genesis.json';

    it('is described as the legacy v0.33 mainnet genesis', () => {
      expect(provenance(file)).toContain('SDK v0.33 legacy format');
    });

    it('models the gov params (quorum 0.4, threshold 0.5, veto 0.334, 512 ATOM, 14 days) and max_validators 100', () => {
      const { model, report } = lint(file);
      expect(model.chain).toMatchObject({ chainId: 'cosmoshub-1', network: 'mainnet' });
      expect(model.governance?.quorum?.value).toBe(0.4);
      expect(model.governance?.threshold?.value).toBe(0.5);
      expect(model.governance?.vetoThreshold?.value).toBe(0.334);
      expect(model.governance?.minDeposit).toMatchObject({ amount: '512000000', denom: 'uatom' });
      expect(model.delays.find((d) => d.kind === 'voting-period')?.seconds).toBe(14 * 86_400);
      expect(model.staking?.maxValidators?.value).toBe(100);
      expect(report.adapter?.framework).toBe('Cosmos SDK');
    });

    it('models 984 accounts: the top one holds 9.25% and the top five about 30% of the genesis uatom', () => {
      const supply = distribution(lint(file).model, 'supply');
      expect(supply.denom).toBe('uatom');
      expect(supply.entries).toHaveLength(984);
      const metrics = metricsOf(supply);
      expect(metrics.topShare).toBeCloseTo(0.0925, 3);
      expect(ratio(metrics.sorted.slice(0, 5).reduce((a, b) => a + b, 0n), metrics.total)).toBeCloseTo(0.30, 2);
    });

    it('models 67 gentxs as validator voting power', () => {
      const power = distribution(lint(file).model, 'voting-power');
      expect(power.entries).toHaveLength(67);
      expect(power.entries.every((e) => e.holder.raw.startsWith('cosmosvaloper1'))).toBe(true);
    });

    it('gets no governance-capture finding and no error: its governance is at or above the SDK defaults', () => {
      const { report } = lint(file);
      expect(findingsOf(report, 'governance-capture')).toEqual([]);
      expect(errors(report)).toEqual([]);
      expect(engine(report)).toEqual([]);
    });
  });

  describe('large/cosmoshub-2-genesis.json: exported state of 3.39 MB', () => {
    const file = 'large/cosmoshub-2-genesis.json';

    it('has a Nakamoto coefficient of 5 (1/3 of stake) and Polychain Labs on top with 8.84%', () => {
      expect(provenance(file)).toContain('Nakamoto coefficient (1/3 of stake) = 5; top validator Polychain Labs 8.84%');
      const { model, report, text } = lint(file);
      const power = distribution(model, 'voting-power');
      const { holders, metrics } = sharesByEntity(power, report.entities!);
      expect(metrics.nakamotoHalt).toBe(5);
      expect(metrics.topShare).toBeCloseTo(0.0884, 4);
      expect(metrics.nakamotoSafety).toBeGreaterThan(metrics.nakamotoHalt);
      expect(metrics.hhi).toBeLessThan(1_000);
      // The largest holder points at the validator whose moniker is Polychain Labs.
      const top = holders.at(0)!.at[0].path;
      expect(top.slice(0, 3)).toEqual(['app_state', 'staking', 'validators']);
      const validator = (JSON.parse(text) as { app_state: { staking: { validators: { description: { moniker: string } }[] } } }).app_state.staking.validators[top[3] as number];
      expect(validator.description.moniker).toBe('Polychain Labs');
    });

    it('reads its governance (quorum 0.4, threshold 0.5, veto 0.334) and 1027 accounts with no error', () => {
      const { model, report } = lint(file);
      expect(model.governance?.quorum?.value).toBe(0.4);
      expect(model.governance?.threshold?.value).toBe(0.5);
      expect(model.governance?.vetoThreshold?.value).toBe(0.334);
      expect(distribution(model, 'supply').entries).toHaveLength(1027);
      expect(errors(report)).toEqual([]);
      expect(engine(report)).toEqual([]);
    });
  });

  describe('cosmos/noble-1: ICS consumer whose params and upgrade authority is one address', () => {
    const file = 'cosmos/noble-1/noble-1-genesis.json';

    it('reports the one address holding both module authorities as a role collapse, on that address', () => {
      const { report, text } = lint(file);
      const authority = fullAddress(text, provenance(file).match(/noble1lwkl\.\.\.fjp8/)![0]);
      const [collapse] = findingsOf(report, 'role-collapse');
      expect(collapse).toBeDefined();
      expect(underlined(text, collapse)).toBe(`"${authority}"`);
      expect(collapse.message).toContain('params module authority');
      expect(collapse.message).toContain('upgrade module authority');
      expect(collapse.subjects).toEqual([parseAddress(authority)!.key]);
    });

    it('reports each module authority override as a root authority error citing the SDK', () => {
      const { report, text } = lint(file);
      const roots = findingsOf(report, 'root-authority');
      expect(roots.map((f) => f.severity)).toEqual(['error', 'error']);
      expect(roots.map((f) => f.message.match(/the (\w+) module authority/)?.[1]).sort()).toEqual(['params', 'upgrade']);
      for (const finding of roots) {
        expect(underlined(text, finding)).toContain('noble1lwklzs6ejglapp6eccxtfmajwykt8nrdh8fjp8');
        expect(fullText(finding)).toContain('Cosmos SDK module authority');
        expect(fullText(finding)).toContain('the Noble mainnet');
      }
    });

    it('models the token factory owner, master minter, pauser and blacklister as four single addresses, each reported', () => {
      const { model, report, text } = lint(file);
      const roles = ['owner', 'masterMinter', 'pauser', 'blacklister'];
      const grants = roles.map((role) => model.grants.find((g) => g.role === `tokenfactory-${role}`)!);
      expect(grants.every(Boolean)).toBe(true);
      expect(new Set(grants.map((g) => g.holder.key)).size).toBe(4);
      expect(grants.map((g) => g.powers[0])).toEqual(['mint', 'mint', 'pause', 'censor']);
      for (const grant of grants) {
        const findings = report.findings.filter((f: Finding) => f.subjects.includes(grant.holder.key));
        expect(findings.map((f) => f.ruleId), grant.title).toContain('unverified-authority');
        const finding = findings.find((f) => f.ruleId === 'unverified-authority')!;
        expect(underlined(text, finding)).toBe(`"${grant.holder.raw}"`);
        expect(finding.message).toContain(shortAddress(grant.holder.raw));
        expect(fullText(finding)).toContain(grant.title);
      }
    });

    it('inherits its validator set from the provider and has no gov module', () => {
      const { model, report } = lint(file);
      expect(model.validatorSet?.admission).toBe('inherited');
      expect(model.dependencies.map((d) => d.kind)).toEqual(['validator-set']);
      expect(model.parameters.find((p) => p.id === 'consumer_redistribution_fraction')?.value).toBe('0.75');
      expect(model.governance).toBeUndefined();
      expect(findingsOf(report, 'permissioned-validator-set').map((f) => f.message)).toEqual([expect.stringContaining('Interchain Security consumer')]);
      expect(engine(report)).toEqual([]);
    });
  });

  describe('cosmos/ethera_9000-1: an ICS testnet consumer with quorum 0.1 and a 1-day vote', () => {
    const file = 'cosmos/ethera_9000-1/ethera_9000-1-genesis.json';

    // A consumer of the Interchain Security testnet's provider ("provider") is a testnet itself, so the
    // quorum is information and the 1-day vote, a testnet value, is not judged (it was a warning when the
    // chain was taken for production).
    it('is a testnet through its provider; its 10% quorum is reported as information at its field', () => {
      expect(provenance(file)).toContain('quorum 0.1, threshold 0.5, veto 0.334, voting_period 86400s (1 day)');
      const { model, report, text } = lint(file);
      expect(model.chain).toMatchObject({ network: 'testnet', networkReason: 'its provider\'s chain id "provider" is the Interchain Security provider testnet' });
      const found = findingsOf(report, 'governance-capture');
      const quorum = found.find((f) => underlined(text, f) === '"0.100000000000000000"');
      expect(quorum?.severity).toBe('info');
      expect(quorum?.message).toContain('The governance quorum is 10%, below the 33.4% default');
      expect(quorum?.fixes[0].edits[0].newText).toBe('"0.334000000000000000"');
      expect(found.filter((f) => f.message.startsWith('The governance voting period'))).toEqual([]);
      expect(model.delays.find((d) => d.kind === 'voting-period')?.seconds).toBe(86_400);
    });

    it('models the rest: threshold 0.5, veto 0.334, 7 accounts, max_validators 100, an ICS consumer', () => {
      const { model } = lint(file);
      expect(model.governance?.threshold?.value).toBe(0.5);
      expect(model.governance?.vetoThreshold?.value).toBe(0.334);
      expect(distribution(model, 'supply').entries).toHaveLength(7);
      expect(model.staking?.maxValidators?.value).toBe(100);
      expect(model.validatorSet?.admission).toBe('inherited');
    });
  });

  describe('cosmos/celestia-arabica-11: a devnet with one validator', () => {
    const file = 'cosmos/celestia-arabica-11/genesis.json';

    it('reports the single validator holding 100% of bonded stake, as information on a devnet', () => {
      expect(provenance(file)).toContain('a single validator holds 100% of bonded stake');
      const { model, report, text } = lint(file);
      expect(model.chain).toMatchObject({ network: 'devnet', networkReason: 'chain id "arabica-11" is Celestia\'s Arabica devnet' });
      const power = distribution(model, 'voting-power');
      expect(power.entries).toHaveLength(1);
      expect(metricsOf(power)).toMatchObject({ topShare: 1, nakamotoHalt: 1, nakamotoSafety: 1, hhi: 10_000 });
      const [single] = findingsOf(report, 'stake-concentration');
      expect(single.severity).toBe('info');
      expect(underlined(text, single)).toBe(`"${power.entries[0].holder.raw}"`);
      expect(fullText(single)).toContain('holds all of the validator voting power. One party can halt the chain and commit any block');
    });

    it('models gov (10000 TIA, 7 days) and staking (100 validators, 5% minimum commission) without a staking finding', () => {
      const { model, report } = lint(file);
      expect(model.governance?.minDeposit).toMatchObject({ amount: '10000000000', denom: 'utia' });
      expect(model.delays.find((d) => d.kind === 'voting-period')?.seconds).toBe(7 * 86_400);
      expect(model.staking?.maxValidators?.value).toBe(100);
      expect(model.staking?.minCommissionRate?.value).toBe(0.05);
      expect(findingsOf(report, 'staking-params')).toEqual([]);
      expect(errors(report)).toEqual([]);
    });
  });

  describe('cosmos/celestia-blockspacerace-0: 99 gentxs on an incentivized testnet', () => {
    const file = 'cosmos/celestia-blockspacerace-0/genesis.json';

    it('models the 99 gentxs as a spread-out distribution and 101 accounts', () => {
      const { model, report } = lint(file);
      expect(model.chain.network).toBe('testnet');
      const power = distribution(model, 'voting-power');
      expect(power.entries).toHaveLength(99);
      const metrics = metricsOf(power);
      expect(metrics.nakamotoHalt).toBeGreaterThanOrEqual(4);
      expect(metrics.topShare).toBeLessThan(0.05);
      expect(findingsOf(report, 'stake-concentration')).toEqual([]);
      expect(distribution(model, 'supply').entries).toHaveLength(101);
    });

    it('reports min_commission_rate 0 as information, and its 1-day vote and 10 TIA deposit are modelled', () => {
      const { model, report, text } = lint(file);
      const [commission] = findingsOf(report, 'staking-params');
      expect(commission.severity).toBe('info');
      expect(underlined(text, commission)).toBe('"0.000000000000000000"');
      expect(text.split('\n')[commission.range.start.line]).toContain('min_commission_rate');
      expect(model.delays.find((d) => d.kind === 'voting-period')?.seconds).toBe(86_400);
      expect(model.governance?.minDeposit).toMatchObject({ amount: '10000000', denom: 'utia' });
      expect(errors(report)).toEqual([]);
    });
  });
});
