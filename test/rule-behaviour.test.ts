import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FileReport, Finding } from '../server/src/engine/lint';
import { parseAddress } from '../server/src/engine/model/address';
import { RULES } from '../server/src/engine/rules/index';
import { applyEdits, fixtureCases, lintAs, readFixture, ruleFixture, RULE_FIXTURES, underlined } from './helpers/fixtures';
import { findingsOf, fullText, lintFile, lintSource, ruleIds } from './helpers/lint';

const key = (address: string) => parseAddress(address)!.key;

/** The one finding of a rule in a report; fails when there is none or more than one. */
function only(report: FileReport, ruleId: string): Finding {
  const found = findingsOf(report, ruleId);
  expect(found.map((f) => f.message), `expected exactly one ${ruleId} finding`).toHaveLength(1);
  return found[0];
}

function lintFixture(ruleId: string, name: string): FileReport {
  return lintFile(ruleFixture(ruleId, name));
}

/** The finding of a rule whose underline starts on the line that contains `marker`. */
function onLine(report: FileReport, text: string, ruleId: string, marker: string): Finding[] {
  const line = text.split('\n').findIndex((l) => l.includes(marker));
  expect(line, `no line contains ${marker}`).toBeGreaterThanOrEqual(0);
  return findingsOf(report, ruleId).filter((f) => f.range.start.line === line);
}

describe('dev-key-authority', () => {
  it('is an error on mainnet and names the role, the key and what anyone can do with it', () => {
    const text = readFixture('dev-key-authority', 'fires.json');
    const finding = only(lintFixture('dev-key-authority', 'fires.json'), 'dev-key-authority');
    expect(finding.severity).toBe('error');
    expect(underlined(text, finding)).toBe('"0xa0Ee7A142d267C1f36714E4a8F75612F20a79720"');
    expect(finding.message).toContain('L1 ProxyAdmin owner');
    expect(finding.message).toContain('Anvil/Hardhat test account #9');
    expect(fullText(finding)).toContain('upgrade contracts');
    expect(finding.subjects).toEqual([key('0xa0Ee7A142d267C1f36714E4a8F75612F20a79720')]);
  });

  it('is a warning on a testnet (L1 chain id 11155111, Sepolia)', () => {
    const finding = only(lintFixture('dev-key-authority', 'fires-testnet.json'), 'dev-key-authority');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('Batcher');
    expect(finding.message).toContain('Anvil/Hardhat test account #2');
  });

  it('is information only on a devnet (L1 chain id 900), once per role held by a dev key', () => {
    const report = lintFixture('dev-key-authority', 'fires-devnet.json');
    const findings = findingsOf(report, 'dev-key-authority');
    expect(findings.map((f) => f.severity)).toEqual(Array(7).fill('info'));
    expect(report.model?.chain.network).toBe('devnet');
  });

  it('recognizes a dev key however its hex is cased', () => {
    const text = readFixture('dev-key-authority', 'fires.json').replace('0xa0Ee7A142d267C1f36714E4a8F75612F20a79720', '0xa0ee7a142d267c1f36714e4a8f75612f20a79720');
    expect(only(lintSource('deploy-config.json', text), 'dev-key-authority').severity).toBe('error');
  });

  it('reports a council that counts a dev key among its members', () => {
    const finding = only(lintFixture('dev-key-authority', 'fires-council-member.yaml'), 'dev-key-authority');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('Lumen Security Council');
    expect(finding.message).toContain('Anvil/Hardhat test account #0');
    expect(fullText(finding)).toContain('seat');
  });
});

describe('role-collapse', () => {
  it('is an error when the Proposer is also the Challenger', () => {
    const finding = only(lintFixture('role-collapse', 'fires.toml'), 'role-collapse');
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe('0x9e4B…A9f7 (an undeclared address) is the Challenger and the Proposer: a false root goes unchallenged.');
    expect(fullText(finding)).toContain('holds 2 critical roles (Challenger and Proposer)');
    expect(finding.subjects).toEqual([key('0x9e4B6f42bCd6Ca40ba44b5e2D60A27B215bcA9f7')]);
  });

  it('is an error when one holder can both upgrade and pause', () => {
    const finding = only(lintFixture('role-collapse', 'fires-upgrade-pause.yaml'), 'role-collapse');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('Lumen Foundation Safe (a 4-of-7 multisig)');
    expect(finding.message).toContain('the Upgrade admin and the Pauser');
  });

  it('is a warning for critical roles that do not check each other', () => {
    const finding = only(lintFixture('role-collapse', 'fires-sequencer-owns-config.toml'), 'role-collapse');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('the SystemConfig owner and the Unsafe block signer (sequencer)');
    expect(fullText(finding)).toContain('so one compromise exercises all of them');
  });

  it('is only a warning when the holder of upgrade and pause is a properly set-up Security Council', () => {
    const text = readFixture('role-collapse', 'fires-upgrade-pause.yaml').replace('threshold: 4\n      signers: 7', 'threshold: 6\n      signers: 8');
    expect(only(lintSource('appchain.yaml', text), 'role-collapse').severity).toBe('warning');
  });

  it('does not fire when one key is both batcher and unsafe block signer (the same power)', () => {
    const text = readFixture('role-collapse', 'passes-batcher-is-signer.toml');
    expect(findingsOf(lintSource('lumen.toml', text), 'role-collapse')).toEqual([]);
    const batcherOwnsConfig = text.replace('SystemConfigOwner = "0xA5a106F1eCeaA7083bD4b181E4c97a9531d3Ac80"', 'SystemConfigOwner = "0x0a3A57D08Bd45ceC2d5a3E4f6b3E536f8310De6E"');
    expect(only(lintSource('lumen.toml', batcherOwnsConfig), 'role-collapse').message).toContain('the SystemConfig owner, the Unsafe block signer and the Batcher');
  });

  it('counts two addresses declared as one entity in .chokepoint.yaml as one holder', () => {
    const path = ruleFixture('role-collapse', 'one-entity/fires.json');
    const finding = only(lintFile(path), 'role-collapse');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('founders (a 2-of-3 multisig) is the L1 ProxyAdmin owner and the Guardian');
    expect(finding.subjects.sort()).toEqual([key('0x27602dD911fb464861C93765215E5427eCaf5d9A'), key('0x23c9abE2c0c703dEa58822e8Cbe7b4Ff512d5cbA')].sort());
    expect(finding.related.map((r) => r.message)).toContain('founders is also the Guardian');
    expect(findingsOf(lintSource('deploy-config.json', readFileSync(path, 'utf8')), 'role-collapse'), 'without the entity the two Safes are separate holders').toEqual([]);
  });
});

describe('weak-council', () => {
  it('warns about a council below 75% and offers to raise its threshold', () => {
    const text = readFixture('weak-council', 'fires.yaml');
    const finding = only(lintFixture('weak-council', 'fires.yaml'), 'weak-council');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('Lumen Security Council can upgrade contracts (Upgrade admin)');
    expect(finding.message).toContain('5-of-8 multisig with a 63% threshold');
    expect(finding.fixes, 'the manifest describes a council that exists: raising its threshold in the file would make the file false').toEqual([]);
    expect(text).toContain('threshold: 5');
  });

  it('offers to raise an x/group threshold in a genesis, as a suggestion written as the string Cosmos expects', () => {
    const text = readFixture('weak-council', 'fires-cosmos-group-threshold.json');
    const finding = only(lintFixture('weak-council', 'fires-cosmos-group-threshold.json'), 'weak-council');
    expect(finding.fixes.map((f) => [f.title, f.autofix])).toEqual([["Raise the threshold to 6-of-8 (changes the chain's security parameter)", false]]);
    expect(applyEdits(text, finding.fixes[0].edits)).toContain('"threshold": "6"');
  });

  it('is an error for a holder declared as a single key', () => {
    const finding = only(lintFixture('weak-council', 'fires-eoa.toml'), 'weak-council');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('ops-hot-key can change chain parameters (SystemConfig owner) and is a single key (EOA)');
  });

  it('is an error for a 1-of-N multisig, where any one signer acts alone', () => {
    const text = readFixture('weak-council', 'fires.yaml').replace('threshold: 5', 'threshold: 1');
    const finding = only(lintSource('appchain.yaml', text), 'weak-council');
    expect(finding.severity).toBe('error');
    expect(finding.detail).toContain('Any one signer can act alone');
  });

  it('warns about a 2-of-3 declared in .chokepoint.yaml', () => {
    const finding = only(lintFile(ruleFixture('weak-council', 'thin-multisig/fires.json')), 'weak-council');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe('launch-safe can upgrade contracts and is a 2-of-3 multisig with only 3 signers and a 67% threshold.');
    expect(fullText(finding)).toContain('L1 ProxyAdmin owner');
  });

  it('counts a 2-of-2 Safe with a proper 6-of-8 council among its members as a proper council', () => {
    const path = ruleFixture('weak-council', 'nested/passes.json');
    const report = lintFile(path);
    expect(findingsOf(report, 'weak-council')).toEqual([]);
    expect(findingsOf(report, 'short-exit-window')).toEqual([]);
    const config = readFileSync(ruleFixture('weak-council', 'nested/.chokepoint.yaml'), 'utf8');
    const withoutCouncil = config.replace('members: [lumen-foundation, lumen-security-council]', 'members: [lumen-foundation]');
    const weak = only(lintSource('deploy-config.json', readFileSync(path, 'utf8'), withoutCouncil), 'weak-council');
    expect(weak.message).toContain('upgrade-safe can upgrade contracts');
  });

  it('reports too few external signers to block a quorum', () => {
    const text = readFixture('weak-council', 'passes.yaml').replace('external: 3', 'external: 1');
    const finding = only(lintSource('appchain.yaml', text), 'weak-council');
    expect(fullText(finding)).toContain('1 external signer where 3 are needed to block a quorum');
  });
});

describe('short-exit-window', () => {
  it('is an error for a 2-day timelock and offers a 30-day one, which also meets Stage 2 so the finding goes away', () => {
    const finding = only(lintFixture('short-exit-window', 'fires.yaml'), 'short-exit-window');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('Lumen Ops Safe (a 4-of-7 multisig) can upgrade as Upgrade admin after 2 days');
    expect(finding.detail).toContain('L2BEAT Stage 1 needs at least 7 days and Stage 2 30 days: add a timelock of 30 days or more (7 days for Stage 1)');
    expect(finding.fixes, 'the manifest describes a timelock that exists').toEqual([]);
  });

  it('offers a 30-day timelock where the file plans the deployment (Polygon deploy parameters)', () => {
    const finding = only(lintFixture('short-exit-window', 'fires-polygon-timelock.json'), 'short-exit-window');
    expect(finding.fixes.map((f) => f.autofix)).toEqual([false]);
    expect(finding.fixes[0].title).toMatch(/ to 30 days \(changes the chain's security parameter\)$/);
    expect(finding.fixes.flatMap((f) => f.edits.map((e) => e.newText))).toEqual(['2592000']);
  });

  it('is a Stage 2 warning for a 14-day timelock with no withdrawal delay', () => {
    const finding = only(lintFixture('short-exit-window', 'fires-stage2.yaml'), 'short-exit-window');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('after 14 days, leaving users an exit window of 14 days');
    expect(finding.detail).toContain('L2BEAT Stage 2 needs at least 30 days');
  });

  it('subtracts the withdrawal delay: an instant upgrader leaves no exit window at all', () => {
    const finding = only(lintFile(ruleFixture('short-exit-window', 'no-delay/fires.json')), 'short-exit-window');
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe('ops-safe can upgrade as L1 ProxyAdmin owner with no delay, leaving users no exit window at all.');
    expect(finding.detail).toContain('It is a 3-of-5 multisig. Withdrawals take 7 days.');
    expect(finding.detail).toContain('add a timelock of 37 days or more (14 days for Stage 1)');
  });

  it('leaves undeclared upgraders to unverified-authority rather than guessing their delay', () => {
    const text = readFileSync(ruleFixture('short-exit-window', 'no-delay/fires.json'), 'utf8');
    const report = lintSource('deploy-config.json', text);
    expect(findingsOf(report, 'short-exit-window')).toEqual([]);
    expect(onLine(report, text, 'unverified-authority', '"proxyAdminOwner"')).toHaveLength(1);
  });
});

describe('presets and rule settings', () => {
  const stage2 = readFixture('short-exit-window', 'fires-stage2.yaml');
  const stage1 = readFixture('short-exit-window', 'fires.yaml');

  it('l2beat-stage1 drops the Stage 2 exit-window warning', () => {
    expect(findingsOf(lintSource('appchain.yaml', stage2, 'preset: l2beat-stage1\n'), 'short-exit-window')).toEqual([]);
    expect(findingsOf(lintSource('appchain.yaml', stage2, 'preset: recommended\n'), 'short-exit-window')).toHaveLength(1);
  });

  it('l2beat-stage1 fixes the exit window to the Stage 1 bar it checks', () => {
    const finding = only(lintSource('appchain.yaml', stage1, 'preset: l2beat-stage1\n'), 'short-exit-window');
    expect(finding.detail).toContain('L2BEAT Stage 1 needs at least 7 days: add a timelock of 7 days or more');
    const planned = only(lintSource('deploy_parameters.json', readFixture('short-exit-window', 'fires-polygon-timelock.json'), 'preset: l2beat-stage1\n'), 'short-exit-window');
    expect(planned.fixes.flatMap((f) => f.edits.map((e) => e.newText))).toEqual(['604800']);
  });

  it('l2beat-stage1 raises Stage 1 rules to errors and leaves the others alone', () => {
    const report = lintSource('appchain.yaml', stage1, 'preset: l2beat-stage1\n');
    expect(only(report, 'short-exit-window').severity).toBe('error');
    expect(only(report, 'weak-council').severity).toBe('error');
    const forced = lintSource('deploy-config.json', readFixture('forced-inclusion-window', 'fires.json'), 'preset: l2beat-stage1\n');
    expect(only(forced, 'forced-inclusion-window').severity).toBe('error');
    expect(findingsOf(forced, 'unverified-authority').map((f) => f.severity)).toEqual(findingsOf(lintSource('deploy-config.json', readFixture('forced-inclusion-window', 'fires.json')), 'unverified-authority').map((f) => f.severity));
  });

  it('strict raises warnings to errors and information to warnings', () => {
    expect(only(lintSource('appchain.yaml', stage2, 'preset: strict\n'), 'short-exit-window').severity).toBe('error');
    const text = readFixture('dev-key-authority', 'fires-devnet.json');
    const recommended = findingsOf(lintSource('deploy-config.json', text), 'dev-key-authority');
    const strict = findingsOf(lintSource('deploy-config.json', text, 'preset: strict\n'), 'dev-key-authority');
    expect(recommended.map((f) => f.severity)).toEqual(Array(7).fill('info'));
    expect(strict.map((f) => f.severity)).toEqual(Array(7).fill('warning'));
  });

  it('rules: {role-collapse: off} disables the rule and nothing else', () => {
    const text = readFixture('role-collapse', 'fires.toml');
    const on = lintSource('lumen.toml', text);
    const off = lintSource('lumen.toml', text, 'rules:\n  role-collapse: off\n');
    expect(findingsOf(off, 'role-collapse')).toEqual([]);
    expect(ruleIds(off)).toEqual(ruleIds(on).filter((id) => id !== 'role-collapse'));
  });

  it('a severity in rules: overrides both the preset and the finding', () => {
    const text = readFixture('role-collapse', 'fires.toml');
    expect(only(lintSource('lumen.toml', text, 'preset: strict\nrules:\n  role-collapse: info\n'), 'role-collapse').severity).toBe('info');
  });

  it('network: in .chokepoint.yaml overrides the network read from chain ids', () => {
    const text = readFixture('dev-key-authority', 'fires.json');
    const report = lintSource('deploy-config.json', text, 'network: testnet\n');
    expect(only(report, 'dev-key-authority').severity).toBe('warning');
    expect(report.model?.chain.networkReason).toBe('.chokepoint.yaml sets network: testnet');
  });
});

describe('unverified-authority', () => {
  const text = readFixture('unverified-authority', 'fires.toml');
  const report = lintFixture('unverified-authority', 'fires.toml');

  it('warns about each undeclared holder of a control power, naming the address and the role, and says how to remove the prompt', () => {
    const [finding] = onLine(report, text, 'unverified-authority', 'l1ProxyAdminOwner');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe('0x2760…5d9A can upgrade contracts, but what it is is undeclared.');
    expect(finding.detail).toMatch(/^It is the L1 ProxyAdmin owner\. Nothing declares whether it is a single key/);
    expect(finding.detail).toContain('Run `chokepoint verify --rpc <URL>`, which reads what it is on chain into chokepoint.lock.json, or declare it');
    expect(finding.detail).toContain('with a comment on its line such as `# chokepoint: eoa` or `# chokepoint: multisig <M>-of-<N> timelock <days>d`');
  });

  it('names operational keys at information with what they can do, and does not ask what they are', () => {
    const operators = { 'batcher =': 'order or withhold transactions', 'unsafeBlockSigner =': 'order or withhold transactions', 'proposer =': 'propose state or fail to propose it' };
    for (const [marker, verbs] of Object.entries(operators)) {
      const [finding] = onLine(report, text, 'unverified-authority', marker);
      expect(finding.severity, marker).toBe('info');
      expect(finding.message, marker).toContain(`is an operational key (`);
      expect(finding.message, marker).toMatch(new RegExp(`: it can ${verbs}\\.$`));
      expect(finding.detail, marker).toMatch(/^One key is normal for such a role.* \(L2BEAT risk rosette\)\.$/);
      expect(fullText(finding), marker).not.toMatch(/declare it|chokepoint verify/i);
    }
    // The Challenger can delete any proposal: that overrides the proposers, so it is asked about.
    const [challenger] = onLine(report, text, 'unverified-authority', 'challenger =');
    expect(challenger.severity).toBe('warning');
    expect(challenger.message).toBe('0xF256…C363 can challenge state roots, but what it is is undeclared.');
    expect(challenger.detail).toMatch(/^It is the Challenger\. Nothing declares/);
    expect(findingsOf(report, 'unverified-authority')).toHaveLength(7);
  });

  it('reports a holder once per chain, on its most powerful role, with the others as related places', () => {
    const source = readFixture('unverified-authority', 'fires-most-powerful-role.toml');
    const finding = only(lintFixture('unverified-authority', 'fires-most-powerful-role.toml'), 'unverified-authority');
    expect(underlined(source, finding)).toBe('"0x51b9C2dE6F37E1a2cA4F2d9c08E3f4b5A6d7e8F9"');
    expect(source.split('\n')[finding.range.start.line]).toContain('l1ProxyAdminOwner');
    expect(finding.message).toBe('0x51b9…e8F9 can upgrade contracts, change chain parameters and collect fees, but what it is is undeclared.');
    expect(finding.detail).toMatch(/^It is the L1 ProxyAdmin owner, the SystemConfig owner, the Base fee vault recipient, the L1 fee vault recipient and the Sequencer fee vault recipient\./);
    // The first place that names the shortened address writes it in full, so filtering Problems by it finds the finding.
    expect(finding.related.map((r) => r.message)).toEqual([
      '0x51b9C2dE6F37E1a2cA4F2d9c08E3f4b5A6d7e8F9 is also the SystemConfig owner',
      ...['Base fee vault recipient', 'L1 fee vault recipient', 'Sequencer fee vault recipient'].map((title) => `0x51b9…e8F9 is also the ${title}`),
    ]);
    expect(finding.related.map((r) => source.split('\n')[r.range.start.line].trim().split(' ')[0])).toEqual(['systemConfigOwner', 'baseFeeVaultRecipient', 'l1FeeVaultRecipient', 'sequencerFeeVaultRecipient']);
  });

  it('decides operational keys from their powers, in every framework: a batch poster and validators that dispute by proposing, beside an owner it asks about', () => {
    const source = readFixture('unverified-authority', 'fires-orbit-operators.json');
    const found = findingsOf(lintFixture('unverified-authority', 'fires-orbit-operators.json'), 'unverified-authority');
    expect(found.map((f) => [underlined(source, f), f.severity])).toEqual([
      ['"0x7C3aF0b2E4d5c6B7a8F9e0D1c2B3a4F5e6D72f41"', 'warning'],
      ['"0x8aD1e2F3a4B5c6D7e8F9a0B1c2D3e4F5a6B7c8D9"', 'info'],
      ['"0x2bE4c6D8f0A1b3C5d7E9f1A3b5C7d9E1f3A5b7C9"', 'info'],
      ['"0x5cF2a1E7d8B9c0A1f2E3d4C5b6A7f8E9d0C1b2A3"', 'info'],
    ]);
    expect(found[0].detail).toContain('It is the Rollup owner. Nothing declares whether it is a single key, a multisig or a timelock, so Chokepoint cannot count who must collude. Run `chokepoint verify --rpc <URL>`');
    expect(found[1].message).toBe('0x8aD1…c8D9 is an operational key (Validator): it can propose state or fail to propose it and dispute rival proposals.');
    expect(found[1].detail).toBe('One key is normal for such a role, since its node signs with that key as it runs, so Chokepoint does not ask what it is (L2BEAT risk rosette).');
    expect(found[3].message).toMatch(/^0x5cF2…b2A3 is an operational key \(Batch poster\): it can order or withhold transactions/);
  });

  it('asks about one holder that both proposes and challenges, as two roles that should check each other', () => {
    const collapsed = lintSource('intent.toml', text.replace('challenger = "0xF2567d46fA3bEf3768Ae3093Cb4128859Ba0C363"', 'challenger = "0x9e4B6f42bCd6Ca40ba44b5e2D60A27B215bcA9f7"'));
    const [finding] = onLine(collapsed, text, 'unverified-authority', 'proposer =');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('can propose state roots and challenge state roots, but what it is is undeclared.');
    expect(finding.detail).toMatch(/^It is the Proposer and the Challenger\. Nothing declares/);
  });

  it('suggests chokepoint verify only where it can read the holder: not for a Substrate sudo key', () => {
    const finding = only(lintFixture('root-authority', 'fires-substrate-raw.json'), 'unverified-authority');
    expect(finding.detail).toContain('Declare it under `entities:` in .chokepoint.yaml.');
    expect(fullText(finding)).not.toContain('chokepoint verify');
  });

  it('asks for the threshold of a holder declared only as a multisig', () => {
    const finding = only(lintFixture('unverified-authority', 'fires-multisig-without-threshold.yaml'), 'unverified-authority');
    expect(finding.message).toBe('lumen-safe can upgrade contracts, but its threshold and signers are undeclared.');
    expect(finding.detail).toMatch(/^It is the Upgrade admin\. Its threshold and signers are not declared/);
  });

  it('points JSON files, which cannot hold comments, at .chokepoint.yaml only', () => {
    const json = findingsOf(lintFixture('dev-key-authority', 'passes.json'), 'unverified-authority').filter((f) => /declare/i.test(fullText(f)));
    expect(json.length).toBeGreaterThan(0);
    for (const finding of json) {
      expect(fullText(finding)).toContain('declare it under `entities:` in .chokepoint.yaml.');
      expect(fullText(finding)).not.toContain('comment');
    }
  });
});

describe('fee-capture', () => {
  it('warns when the fee vaults pay an address that also operates the chain', () => {
    const finding = only(lintFixture('fee-capture', 'fires.json'), 'fee-capture');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe('Base fee vault recipient and 2 more pay 0xA5a1…Ac80, which can also change chain parameters.');
    expect(finding.detail).toContain('It is the Base fee vault recipient, L1 fee vault recipient and Sequencer fee vault recipient.');
    expect(finding.related.map((r) => r.message)).toContain('0xA5a1…Ac80 is also the SystemConfig owner');
  });

  it('warns when the fee vaults pay a single key', () => {
    const finding = only(lintFixture('fee-capture', 'fires-single-key.toml'), 'fee-capture');
    expect(finding.message).toContain('pay founder-key, a single key.');
    expect(finding.detail).toContain('One compromise drains the chain\'s revenue');
  });
});

describe('permissioned-proofs', () => {
  it('warns about respectedGameType 1 and names who may take part', () => {
    const text = readFixture('permissioned-proofs', 'fires.json');
    const finding = only(lintFixture('permissioned-proofs', 'fires.json'), 'permissioned-proofs');
    expect(finding.severity).toBe('warning');
    expect(underlined(text, finding)).toBe('1');
    expect(fullText(finding)).toContain('respectedGameType 1, PERMISSIONED_CANNON');
    expect(fullText(finding)).toContain('0xF256…C363 (Challenger) and 0x9e4B…A9f7 (Proposer)');
    expect(finding.fixes.flatMap((f) => f.edits.map((e) => e.newText))).toEqual(['0']);
  });

  it('warns about the legacy L2OutputOracle', () => {
    const finding = only(lintFixture('permissioned-proofs', 'fires-legacy-oracle.json'), 'permissioned-proofs');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('L2OutputOracle');
    expect(fullText(finding)).toContain('useFaultProofs is not true');
  });

  it('is an error for a test game type that proves nothing', () => {
    const finding = only(lintFixture('permissioned-proofs', 'fires-test-game.toml'), 'permissioned-proofs');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('test-only dispute game type 254, which proves nothing');
  });
});

describe('forced-inclusion-window', () => {
  it('warns about a sequencing window longer than the standard, in blocks and time', () => {
    const finding = only(lintFixture('forced-inclusion-window', 'fires.json'), 'forced-inclusion-window');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('The sequencing window (forced inclusion) is 14400 blocks (2 days), longer than the standard 3600 L1 blocks (12 hours)');
    expect(finding.fixes.flatMap((f) => f.edits.map((e) => e.newText))).toEqual(['3600']);
  });

  it('warns about a sequencing window shorter than the standard', () => {
    const finding = only(lintFixture('forced-inclusion-window', 'fires-short.toml'), 'forced-inclusion-window');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('200 blocks (40 minutes), shorter than the standard');
  });

  it('is an error when there is no forced inclusion at all', () => {
    const finding = only(lintFixture('forced-inclusion-window', 'fires-none.yaml'), 'forced-inclusion-window');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('There is no forced-inclusion path');
  });

  it('is an error when forced inclusion takes longer than the 7-day exit window', () => {
    const finding = only(lintFixture('forced-inclusion-window', 'fires-too-long.yaml'), 'forced-inclusion-window');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('The forced-inclusion delay is 8 days');
  });
});

describe('dev-flags-in-production', () => {
  it('is an error on mainnet and says why the file counts as production', () => {
    const finding = only(lintFixture('dev-flags-in-production', 'fires.toml'), 'dev-flags-in-production');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('fundDevAccounts is true on a production chain (L1 chain id 1 is Ethereum mainnet)');
    expect(finding.fixes.flatMap((f) => f.edits.map((e) => e.newText))).toEqual(['false']);
  });

  it('treats a chain it cannot classify as production', () => {
    const finding = only(lintFixture('dev-flags-in-production', 'fires-unknown-network.json'), 'dev-flags-in-production');
    expect(finding.severity).toBe('error');
    expect(fullText(finding)).toContain('treated as production');
  });

  it('is information only on a testnet and silent on a devnet', () => {
    expect(only(lintFixture('dev-flags-in-production', 'fires-testnet.json'), 'dev-flags-in-production').severity).toBe('info');
    expect(findingsOf(lintFixture('dev-flags-in-production', 'passes-devnet.json'), 'dev-flags-in-production')).toEqual([]);
  });

  it('is silent when .chokepoint.yaml says the folder is a devnet, and fires without it', () => {
    const path = ruleFixture('dev-flags-in-production', 'devnet-by-config/passes.toml');
    expect(findingsOf(lintFile(path), 'dev-flags-in-production')).toEqual([]);
    expect(only(lintSource('intent.toml', readFileSync(path, 'utf8')), 'dev-flags-in-production').severity).toBe('error');
  });
});

describe('AI-appchain dependency rules', () => {
  it('inference-single-operator names the one operator, and only informs when operators are not listed', () => {
    const single = only(lintFixture('inference-single-operator', 'fires.yaml'), 'inference-single-operator');
    expect(single.severity).toBe('warning');
    expect(single.message).toContain('Inference through og-inference is run by one operator, OpenGradient Labs');
    const unlisted = only(lintFixture('inference-single-operator', 'fires-unlisted.yaml'), 'inference-single-operator');
    expect(unlisted.severity).toBe('info');
    expect(unlisted.message).toContain('og-inference');
  });

  it('inference-unverified names the provider and tells "none" from unstated', () => {
    const none = only(lintFixture('inference-unverified', 'fires.yaml'), 'inference-unverified');
    expect(none.severity).toBe('warning');
    expect(none.message).toMatch(/^Results from og-inference reach the chain unverified/);
    const unstated = only(lintFixture('inference-unverified', 'fires-unstated.yaml'), 'inference-unverified');
    expect(unstated.severity).toBe('warning');
    expect(unstated.message).toMatch(/^The manifest does not say how results from og-inference are verified/);
  });

  it('mutable-model-reference quotes the mutable reference', () => {
    const finding = only(lintFixture('mutable-model-reference', 'fires.yaml'), 'mutable-model-reference');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('Model lumen-ranker is fetched by "hf://lumen/ranker-7b:latest"');
  });

  it('settlement-outside-governance names who can upgrade, and only informs when nobody is named', () => {
    const third = only(lintFixture('settlement-outside-governance', 'fires.yaml'), 'settlement-outside-governance');
    expect(third.severity).toBe('warning');
    expect(third.message).toContain('The settlement layer Base can be upgraded by Base Security Council');
    const single = only(lintFixture('settlement-outside-governance', 'fires-single-key.yaml'), 'settlement-outside-governance');
    expect(single.message).toContain('The bridge lumen-bridge can be upgraded by a single key');
    expect(only(lintFixture('settlement-outside-governance', 'fires-unstated.yaml'), 'settlement-outside-governance').severity).toBe('info');
  });

  it('settlement-outside-governance treats an address declared as one of the chain\'s bodies as chain governance', () => {
    const text = readFixture('settlement-outside-governance', 'passes.yaml').replace('upgradeableBy: lumen-council', 'upgradeableBy: "0x987717Be7B4b51239f507D190c5886Ae64756202"');
    expect(findingsOf(lintSource('appchain.yaml', text), 'settlement-outside-governance')).toEqual([]);
    const stranger = text.replace('upgradeableBy: "0x987717Be7B4b51239f507D190c5886Ae64756202"', 'upgradeableBy: "0x2e88f3557F7e8de9f86d8F5bD2e4a7770Cba85e5"');
    expect(only(lintSource('appchain.yaml', stranger), 'settlement-outside-governance').message).toContain('outside the chain\'s governance');
  });

  it('dependency-without-fallback names the dependency and its provider', () => {
    const finding = only(lintFixture('dependency-without-fallback', 'fires.yaml'), 'dependency-without-fallback');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('celestia (Celestia) supplies data availability and the manifest names no fallback');
    expect(only(lintFixture('dependency-without-fallback', 'fires-none.yaml'), 'dependency-without-fallback').message).toContain('og-inference (OpenGradient) is the chain\'s only source of inference');
  });
});

describe('quick fixes', () => {
  const fixable = RULES.filter((rule) => rule.meta.fixable).map((rule) => rule.meta.id);
  const cases = fixable.flatMap((id) => fixtureCases(`${RULE_FIXTURES}/${id}`).fires.map((path) => ({ id, path })));
  const fixes = cases.flatMap(({ id, path }) =>
    findingsOf(lintFile(path), id).flatMap((finding) => finding.fixes.map((fix) => ({ id, path, finding, fix }))),
  );

  it('exist for every fixable rule', () => {
    expect([...new Set(fixes.map((f) => f.id))].sort()).toEqual([...fixable].sort());
  });

  it.each(fixes.map((f) => [`${f.path.slice(RULE_FIXTURES.length + 1)}: ${f.fix.title}`, f]))('%s leaves a file that parses, without the finding', (_label, { id, path, finding, fix }) => {
    const text = readFileSync(path, 'utf8');
    const fixed = applyEdits(text, fix.edits);
    expect(fixed).not.toBe(text);
    const after = lintAs(path, fixed);
    expect(after.adapter?.id).toBeDefined();
    expect(after.findings.filter((f) => ['parse-error', 'schema-error', 'internal-error'].includes(f.ruleId))).toEqual([]);
    const same = after.findings.filter((f) => f.ruleId === id && f.range.start.line === finding.range.start.line && f.message === finding.message);
    expect(same).toEqual([]);
    if (id === 'short-exit-window') {
      expect(findingsOf(after, id).filter((f) => f.range.start.line === finding.range.start.line && f.severity === 'error')).toEqual([]);
    }
  });
});
