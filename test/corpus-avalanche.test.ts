/**
 * Lints the Avalanche files of the shared corpus (../shared/corpus/avalanche, outside the project;
 * never copied in) and checks each finding against what PROVENANCE.tsv says the file holds.
 * Skipped when the corpus is not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FileReport, Finding } from '../server/src/engine/lint';
import { underlined } from './helpers/fixtures';
import { findingsOf, fullText, lintFile } from './helpers/lint';

const CORPUS = fileURLToPath(new URL('../../shared/corpus', import.meta.url));
const HAVE_CORPUS = existsSync(join(CORPUS, 'PROVENANCE.tsv'));
const EWOQ = '0x8db97c7cece249c2b98bdc0226cc4c2a57bf52fc';

function provenance(): Map<string, string> {
  const rows = readFileSync(join(CORPUS, 'PROVENANCE.tsv'), 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((row) => row.split('\t')).filter((cells) => cells[0].startsWith('avalanche/')).map((cells) => [cells[0], cells[cells.length - 1]]));
}

/** The one full address in a corpus file that the description abbreviates as `0x8db9...52FC`. */
function fullAddress(file: string, abbreviated: string): string {
  const [head, tail] = abbreviated.split('...');
  const text = readFileSync(join(CORPUS, file), 'utf8');
  const pattern = new RegExp(`${head.replace(/^0x/i, '(?:0x)?')}[0-9a-f]{${42 - head.length - tail.length}}${tail}`, 'gi');
  const matches = new Set((text.match(pattern) ?? []).map((a) => `0x${a.replace(/^0x/i, '')}`.toLowerCase()));
  expect([...matches], `${abbreviated} in ${file}`).toHaveLength(1);
  return [...matches][0];
}

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;
const lint = (file: string) => lintFile(join(CORPUS, file));
const text = (file: string) => readFileSync(join(CORPUS, file), 'utf8');
const errors = (report: FileReport) => report.findings.filter((f) => f.severity === 'error');
const engine = (report: FileReport) => report.findings.filter((f) => ['parse-error', 'schema-error', 'internal-error'].includes(f.ruleId));

describe.skipIf(!HAVE_CORPUS)('corpus: avalanche findings match PROVENANCE.tsv', () => {
  const descriptions = HAVE_CORPUS ? provenance() : new Map<string, string>();
  const checked = new Set<string>();
  const describe_ = (file: string): string => {
    const description = descriptions.get(file);
    expect(description, `PROVENANCE.tsv describes ${file}`).toBeDefined();
    checked.add(file);
    return description!;
  };

  /** The one EWOQ admin of a Subnet-EVM test genesis: a dev-key error on that address in the precompile's list. */
  const expectEwoqAdmin = (file: string, configKey: string, title: string, verb: string) => {
    const description = describe_(file);
    expect(description).toContain(`${configKey} adminAddresses = [0x8db9...52FC]`);
    expect(description).toMatch(/ewoq/i);
    expect(fullAddress(file, '0x8db9...52FC')).toBe(EWOQ);
    const report = lint(file);
    expect(report.adapter?.id).toBe('avalanche-subnet-evm-genesis');
    const grants = report.model!.grants;
    expect(grants.map((g) => [g.role, g.holder.key])).toEqual([[`${configKey}.adminAddresses`, `b20:${EWOQ.slice(2)}`]]);
    const [finding, ...more] = findingsOf(report, 'dev-key-authority');
    expect(more).toEqual([]);
    expect(finding.severity).toBe('error');
    expect(underlined(text(file), finding).toLowerCase()).toBe(`"${EWOQ}"`);
    expect(finding.message).toContain(`The ${title} is Avalanche EWOQ test key, whose private key is public`);
    expect(finding.detail).toContain(`anyone can ${verb}`);
    expect(engine(report)).toEqual([]);
    return report;
  };

  /** "alloc 2 accounts 100M each": two equal holders, each above the third that halts. */
  const expectEvenTwoWaySupply = (file: string, report: FileReport) => {
    expect(describe_(file)).toMatch(/alloc 2 accounts (x 0x52B7D2DCC80CD2E4000000 )?\(?100M each/);
    const [supply] = report.model!.distributions;
    expect(supply.entries.map((e) => e.amount)).toEqual(['100000000000000000000000000', '100000000000000000000000000']);
    const [finding] = findingsOf(report, 'supply-concentration');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('holds 50% of the genesis allocation');
  };

  it('contract_native_minter.json: the EWOQ key can mint native tokens from block 0', () => {
    const file = 'avalanche/subnet-evm/contract_native_minter.json';
    const report = expectEwoqAdmin(file, 'contractNativeMinterConfig', 'Native minter admin', 'mint tokens');
    expect(report.model!.grants[0].powers).toEqual(['mint']);
    expectEvenTwoWaySupply(file, report);
  });

  it('tx_allow_list.json: the EWOQ key decides who may send transactions', () => {
    const file = 'avalanche/subnet-evm/tx_allow_list.json';
    const report = expectEwoqAdmin(file, 'txAllowListConfig', 'Transaction allow list admin', 'decide who may transact');
    expect(describe_(file)).toContain('gates who may send txs');
    expect(report.model!.grants[0].powers).toEqual(['censor']);
    expectEvenTwoWaySupply(file, report);
  });

  it('fee_manager.json: the EWOQ key can change the fee config', () => {
    const file = 'avalanche/subnet-evm/fee_manager.json';
    const report = expectEwoqAdmin(file, 'feeManagerConfig', 'Fee manager admin', 'change chain parameters');
    expect(describe_(file)).toContain('can change fee config');
    expect(report.model!.grants[0].powers).toEqual(['set-params']);
    expectEvenTwoWaySupply(file, report);
  });

  it('warp_genesis.json (control): warp without admin lists grants nothing and raises no error', () => {
    const file = 'avalanche/subnet-evm/warp_genesis.json';
    expect(describe_(file)).toMatch(/no precompile admin lists \(negative control\)/);
    const report = lint(file);
    expect(report.adapter?.id).toBe('avalanche-subnet-evm-genesis');
    expect(report.model!.grants).toEqual([]);
    expect(errors(report)).toEqual([]);
    // warpConfig sets no quorumNumerator: the default 67 holds.
    expect(findingsOf(report, 'nonstandard-parameter')).toEqual([]);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['supply-concentration']);
    expectEvenTwoWaySupply(file, report);
  });

  it('test_subnet_evm_poa_genesis.json: the ProxyAdmin owner, one EOA, decides the PoA validator set', () => {
    const file = 'avalanche/avalanche-cli/test_subnet_evm_poa_genesis.json';
    const description = describe_(file);
    const owner = fullAddress(file, /ProxyAdmin owner \(storage slot 0\) = single EOA (0x\w+\.\.\.\w+)/.exec(description)![1]);
    const proxyAdmin = /admin slot -> ProxyAdmin (0x[0-9a-f]+)\.\.\./i.exec(description)![1].toLowerCase();
    const logic = /ERC1967 impl slot -> (0x[0-9a-f]+)\.\.\./i.exec(description)![1].toLowerCase();
    const proxy = /ValidatorManager TransparentProxy at (0x[0-9a-f]+)\.\.\./i.exec(description)![1].toLowerCase();
    const report = lint(file);
    const source = text(file);

    const [grant] = report.model!.grants;
    expect(grant).toMatchObject({ role: 'validatorManagerProxyAdminOwner', powers: ['set-validators'], holder: { key: `b20:${owner.slice(2)}` } });
    expect(grant.at.path[1]).toMatch(new RegExp(`^${proxyAdmin.slice(2)}`));
    expect(grant.at.path.slice(2)).toEqual(['storage', '0x0000000000000000000000000000000000000000000000000000000000000000']);

    const [finding] = findingsOf(report, 'permissioned-validator-set');
    expect(finding.severity).toBe('warning');
    expect(underlined(source, finding)).toBe(`"0x000000000000000000000000${owner.slice(2)}"`);
    expect(finding.message).toBe(`${short(owner)} admits validators by permission (proof of authority), not by stake.`);
    expect(finding.detail).toContain(`proof of authority: the ValidatorManager proxy at ${proxy.slice(0, 6)}`);
    expect(finding.detail).toContain(`${short(owner)}, owner of its ProxyAdmin ${proxyAdmin.slice(0, 6)}`);
    expect(finding.detail).toContain('an account with no code at genesis');
    expect(finding.detail).toContain(`in place of ${logic.slice(0, 6)}`);
    expect(finding.detail).toContain(`${short(owner)} decides who validates`);
    expect(finding.subjects).toEqual([`b20:${owner.slice(2)}`]);

    // Nothing declares what the owner is: Chokepoint asks for it rather than assuming a single key.
    const [unverified] = findingsOf(report, 'unverified-authority');
    expect(underlined(source, unverified)).toBe(underlined(source, finding));
    expect(unverified.message).toContain('can choose the validators, but');
    expect(unverified.detail).toMatch(/^It is the ValidatorManager ProxyAdmin owner\./);

    // "warpConfig quorumNumerator 67": the standard, so no finding.
    expect(description).toContain('warpConfig quorumNumerator 67');
    expect(report.model!.parameters.map((p) => [p.id, p.value])).toEqual([['quorumNumerator', 67]]);
    expect(findingsOf(report, 'nonstandard-parameter')).toEqual([]);

    // "ewoq 0x8db9...52fc holds 1M native": the largest genesis balance.
    expect(fullAddress(file, '0x8db9...52fc')).toBe(EWOQ);
    const [supply] = findingsOf(report, 'supply-concentration');
    expect(supply.message).toMatch(/^0x8db9…52fc holds 100% of the genesis allocation/);
    expect(underlined(source, supply)).toBe('"0xd3c21bcecceda1000000"');
    expect(engine(report)).toEqual([]);
  });

  it('test_upgrade.json: EWOQ admins the tx allow list and the native minter; 0xab58… shares the allow list', () => {
    const file = 'avalanche/avalanche-cli/test_upgrade.json';
    const description = describe_(file);
    expect(description).toMatch(/txAllowListConfig with 2 adminAddresses \(ewoq 0x8db9\.\.\. \+ 0xab58\.\.\.\) and contractNativeMinterConfig with 1 admin \(ewoq\)/);
    const other = fullAddress(file, '0xab58...ec9b');
    const report = lint(file);
    const source = text(file);
    expect(report.adapter?.id).toBe('avalanche-subnet-evm-upgrade');
    expect(report.model!.grants.map((g) => [g.role, g.holder.key])).toEqual([
      ['txAllowListConfig.adminAddresses', `b20:${EWOQ.slice(2)}`],
      ['txAllowListConfig.adminAddresses', `b20:${other.slice(2)}`],
      ['contractNativeMinterConfig.adminAddresses', `b20:${EWOQ.slice(2)}`],
    ]);

    const devKeys = findingsOf(report, 'dev-key-authority');
    expect(devKeys.map((f) => [f.severity, underlined(source, f)])).toEqual([['error', `"${EWOQ}"`], ['error', `"${EWOQ}"`]]);
    expect(devKeys.map((f) => f.range.start.line)).toEqual([5, 14]);
    expect(devKeys[0].message).toContain('Transaction allow list admin is Avalanche EWOQ test key');
    expect(devKeys[1].message).toContain('Native minter admin is Avalanche EWOQ test key');

    const [collapse] = findingsOf(report, 'role-collapse');
    expect(collapse.subjects).toEqual([`b20:${EWOQ.slice(2)}`]);
    expect(collapse.message).toContain('is the Transaction allow list admin and the Native minter admin');
    expect(fullText(collapse)).toContain('holds 2 critical roles (Transaction allow list admin and Native minter admin)');
    expect(fullText(collapse)).toContain('decide who may transact and mint tokens');

    const [unverified] = findingsOf(report, 'unverified-authority');
    expect(underlined(source, unverified)).toBe(`"${other}"`);
    expect(unverified.message).toContain(`${short(other)} can decide who may transact, but`);
    expect(unverified.detail).toMatch(/^It is the Transaction allow list admin\./);

    // The initialMint to 0xab58… is read (and would be reported if malformed) but is not genesis supply.
    expect(description).toContain('initialMint to 0xab58');
    expect(report.model!.distributions).toEqual([]);
    expect(engine(report)).toEqual([]);
  });

  it('test_bootstrap_validator2.json: one validator holds 60%, and both share one ChangeOwnerAddr', () => {
    const file = 'avalanche/avalanche-cli/test_bootstrap_validator2.json';
    const description = describe_(file);
    expect(description).toContain('2 validators weights 20/30 (one holds 60%)');
    const owner = /same ChangeOwnerAddr (P-custom1\w+)\.\.\./.exec(description)![1];
    const report = lint(file);
    const source = text(file);
    expect(report.adapter?.id).toBe('avalanche-bootstrap-validators');
    expect(report.model!.chain.network).toBe('devnet');

    const [byNode, byOwner] = findingsOf(report, 'stake-concentration').sort((a, b) => fullText(a).length - fullText(b).length);
    expect(fullText(byNode)).toMatch(/^NodeID-FtB7…upi3 holds 60% of the bootstrap validator weight, more than 1\/3\. On its own it can block the cross-chain \(Warp\) messages that need 67% of the validator weight \(Subnet-EVM Warp quorum/);
    expect(underlined(source, byNode)).toBe('"NodeID-FtB74cdqNRrrsEpcyMHMvdpsRVodBupi3"');

    expect(byOwner.message).toBe('P-cust…zkqr holds all of the bootstrap validator weight.');
    expect(byOwner.detail).toMatch(/^Shares are of the bootstrap validator weight, counting validators that share a P-Chain owner \(ChangeOwnerAddr\) as one party\. One party can block the cross-chain \(Warp\) messages that need 67% of the validator weight and sign cross-chain \(Warp\) messages/);
    expect(underlined(source, byOwner)).toMatch(new RegExp(`^"${owner}`));
    // A devnet (the "custom" P-Chain prefix): concentration is information there.
    expect([byNode.severity, byOwner.severity]).toEqual(['info', 'info']);
    expect(engine(report)).toEqual([]);
  });

  it('test_subnet_evm_genesis_2.json: null-timestamp precompiles are placeholders; EWOQ holds the whole allocation', () => {
    const file = 'avalanche/avalanche-cli/test_subnet_evm_genesis_2.json';
    const description = describe_(file);
    expect(description).toContain('adminAddresses=null and blockTimestamp=null (disabled placeholders)');
    expect(description).toContain('ewoq 0x8db9... holds 1M (100% of genesis supply)');
    const report = lint(file);
    const source = text(file);
    expect(report.model!.grants).toEqual([]);
    expect(findingsOf(report, 'dev-key-authority')).toEqual([]);
    const [supply, ...more] = findingsOf(report, 'supply-concentration');
    expect(more).toEqual([]);
    expect(supply.message).toMatch(/^0x8db9…52fc holds 100% of the genesis allocation/);
    expect(supply.subjects).toEqual([`b20:${EWOQ.slice(2)}`]);
    expect(underlined(source, supply)).toBe('"0xd3c21bcecceda1000000"');
    expect(report.findings.map((f: Finding) => f.ruleId)).toEqual(['supply-concentration']);
  });

  it('every avalanche file PROVENANCE.tsv lists is checked above', () => {
    expect([...descriptions.keys()].sort()).toEqual([...checked].sort());
    expect(checked.size).toBe(8);
  });
});
