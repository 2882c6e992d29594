/**
 * The Cosmos SDK genesis adapter: what it reads from each SDK generation into the authority model,
 * where each element points, and how governance-capture, staking-params and perpetual-authorization
 * judge what it reads. Inputs are small inline geneses written for these tests.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cosmosGenesis } from '../../server/src/engine/adapters/cosmos/genesis';
import { cosmosNetwork } from '../../server/src/engine/adapters/cosmos/networks';
import { durationSeconds } from '../../server/src/engine/adapters/cosmos/read';
import { emptyConfig } from '../../server/src/engine/config/resolved';
import type { FileReport } from '../../server/src/engine/lint';
import { concentration } from '../../server/src/engine/metrics';
import { parseAddress, shortAddress } from '../../server/src/engine/model/address';
import type { AuthorityModel, Distribution, Origin } from '../../server/src/engine/model/schema';
import { AuthorityModelSchema } from '../../server/src/engine/model/schema';
import { parseDocument } from '../../server/src/engine/parse';
import { hoverMarkdown } from '../../server/src/lsp/hover';
import { bech32Encode } from '../helpers/bech32';
import { applyEdits, underlined } from '../helpers/fixtures';
import { findingsOf, fullText, lintFile, lintSource } from '../helpers/lint';

const VAL_A = { acc: 'cosmos1t669wk7uc6zwhvg2y28mruze8gae55unjclqhc', oper: 'cosmosvaloper1t669wk7uc6zwhvg2y28mruze8gae55unhvt4mt' };
const VAL_B = { acc: 'cosmos1tv7njtnwtypza7rx0ee9shxjx6849r320k76wj', oper: 'cosmosvaloper1tv7njtnwtypza7rx0ee9shxjx6849r322z20zp' };
const VAL_C = { acc: 'cosmos1vtwkt7va83gsym8aj8e3hzdhndfvgwdd5vw9q2', oper: 'cosmosvaloper1vtwkt7va83gsym8aj8e3hzdhndfvgwdd3c6sve' };
const VAL_X = 'cosmosvaloper1wjh0kqeq430ned9azj2ucmf7gktaae4kcnuewj';
const VAL_Y = 'cosmosvaloper1206gy6v9m4kg4xrphz6mwe4agzmcr2ecgchlfe';
/** A plain account (sha256("reserve")[:20]); sha256("treasury")[:20] would be the treasury module's account. */
const TREASURY = 'cosmos1dheycdevq39qlkxs2a6wuuzyn4aqxhven8lsn5';
const FOUNDATION = 'cosmos190vt0vxc8c8vj24a7mm3fjsenfu8f5yxnu7crf';
const HELPER = 'cosmos1afdt6h0d086nf9cgm65ff32a5v5a9l4y3kkutc';
const OPS = 'cosmos1935meyg3cfc3p2de57t5hglc4sxq20qkkzwwte';
const POA_ADMIN = 'cosmos1awrm55hxdjs3jv3kzfhhgrawt7cnfpdu8adlvv';
const CIRCUIT_ADMIN = 'cosmos1xujacx8agzgk925t9h8nq0q7jfdh0cclf2qarh';
const MINTER = 'cosmos1h6t805h2vjfzpa3m9n8kyadyng9xf604d7h5ac';
const PAUSER = 'cosmos1h6gwlgm4lsuextt2dlw6jdy04klr5z0djq4pka';
const BLACKLISTER = 'cosmos1qvtetwfh2fr9uh9wxwzn0ldlnuwg8t5kn64yhe';
const OWNER = 'cosmos1fsgzj6t7udv8zhf6zj32mkqhcjcpv52ygswxa5';
/** The x/gov module account under the `og` prefix: the same payload as cosmos10d07y265…. */
const OG_GOV = 'og10d07y265gmmuvt4z0w9aw880jnsr700jrdya3k';

/** A plain account named for a test: sha256(label)[:20], a label no module is named. */
const account = (label: string) => bech32Encode('cosmos', createHash('sha256').update(label).digest().subarray(0, 20));
/** Module accounts as dYdX's own tests spell them (v4-chain app/module_accounts_test.go). */
const BRIDGE_MODULE = 'dydx1zlefkpe3g0vvm9a4h0jf9000lmqutlh9jwjnsv';
const FEE_COLLECTOR = 'dydx17xpfvakm2amg962yls6f84z3kell8c5leqdyt2';
const SECP256K1 = { '@type': '/cosmos.crypto.secp256k1.PubKey', key: 'A9hZjm7++QBixsH4QTQadXPrnhVBDk+MPLE74U0/GoJp' };
const MULTISIG_2_OF_3 = {
  '@type': '/cosmos.crypto.multisig.LegacyAminoPubKey',
  threshold: 2,
  public_keys: ['AmdKG/ers84X8alC9H5qbNKATnfY573kvv4K8lUzUd0x', 'A57Cxv5vgwE6pAJ9oYtnOdU4ehKixMj6gufF8jBRq4IC', 'A9hZjm7++QBixsH4QTQadXPrnhVBDk+MPLE74U0/GoJp'].map((k) => ({ '@type': '/cosmos.crypto.secp256k1.PubKey', key: k })),
};

const key = (address: string) => parseAddress(address)!.key;

function lint(value: unknown, name = 'genesis.json'): { report: FileReport; model: AuthorityModel; text: string } {
  const text = JSON.stringify(value, null, 2);
  const report = lintSource(name, text);
  expect(report.adapter?.id, 'recognized as a Cosmos SDK genesis').toBe('cosmos-genesis');
  expect(() => AuthorityModelSchema.parse(report.model)).not.toThrow();
  expect(report.findings.filter((f) => f.ruleId === 'schema-error' || f.ruleId === 'parse-error').map((f) => f.message)).toEqual([]);
  return { report, model: report.model!, text };
}

/** The text an origin points at, as the editor would underline it. */
function at(text: string, origin: Origin): string {
  const span = parseDocument('/virtual/genesis.json', text).locate(origin.path)?.value;
  expect(span, `${JSON.stringify(origin.path)} is in the file`).toBeDefined();
  return text.slice(span!.start, span!.end);
}

const dist = (model: AuthorityModel, kind: Distribution['kind']) => {
  const found = model.distributions.find((d) => d.kind === kind);
  expect(found, `a ${kind} distribution`).toBeDefined();
  return found!;
};
const amounts = (d: Distribution) => Object.fromEntries(d.entries.map((e) => [e.holder.raw, e.amount]));

/** v0.33 (cosmoshub-1): amino accounts at the top of app_state, amino gentxs, nanosecond durations, `veto`. */
const LEGACY_033 = {
  genesis_time: '2019-03-13T23:00:00Z',
  chain_id: 'examplehub-1',
  consensus_params: { block: { max_bytes: '200000', max_gas: '2000000' } },
  app_state: {
    accounts: [
      { address: FOUNDATION, coins: [{ denom: 'uatom', amount: '9007199254740993000' }], sequence_number: '0', account_number: '0', original_vesting: null, start_time: '0', end_time: '0' },
      { address: VAL_A.acc, coins: [{ denom: 'uatom', amount: '3000000000' }], sequence_number: '0', account_number: '0', original_vesting: [{ denom: 'uatom', amount: '1000000000' }], start_time: '0', end_time: '1600000000' },
      { address: VAL_B.acc, coins: [{ denom: 'photino', amount: '5' }], sequence_number: '0', account_number: '0' },
    ],
    staking: { params: { unbonding_time: '1814400000000000', max_validators: 100, max_entries: 7, bond_denom: 'uatom' }, validators: null },
    gov: {
      starting_proposal_id: '1',
      deposit_params: { min_deposit: [{ denom: 'uatom', amount: '512000000' }], max_deposit_period: '1209600000000000' },
      voting_params: { voting_period: '1209600000000000' },
      tally_params: { quorum: '0.400000000000000000', threshold: '0.500000000000000000', veto: '0.334000000000000000' },
    },
    slashing: { params: { slash_fraction_double_sign: '0.050000000000000000', slash_fraction_downtime: '0.000100000000000000' } },
    gentxs: [
      {
        type: 'auth/StdTx',
        value: {
          msg: [{ type: 'cosmos-sdk/MsgCreateValidator', value: { description: { moniker: 'alpha' }, delegator_address: VAL_A.acc, validator_address: VAL_A.oper, pubkey: 'cosmosvalconspub1…', value: { denom: 'uatom', amount: '2000000000' } } }],
          fee: { amount: null, gas: '200000' },
          memo: '',
        },
      },
      {
        type: 'auth/StdTx',
        value: { msg: [{ type: 'cosmos-sdk/MsgCreateValidator', value: { description: { moniker: 'beta' }, delegator_address: VAL_B.acc, validator_address: VAL_B.oper, value: { denom: 'uatom', amount: '1000000000' } } }] },
      },
    ],
  },
};

/** v0.45/v0.46: proto JSON, bank balances, vesting and module accounts, the three gov param groups. */
function v045(extra: Record<string, unknown> = {}) {
  return {
    genesis_time: '2023-01-01T00:00:00Z',
    chain_id: 'appchain-1',
    initial_height: '1',
    app_state: {
      auth: {
        accounts: [
          { '@type': '/cosmos.auth.v1beta1.BaseAccount', address: TREASURY, pub_key: null, account_number: '0', sequence: '0' },
          {
            '@type': '/cosmos.vesting.v1beta1.ContinuousVestingAccount',
            base_vesting_account: { base_account: { address: FOUNDATION, pub_key: null, account_number: '1', sequence: '0' }, original_vesting: [{ denom: 'uapp', amount: '600' }], end_time: '1900000000' },
            start_time: '1700000000',
          },
          { '@type': '/cosmos.auth.v1beta1.ModuleAccount', base_account: { address: OPS, account_number: '2', sequence: '0' }, name: 'bonded_tokens_pool', permissions: ['burner', 'staking'] },
        ],
      },
      bank: {
        balances: [
          { address: TREASURY, coins: [{ denom: 'uapp', amount: '300' }, { denom: 'uother', amount: '999999' }] },
          { address: FOUNDATION, coins: [{ denom: 'uapp', amount: '600' }] },
          { address: OPS, coins: [{ denom: 'uapp', amount: '100000' }] },
        ],
      },
      staking: { params: { unbonding_time: '1814400s', max_validators: 100, max_entries: 7, historical_entries: 10000, bond_denom: 'uapp', min_commission_rate: '0.050000000000000000' }, validators: [] },
      slashing: { params: { slash_fraction_double_sign: '0.050000000000000000', slash_fraction_downtime: '0.010000000000000000' } },
      gov: {
        deposit_params: { min_deposit: [{ denom: 'uapp', amount: '10000000' }], max_deposit_period: '172800s' },
        voting_params: { voting_period: '172800s' },
        tally_params: { quorum: '0.334000000000000000', threshold: '0.500000000000000000', veto_threshold: '0.334000000000000000' },
      },
      genutil: {
        gen_txs: [
          { body: { messages: [{ '@type': '/cosmos.staking.v1beta1.MsgCreateValidator', description: { moniker: 'alpha' }, delegator_address: VAL_A.acc, validator_address: VAL_A.oper, value: { denom: 'uapp', amount: '40' } }] } },
          { body: { messages: [{ '@type': '/cosmos.staking.v1beta1.MsgCreateValidator', description: { moniker: 'beta' }, delegator_address: VAL_B.acc, validator_address: VAL_B.oper, value: { denom: 'uapp', amount: '35' } }] } },
          { body: { messages: [{ '@type': '/cosmos.staking.v1beta1.MsgCreateValidator', description: { moniker: 'gamma' }, delegator_address: VAL_C.acc, validator_address: VAL_C.oper, value: { denom: 'uapp', amount: '25' } }] } },
        ],
      },
      ...extra,
    },
  };
}

/** v0.50: everything in gov.params, with expedited and burn settings; the consensus section replaces consensus_params. */
function v050(params: Record<string, unknown> = {}, app: Record<string, unknown> = {}, chainId = 'appchain-1') {
  const base = v045();
  const { gov: _gov, ...rest } = base.app_state;
  return {
    ...base,
    chain_id: chainId,
    consensus: { params: { block: { max_bytes: '22020096', max_gas: '-1' } } },
    app_state: {
      ...rest,
      gov: {
        starting_proposal_id: '1',
        params: {
          min_deposit: [{ denom: 'uapp', amount: '10000000' }],
          max_deposit_period: '172800s',
          voting_period: '172800s',
          quorum: '0.334000000000000000',
          threshold: '0.500000000000000000',
          veto_threshold: '0.334000000000000000',
          expedited_voting_period: '86400s',
          expedited_threshold: '0.667000000000000000',
          expedited_min_deposit: [{ denom: 'uapp', amount: '50000000' }],
          burn_vote_quorum: false,
          burn_proposal_deposit_prevote: false,
          burn_vote_veto: true,
          ...params,
        },
      },
      ...app,
    },
  };
}

describe('detection', () => {
  it('recognizes every generation by content, and the sniff never rejects what detect accepts', () => {
    for (const value of [LEGACY_033, v045(), v050()]) {
      expect(cosmosGenesis.detect(value)).toBeGreaterThanOrEqual(0.9);
      expect(cosmosGenesis.sniff!.test(JSON.stringify(value))).toBe(true);
    }
  });

  it('does not claim files without an app_state', () => {
    expect(cosmosGenesis.detect({ chain_id: 'x', genesis_time: '2020-01-01T00:00:00Z' })).toBe(0);
    expect(cosmosGenesis.detect({ finalSystemOwner: '0x1' })).toBe(0);
    expect(cosmosGenesis.detect({ app_state: {} })).toBe(0);
  });
});

describe('SDK v0.33 legacy layout (cosmoshub-1 style)', () => {
  const { model, text } = lint(LEGACY_033);

  it('reads the three gov param groups with `veto` and nanosecond periods', () => {
    expect(model.governance?.quorum?.value).toBe(0.4);
    expect(model.governance?.threshold?.value).toBe(0.5);
    expect(model.governance?.vetoThreshold?.value).toBe(0.334);
    expect(at(text, model.governance!.vetoThreshold!.at)).toBe('"0.334000000000000000"');
    expect(model.governance?.minDeposit).toMatchObject({ amount: '512000000', denom: 'uatom' });
    const voting = model.delays.find((d) => d.kind === 'voting-period')!;
    expect(voting.seconds).toBe(1_209_600);
    expect(at(text, voting.at)).toBe('"1209600000000000"');
    expect(model.delays.find((d) => d.kind === 'deposit-period')?.seconds).toBe(1_209_600);
    expect(model.delays.find((d) => d.kind === 'unbonding')?.seconds).toBe(1_814_400);
    expect(model.staking?.maxValidators?.value).toBe(100);
    expect(model.staking?.bondDenom).toBe('uatom');
  });

  it('takes voting power from the amino gentxs at the top of app_state, held by the operator address', () => {
    const power = dist(model, 'voting-power');
    expect(amounts(power)).toEqual({ [VAL_A.oper]: '2000000000', [VAL_B.oper]: '1000000000' });
    expect(at(text, power.entries[0].at)).toBe(`"${VAL_A.oper}"`);
    // The operator address is the validator's account under another prefix: one holder.
    expect(power.entries[0].holder.key).toBe(key(VAL_A.acc));
  });

  it('takes the supply of the bond denom from app_state.accounts in BigInt, vesting accounts included', () => {
    const supply = dist(model, 'supply');
    expect(supply.denom).toBe('uatom');
    // 9007199254740993000 is beyond 2^53: a float would round it.
    expect(amounts(supply)).toEqual({ [FOUNDATION]: '9007199254740993000', [VAL_A.acc]: '3000000000' });
    expect(concentration(supply.entries.map((e) => BigInt(e.amount))).total).toBe(9007199257740993000n);
    expect(at(text, supply.entries[1].at)).toBe(`"${VAL_A.acc}"`);
  });
});

describe('SDK v0.45/v0.46 layout', () => {
  const { model, text } = lint(v045());

  it('reads gov deposit/voting/tally params in proto JSON', () => {
    expect(model.governance?.quorum?.value).toBe(0.334);
    expect(at(text, model.governance!.quorum!.at)).toBe('"0.334000000000000000"');
    expect(model.delays.find((d) => d.kind === 'voting-period')?.seconds).toBe(172_800);
    expect(model.staking?.minCommissionRate?.value).toBe(0.05);
  });

  it('counts bank balances of the bond denom, vesting accounts in, module accounts out', () => {
    const supply = dist(model, 'supply');
    expect(amounts(supply)).toEqual({ [TREASURY]: '300', [FOUNDATION]: '600' });
    expect(at(text, supply.entries[0].at)).toBe(`"${TREASURY}"`);
  });

  it('takes voting power from genutil.gen_txs', () => {
    const power = dist(model, 'voting-power');
    expect(amounts(power)).toEqual({ [VAL_A.oper]: '40', [VAL_B.oper]: '35', [VAL_C.oper]: '25' });
    const metrics = concentration(power.entries.map((e) => BigInt(e.amount)));
    expect(metrics.nakamotoHalt).toBe(1);
    expect(metrics.nakamotoSafety).toBe(2);
    expect(metrics.hhi).toBe(40 ** 2 + 35 ** 2 + 25 ** 2);
    expect(metrics.topShare).toBeCloseTo(0.4, 10);
  });

  it('classifies a permissionless proof-of-stake set', () => {
    expect(model.validatorSet?.admission).toBe('permissionless');
    expect(model.validatorSet?.how).toContain('top 100 validators');
  });
});

describe('SDK v0.50 gov.params', () => {
  it('reads expedited settings, burn flags and the minimum deposit in the bond denom', () => {
    const { model, text } = lint(v050({ burn_vote_veto: false }));
    expect(model.governance?.expeditedThreshold?.value).toBe(0.667);
    expect(model.governance?.burnVoteVeto?.value).toBe(false);
    expect(at(text, model.governance!.burnVoteVeto!.at)).toBe('false');
    expect(model.governance?.minDeposit).toMatchObject({ amount: '10000000', denom: 'uapp' });
    const expedited = model.delays.find((d) => d.kind === 'expedited-voting-period')!;
    expect(expedited.seconds).toBe(86_400);
    expect(at(text, expedited.at)).toBe('"86400s"');
    expect(model.parameters.map((p) => p.id)).toEqual(expect.arrayContaining(['burn_vote_veto', 'burn_vote_quorum', 'burn_proposal_deposit_prevote', 'quorum', 'expedited_voting_period']));
  });

  it('reports a ratio that is not a number as a schema error at that field', () => {
    const report = lintSource('genesis.json', JSON.stringify(v050({ quorum: 'a third' }), null, 2));
    const errors = findingsOf(report, 'schema-error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('quorum');
  });
});

describe('exported state: staking.validators', () => {
  it('counts bonded, unjailed validators only, summing amounts beyond 2^53 exactly', () => {
    const validators = [
      { operator_address: VAL_A.oper, status: 'BOND_STATUS_BONDED', jailed: false, tokens: '123456789012345678901', description: { moniker: 'alpha' } },
      { operator_address: VAL_B.oper, status: 'BOND_STATUS_BONDED', jailed: false, tokens: '100000000000000000000', description: { moniker: 'beta' } },
      { operator_address: VAL_X, status: 'BOND_STATUS_UNBONDED', jailed: false, tokens: '900000000000000000000', description: { moniker: 'left' } },
      { operator_address: VAL_Y, status: 'BOND_STATUS_BONDED', jailed: true, tokens: '900000000000000000000', description: { moniker: 'jailed' } },
    ];
    const genesis = v045();
    (genesis.app_state as Record<string, unknown>).genutil = { gen_txs: [] };
    (genesis.app_state.staking as Record<string, unknown>).validators = validators;
    const { model, text } = lint(genesis);
    const power = dist(model, 'voting-power');
    expect(amounts(power)).toEqual({ [VAL_A.oper]: '123456789012345678901', [VAL_B.oper]: '100000000000000000000' });
    expect(at(text, power.entries[0].at)).toBe(`"${VAL_A.oper}"`);
    expect(concentration(power.entries.map((e) => BigInt(e.amount))).total).toBe(223456789012345678901n);
  });
});

describe('powers granted outside governance', () => {
  it('a module authority set to a key is a root grant; the gov module account under any prefix is not', () => {
    const { model, text } = lint(v050({}, { upgrade: { params: { authority: OPS } }, params: { params: { authority: OG_GOV } }, consensus: { authority: OPS } }));
    const roots = model.grants.filter((g) => g.root);
    expect(roots.map((g) => g.role).sort()).toEqual(['consensus-authority', 'upgrade-authority']);
    const upgrade = roots.find((g) => g.role === 'upgrade-authority')!;
    expect(upgrade.powers).toEqual(['upgrade']);
    expect(upgrade.source).toBe('cosmosModuleAuthority');
    expect(at(text, upgrade.at)).toBe(`"${OPS}"`);
    expect(model.grants.some((g) => g.holder.key === key(OG_GOV))).toBe(false);
  });

  it('x/circuit: a super admin is root, an all-messages breaker critical, a some-messages breaker not', () => {
    const circuit = {
      account_permissions: [
        { address: CIRCUIT_ADMIN, permissions: { level: 'LEVEL_SUPER_ADMIN', limit_type_urls: [] } },
        { address: OPS, permissions: { level: 'LEVEL_ALL_MSGS', limit_type_urls: [] } },
        { address: HELPER, permissions: { level: 1, limit_type_urls: ['/cosmos.bank.v1beta1.MsgSend'] } },
      ],
      disabled_type_urls: [],
    };
    const { model, text } = lint(v050({}, { circuit }));
    const byRole = Object.fromEntries(model.grants.map((g) => [g.role, g]));
    expect(byRole['circuit-super-admin']).toMatchObject({ root: true, critical: true, holder: { raw: CIRCUIT_ADMIN } });
    expect(at(text, byRole['circuit-super-admin'].at)).toBe(`"${CIRCUIT_ADMIN}"`);
    expect(byRole['circuit-all-msgs']).toMatchObject({ critical: true, holder: { raw: OPS } });
    expect(byRole['circuit-all-msgs'].root).toBeUndefined();
    expect(byRole['circuit-some-msgs']).toMatchObject({ critical: false, title: 'x/circuit breaker for 1 message type' });
  });

  it('authz grants over governance, upgrades and staking, with their expiry; grants over transfers are not powers', () => {
    const authz = {
      authorization: [
        { granter: FOUNDATION, grantee: HELPER, authorization: { '@type': '/cosmos.authz.v1beta1.GenericAuthorization', msg: '/cosmos.gov.v1.MsgVote' }, expiration: null },
        { granter: FOUNDATION, grantee: OPS, authorization: { '@type': '/cosmos.authz.v1beta1.GenericAuthorization', msg: '/cosmos.upgrade.v1beta1.MsgSoftwareUpgrade' }, expiration: '2026-01-01T00:00:00Z' },
        { granter: TREASURY, grantee: HELPER, authorization: { '@type': '/cosmos.staking.v1beta1.StakeAuthorization', max_tokens: null, allow_list: { address: [VAL_A.oper] }, authorization_type: 'AUTHORIZATION_TYPE_DELEGATE' } },
        { granter: TREASURY, grantee: OPS, authorization: { '@type': '/cosmos.authz.v1beta1.GenericAuthorization', msg: '/cosmos.bank.v1beta1.MsgSend' }, expiration: null },
      ],
    };
    const { model, text } = lint(v050({}, { authz }));
    const grants = model.grants.filter((g) => g.role.startsWith('authz:'));
    expect(grants.map((g) => [g.holder.raw, g.powers, g.expiresAt])).toEqual([
      [HELPER, ['govern'], null],
      [OPS, ['upgrade'], '2026-01-01T00:00:00Z'],
      [HELPER, ['govern'], null],
    ]);
    expect(grants[0].title).toBe('authz grantee of MsgVote for cosmos…7crf');
    expect(at(text, grants[0].at)).toBe(`"${HELPER}"`);
  });

  it('PoA admins pick the validators; without admins, governance does', () => {
    const withAdmins = lint(v050({}, { poa: { params: { admins: [POA_ADMIN], allow_validator_self_exit: true } } }));
    expect(withAdmins.model.validatorSet?.admission).toBe('permissioned');
    const admin = withAdmins.model.grants.find((g) => g.role === 'poa-admin')!;
    expect(admin.powers).toEqual(['set-validators']);
    expect(at(withAdmins.text, admin.at)).toBe(`"${POA_ADMIN}"`);

    const byGov = lint(v050({}, { poa: { params: {} } }));
    expect(byGov.model.validatorSet).toMatchObject({ admission: 'permissioned' });
    expect(byGov.model.validatorSet?.how).toContain('governance proposals');
    expect(byGov.model.grants.find((g) => g.role === 'poa-governance')?.holder.key).toBe(key(OG_GOV));
  });

  it('a token factory gives one address each the owner, master minter, pauser, blacklister and minter roles', () => {
    const tokenfactory = {
      owner: { address: OWNER },
      masterMinter: { address: MINTER },
      pauser: { address: PAUSER },
      blacklister: { address: BLACKLISTER },
      mintersList: [{ address: HELPER, allowance: { denom: 'uusdc', amount: '1000000' } }],
      mintingDenom: { denom: 'uusdc' },
      paused: { paused: false },
    };
    const { model, text } = lint(v050({}, { tokenfactory }));
    const roles = Object.fromEntries(model.grants.filter((g) => g.role.startsWith('tokenfactory-')).map((g) => [g.role, [g.holder.raw, g.powers.join()]]));
    expect(roles).toEqual({
      'tokenfactory-owner': [OWNER, 'mint'],
      'tokenfactory-masterMinter': [MINTER, 'mint'],
      'tokenfactory-pauser': [PAUSER, 'pause'],
      'tokenfactory-blacklister': [BLACKLISTER, 'censor'],
      'tokenfactory-minter': [HELPER, 'mint'],
    });
    const pauser = model.grants.find((g) => g.role === 'tokenfactory-pauser')!;
    expect(pauser.title).toBe('token factory pauser (uusdc)');
    expect(at(text, pauser.at)).toBe(`"${PAUSER}"`);
  });
});

describe('inherited security and Cosmos-EVM', () => {
  it('an Interchain Security consumer inherits the provider\'s validator set, as a dependency', () => {
    const ccvconsumer = {
      params: { enabled: true, consumer_redistribution_fraction: '0.75', unbonding_period: '1728000s' },
      provider_client_state: { chain_id: 'provider-hub', trust_level: { numerator: '1', denominator: '3' } },
      new_chain: true,
    };
    const { model, text } = lint(v050({}, { ccvconsumer }));
    expect(model.validatorSet?.admission).toBe('inherited');
    expect(at(text, model.validatorSet!.at)).toBe('"provider-hub"');
    expect(model.dependencies).toEqual([expect.objectContaining({ kind: 'validator-set', provider: 'provider-hub', shared: true })]);
    expect(model.delays.find((d) => d.title === 'consumer unbonding period')?.seconds).toBe(1_728_000);
    expect(model.parameters.find((p) => p.id === 'consumer_redistribution_fraction')?.value).toBe('0.75');
  });

  it('models each active precompile, named, without judging it', () => {
    const vm = { params: { evm_denom: 'aapp', active_static_precompiles: ['0x0000000000000000000000000000000000000800', '0x0000000000000000000000000000000000000805', '0x0000000000000000000000000000000000000900', '0x0000000000000000000000000000000000004242'] } };
    const { model, report, text } = lint(v050({}, { vm }));
    const precompiles = model.parameters.filter((p) => p.id === 'active_static_precompiles');
    expect(precompiles.map((p) => p.title)).toEqual([
      'Active static precompile: Staking',
      'Active static precompile: Gov',
      'Active static precompile: TEE registry (OpenGradient)',
      'Active static precompile: custom',
    ]);
    expect(at(text, precompiles[1].at)).toBe('"0x0000000000000000000000000000000000000805"');
    expect(precompiles[1].governs).toContain('vote with delegated stake');
    const doc = parseDocument('/virtual/genesis.json', text);
    const lines = precompiles.map((p) => doc.lines.positionAt(doc.locate(p.at.path)!.value.start).line);
    expect(report.findings.filter((f) => lines.includes(f.range.start.line))).toEqual([]);
  });

  it('reads Evmos-era active_precompiles too', () => {
    const evm = { params: { evm_denom: 'aapp', active_precompiles: ['0x0000000000000000000000000000000000000801'] } };
    const { model } = lint(v050({}, { evm }));
    expect(model.parameters.find((p) => p.id === 'active_precompiles')?.title).toBe('Active static precompile: Distribution');
  });
});

describe('networks and encodings', () => {
  it('classifies published and self-describing chain ids', () => {
    expect(cosmosNetwork('cosmoshub-4').network).toBe('mainnet');
    expect(cosmosNetwork('noble-1').network).toBe('mainnet');
    expect(cosmosNetwork('arabica-11')).toEqual({ network: 'devnet', reason: 'chain id "arabica-11" is Celestia\'s Arabica devnet' });
    expect(cosmosNetwork('mocha-4').network).toBe('testnet');
    expect(cosmosNetwork('blockspacerace-0').network).toBe('testnet');
    expect(cosmosNetwork('appchain-testnet-2').network).toBe('testnet');
    expect(cosmosNetwork('appchain-devnet-1').network).toBe('devnet');
    expect(cosmosNetwork('ethera_9000-1').network).toBe('unknown');
    expect(cosmosNetwork(undefined).network).toBe('unknown');
  });

  it('a consumer of a test provider is a test chain, unless its own published id says otherwise', () => {
    const consumer = (chainId: string, provider: string) => lint(v050({}, { ccvconsumer: { params: { enabled: true }, provider_client_state: { chain_id: provider } } }, chainId)).model.chain;
    expect(consumer('hero-1', 'provider')).toMatchObject({ network: 'testnet', networkReason: 'its provider\'s chain id "provider" is the Interchain Security provider testnet' });
    expect(consumer('hero-1', 'pss-devnet-provider').network).toBe('devnet');
    expect(consumer('noble-1', 'provider').network).toBe('mainnet');
    expect(consumer('hero-1', 'some-provider').network).toBe('unknown');
  });

  it('reads proto, nanosecond and Go durations', () => {
    expect(durationSeconds('172800s')).toBe(172_800);
    expect(durationSeconds('1209600000000000')).toBe(1_209_600);
    expect(durationSeconds(1_209_600_000_000_000)).toBe(1_209_600);
    expect(durationSeconds('48h0m0s')).toBe(172_800);
    expect(durationSeconds('two days')).toBeUndefined();
  });
});

describe('governance-capture', () => {
  it('one validator holding the quorum is a warning located on the quorum, naming the validator', () => {
    const genesis = v050();
    genesis.app_state.genutil.gen_txs[0].body.messages[0].value.amount = '400';
    const { report, text } = lint(genesis);
    const [finding] = findingsOf(report, 'governance-capture');
    expect(finding.severity).toBe('warning');
    expect(underlined(text, finding)).toBe('"0.334000000000000000"');
    expect(finding.message).toBe(`${shortAddress(VAL_A.oper)} holds 87% of the validator voting power, at least the 33.4% governance quorum.`);
    expect(finding.detail).toContain('It can meet the quorum alone');
    expect(finding.subjects).toEqual([key(VAL_A.oper)]);
  });

  it('a development voting period on production is an error whose fix writes the default in the file\'s encoding', () => {
    const { report, text } = lint(v050({ voting_period: '30s' }));
    const finding = findingsOf(report, 'governance-capture').find((f) => f.severity === 'error')!;
    expect(underlined(text, finding)).toBe('"30s"');
    expect(finding.message).toContain('30 seconds, a development value');
    const fixed = applyEdits(text, finding.fixes[0].edits);
    expect(JSON.parse(fixed).app_state.gov.params.voting_period).toBe('172800s');

    const legacy = LEGACY_033 as { app_state: { gov: { voting_params: { voting_period: string } } } };
    const dev = structuredClone(legacy);
    dev.app_state.gov.voting_params.voting_period = '30000000000';
    const old = lint(dev);
    const error = findingsOf(old.report, 'governance-capture').find((f) => f.severity === 'error')!;
    expect(underlined(old.text, error)).toBe('"30000000000"');
    expect(JSON.parse(applyEdits(old.text, error.fixes[0].edits)).app_state.gov.voting_params.voting_period).toBe('172800000000000');
  });

  it('a low quorum, a disabled veto and refunded vetoed deposits are reported; none of it on a devnet', () => {
    // No gentxs: the quorum is judged against the default, and the largest genesis holder is named.
    const noGentxs = { genutil: { gen_txs: [] } };
    const { report, text } = lint(v050({ quorum: '0.200000000000000000', veto_threshold: '1.000000000000000000', burn_vote_veto: false }, noGentxs));
    const messages = findingsOf(report, 'governance-capture').map((f) => `${f.severity} ${underlined(text, f)} ${fullText(f)}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning "0\.200000000000000000" The governance quorum is 20%, below the 33\.4% default, and cosmos…7crf has 67% of the genesis supply of uapp\. .*enough to meet the quorum alone once staked/),
        expect.stringMatching(/^warning "1\.000000000000000000" The governance veto threshold is 100%.*veto is disabled/),
        expect.stringMatching(/^info false burn_vote_veto is false/),
      ]),
    );
    const quorumFix = findingsOf(report, 'governance-capture').find((f) => f.message.includes('quorum is 20%'))!.fixes[0];
    expect(JSON.parse(applyEdits(text, quorumFix.edits)).app_state.gov.params.quorum).toBe('0.334000000000000000');

    const devnet = lint(v050({ quorum: '0.200000000000000000', veto_threshold: '1.000000000000000000', burn_vote_veto: false, voting_period: '30s' }, noGentxs, 'appchain-devnet-1'));
    expect(findingsOf(devnet.report, 'governance-capture')).toEqual([]);
  });

  it('SDK defaults with no holder reaching the quorum pass', () => {
    expect(findingsOf(lint(v050()).report, 'governance-capture').filter((f) => !f.message.includes('validator voting power'))).toEqual([]);
  });
});

describe('staking-params', () => {
  it('a small active set, zero slashing and a short unbonding are warnings on production, at their fields', () => {
    const genesis = v050();
    Object.assign(genesis.app_state.staking.params, { max_validators: 7, unbonding_time: '3600s', min_commission_rate: '0.000000000000000000' });
    genesis.app_state.slashing.params.slash_fraction_double_sign = '0.000000000000000000';
    const { report, text } = lint(genesis);
    const found = findingsOf(report, 'staking-params').map((f) => [f.severity, underlined(text, f), f.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['warning', '7', 'max_validators is 7, so as few as 3 validators can halt the chain.'],
        ['warning', '"3600s"', 'The unbonding time is 1 hour, shorter than the 2 days in which evidence of a double-sign is accepted.'],
        ['warning', '"0.000000000000000000"', 'slash_fraction_double_sign is 0, so a validator that signs two conflicting blocks loses nothing.'],
      ]),
    );
    // 40% for the largest validator is above 1/3: no minimum commission lets it grow further.
    const commission = findingsOf(report, 'staking-params').find((f) => f.message.startsWith('min_commission_rate is 0'))!;
    expect(commission.severity).toBe('warning');
    expect(commission.message).toContain('40% of the validator voting power');
  });

  it('does not judge a validator set it does not run (an ICS consumer), beyond unbonding', () => {
    const genesis = v050({}, { ccvconsumer: { params: { enabled: true, unbonding_period: '1728000s' }, provider_client_state: { chain_id: 'provider-hub' } } });
    genesis.app_state.staking.params.max_validators = 3;
    expect(findingsOf(lint(genesis).report, 'staking-params')).toEqual([]);
  });
});

describe('perpetual-authorization', () => {
  it('fires on a governance grant without expiry, on the grantee, and not on one that expires', () => {
    const authz = (expiration: string | null) => ({
      authorization: [{ granter: FOUNDATION, grantee: HELPER, authorization: { '@type': '/cosmos.authz.v1beta1.GenericAuthorization', msg: '/cosmos.gov.v1.MsgVote' }, expiration }],
    });
    const { report, text } = lint(v050({}, { authz: authz(null) }));
    const [finding] = findingsOf(report, 'perpetual-authorization');
    expect(finding.severity).toBe('warning');
    expect(underlined(text, finding)).toBe(`"${HELPER}"`);
    expect(finding.message).toContain('authz grantee of MsgVote for cosmos…7crf, and the grant never expires.');
    expect(finding.subjects).toEqual([key(HELPER)]);
    expect(findingsOf(lint(v050({}, { authz: authz('2026-01-01T00:00:00Z') })).report, 'perpetual-authorization')).toEqual([]);
  });
});

type Genesis = ReturnType<typeof v050>;
const balances = (genesis: Genesis) => genesis.app_state.bank.balances as { address: string; coins: { denom: string; amount: string }[] }[];
const accounts = (genesis: Genesis) => genesis.app_state.auth.accounts as Record<string, unknown>[];
const fact = (model: AuthorityModel, address: string) => model.addressFacts?.find((f) => f.address.key === key(address));

describe('module accounts', () => {
  it('a balance at a module\'s derived address is not a holder: it leaves the supply and is shown as that module\'s account', () => {
    const STABLESTAKE = account('stablestake');
    const genesis = v050({}, { stablestake: { params: {} } });
    balances(genesis).push(
      { address: BRIDGE_MODULE, coins: [{ denom: 'uapp', amount: '7800000' }] },
      { address: STABLESTAKE, coins: [{ denom: 'uapp', amount: '500' }] },
      { address: FEE_COLLECTOR, coins: [{ denom: 'uapp', amount: '5' }] },
    );
    const { model, report, text } = lint(genesis);
    expect(amounts(dist(model, 'supply'))).toEqual({ [TREASURY]: '300', [FOUNDATION]: '600' });

    const bridge = fact(model, BRIDGE_MODULE)!;
    expect(bridge).toMatchObject({ kind: 'module', name: 'module account (bridge)' });
    expect(bridge.why).toContain('the first 20 bytes of sha256("bridge")');
    expect(at(text, bridge.at)).toBe(`"${BRIDGE_MODULE}"`);
    // A module named only in this genesis's app_state, and one auth.accounts types as a ModuleAccount.
    expect(fact(model, STABLESTAKE)?.name).toBe('module account (stablestake)');
    expect(fact(model, OPS)).toMatchObject({ kind: 'module', name: 'module account (bonded_tokens_pool)' });
    expect(fact(model, OPS)?.why).toContain('ModuleAccount "bonded_tokens_pool"');
    expect(fact(model, FEE_COLLECTOR)?.name).toBe('module account (fee_collector)');

    const entity = report.entities!.entityOf(parseAddress(BRIDGE_MODULE)!);
    expect(entity.kind).toBe('module');
    expect(report.entities!.label(entity)).toBe('module account (bridge)');
    const [supply] = findingsOf(report, 'supply-concentration');
    expect(supply.message).toMatch(/^cosmos…7crf holds 67% of the genesis supply of uapp/);
    expect(underlined(text, supply)).toBe(`"${FOUNDATION}"`);
  });

  it('a hover on the module account\'s balance says whose it is', () => {
    const genesis = v050();
    balances(genesis).push({ address: BRIDGE_MODULE, coins: [{ denom: 'uapp', amount: '7800000' }] });
    const { report, text } = lint(genesis);
    const doc = parseDocument(report.uri, text);
    const entry = { path: report.uri, version: 1, doc, report, config: emptyConfig('/virtual'), chainDocs: new Map([[report.uri, doc]]), siblings: [], ms: 0 };
    const hover = hoverMarkdown(entry, doc.lines.positionAt(text.indexOf(BRIDGE_MODULE) + 5));
    expect(hover).toContain('**module account (bridge)** — a module account, moved only by its module\'s code');
    expect(hover).toContain('shown by genesis.json: its address is the first 20 bytes of sha256("bridge")');
  });

  it('the gov module account stays governance, even when it holds deposits', () => {
    const genesis = v050({}, { poa: { params: { admins: [] } } });
    balances(genesis).push({ address: OG_GOV, coins: [{ denom: 'uapp', amount: '10' }] });
    const { model, report } = lint(genesis);
    expect(fact(model, OG_GOV)).toBeUndefined();
    expect(amounts(dist(model, 'supply'))[OG_GOV]).toBeUndefined();
    expect(report.entities!.entityOf(parseAddress(OG_GOV)!).kind).toBe('governance');
  });
});

describe('dydx-testnet-4 (test/real-world): the bridge module account', () => {
  it('holds 77.8% of adv4tnt but is no holder: the largest holder has 23.6%, and the bridge is named as a module account', () => {
    const path = new URL('../real-world/cosmos/dydx-testnet-4/genesis.json', import.meta.url).pathname;
    const report = lintFile(path);
    const model = report.model!;
    const supply = dist(model, 'supply');
    expect(supply.entries.some((e) => e.holder.key === key(BRIDGE_MODULE))).toBe(false);
    expect(concentration(supply.entries.map((e) => BigInt(e.amount))).topShare).toBeCloseTo(0.2358, 4);
    expect(findingsOf(report, 'supply-concentration')).toEqual([]);
    const bridge = fact(model, BRIDGE_MODULE)!;
    expect(bridge).toMatchObject({ kind: 'module', name: 'module account (bridge)' });
    expect(at(readFileSync(path, 'utf8'), bridge.at)).toBe(`"${BRIDGE_MODULE}"`);
    expect(fact(model, 'dydx1ltyc6y4skclzafvpznpt2qjwmfwgsndp458rmp')?.name).toBe('module account (rewards_vester)');
  });
});

describe('Interchain Security consumers', () => {
  const ccvconsumer = { params: { enabled: true, unbonding_period: '1728000s' }, provider_client_state: { chain_id: 'provider-hub' }, new_chain: true };

  it('a consumer\'s own gentx is not its consensus: no voting power and no halting claim, while its own powers are still judged', () => {
    const genesis = v050({}, { ccvconsumer, upgrade: { params: { authority: HELPER } } });
    genesis.app_state.genutil.gen_txs = genesis.app_state.genutil.gen_txs.slice(0, 1);
    const { model, report } = lint(genesis);
    expect(model.distributions.map((d) => d.kind)).toEqual(['supply']);
    expect(dist(model, 'supply').bonded).toBe(false);
    expect(findingsOf(report, 'stake-concentration')).toEqual([]);
    expect(report.findings.filter((f) => /halt the chain|validator voting power/.test(fullText(f))).map((f) => f.message)).toEqual([]);
    expect(findingsOf(report, 'permissioned-validator-set').map((f) => f.message)).toEqual([expect.stringContaining('inherited (an Interchain Security consumer, validated by the provider chain "provider-hub")')]);
    expect(findingsOf(report, 'root-authority').map((f) => f.subjects)).toEqual([[key(HELPER)]]);
    const [supply] = findingsOf(report, 'supply-concentration');
    expect(supply.detail).toContain('enough to outvote everyone else in any vote weighted by the token');
  });

  it('a disabled ccvconsumer is a standalone chain whose gentxs are its validators', () => {
    const genesis = v050({}, { ccvconsumer: { ...ccvconsumer, params: { enabled: false } } });
    const { model } = lint(genesis);
    expect(dist(model, 'voting-power').entries).toHaveLength(3);
    expect(dist(model, 'supply').bonded).toBe(true);
  });
});

describe('the supply of every significant denom', () => {
  const IBC_USDC = 'ibc/498A0751C798A0D9A389AA3691123DADA57DAA4FE165D5C75894505B876BA6E4';

  it('reports the EVM gas, fee and deposit tokens and denoms most accounts hold, each named by its use; only the bond denom is bonded, a voucher is information', () => {
    const genesis = v050({ min_deposit: [{ denom: 'udep', amount: '10' }] }, { evm: { params: { evm_denom: 'agas' } }, feemarket: { params: { fee_denom: IBC_USDC } } });
    balances(genesis).push({ address: HELPER, coins: [{ denom: 'agas', amount: '999900' }, { denom: 'udep', amount: '500' }, { denom: IBC_USDC, amount: '1000' }] });
    balances(genesis)[0].coins.push({ denom: 'agas', amount: '100' }, { denom: 'ustable', amount: '7' });
    balances(genesis)[1].coins.push({ denom: 'ustable', amount: '3' });
    const { model, report, text } = lint(genesis);
    const supplies = model.distributions.filter((d) => d.kind === 'supply');
    expect(supplies.map((d) => [d.title, d.bonded, d.voucher ?? false])).toEqual([
      ['genesis supply of uapp', true, false],
      ['genesis supply of agas (the EVM gas token)', false, false],
      [`genesis supply of ${IBC_USDC} (the fee token, an IBC voucher)`, false, true],
      ['genesis supply of udep (the governance-deposit token)', false, false],
      ['genesis supply of ustable (held by most accounts)', false, false],
    ]);
    // uother is held by one of three accounts: not significant.
    expect(supplies.some((d) => d.denom === 'uother')).toBe(false);

    const byDenom = (denom: string) => findingsOf(report, 'supply-concentration').find((f) => f.message.includes(`genesis supply of ${shortAddress(denom)}`))!;
    const gas = byDenom('agas');
    expect(gas.severity).toBe('warning');
    expect(gas.message).toBe('cosmos…kutc holds 100% of the genesis supply of agas (the EVM gas token).');
    expect(gas.detail).toMatch(/^That is enough to outvote everyone else/);
    expect(underlined(text, gas)).toBe(`"${HELPER}"`);
    expect(byDenom('udep')).toMatchObject({ severity: 'warning', subjects: [key(HELPER)] });
    const voucher = byDenom(IBC_USDC);
    expect(voucher.severity).toBe('info');
    expect(voucher.message).toBe('cosmos…kutc holds 100% of the genesis supply of ibc/49…A6E4 (the fee token, an IBC voucher).');
    expect(voucher.detail).toContain(`The denom is ${IBC_USDC}. It is a voucher for a token issued on another chain`);
  });
});

describe('x/group policies as councils', () => {
  const [M1, M2, M3] = ['member-1', 'member-2', 'member-3'].map(account);
  const GROUP_ADMIN = account('group-admin');
  /** Group policy accounts are 32 bytes. */
  const POLICY = bech32Encode('cosmos', createHash('sha256').update('group-policy').digest());
  const member = (address: string, weight: string) => ({ group_id: '1', member: { address, weight, metadata: '', added_at: '2024-01-01T00:00:00Z' } });
  const group = (members: ReturnType<typeof member>[], decision: Record<string, unknown>, admin = GROUP_ADMIN) => ({
    group_seq: '1',
    groups: [{ id: '1', admin, metadata: '', version: '1', total_weight: '3', created_at: '2024-01-01T00:00:00Z' }],
    group_members: members,
    group_policy_seq: '1',
    group_policies: [{ address: POLICY, group_id: '1', admin: POLICY, metadata: '', version: '1', decision_policy: decision, created_at: '2024-01-01T00:00:00Z' }],
    proposal_seq: '0',
    proposals: [],
    votes: [],
  });
  const threshold = (value: string, minExecution = '0s') => ({ '@type': '/cosmos.group.v1.ThresholdDecisionPolicy', threshold: value, windows: { voting_period: '86400s', min_execution_period: minExecution } });

  it('a threshold policy is a council at its address; what the policy holds, its group\'s admin holds too', () => {
    const genesis = v050({}, {
      group: group([member(M1, '1'), member(M2, '1'), member(M3, '1')], threshold('2')),
      poa: { params: { admins: [POLICY] } },
      wasm: { params: { code_upload_access: { permission: 'AnyOfAddresses', addresses: [POLICY] }, instantiate_default_permission: 'AnyOfAddresses' }, codes: [], contracts: [] },
      tokenfactory: { params: {}, factory_denoms: [{ denom: 'factory/cosmos1x/ucoin', authority_metadata: { admin: POLICY } }] },
    });
    accounts(genesis).push({ '@type': '/cosmos.auth.v1beta1.BaseAccount', address: GROUP_ADMIN, pub_key: SECP256K1, account_number: '9', sequence: '0' });
    const { model, report, text } = lint(genesis);
    const [council] = model.councils;
    expect(council).toMatchObject({ kind: 'multisig', address: { raw: POLICY }, threshold: 2, signers: 3 });
    expect(council.members.map((m) => m.raw)).toEqual([M1, M2, M3]);
    expect(council.name).toBe(`x/group policy ${shortAddress(POLICY)} (group 1, threshold 2 of weight 3)`);
    expect(model.grants.filter((g) => g.holder.raw === POLICY).map((g) => [g.role, g.powers])).toEqual([
      ['poa-admin', ['set-validators']],
      ['tokenfactory-denom-admin', ['mint']],
      ['wasm-code-upload', ['deploy']],
    ]);

    const admin = model.grants.find((g) => g.role === 'group-admin')!;
    expect(admin.holder.raw).toBe(GROUP_ADMIN);
    expect(new Set(admin.powers)).toEqual(new Set(['mint', 'set-validators', 'deploy']));
    expect(admin.title).toBe(`x/group 1 admin (replaces its members, so acts as policy ${shortAddress(POLICY)}: PoA admin, token factory admin of factory/cosmos1x/ucoin, CosmWasm code uploader (params.code_upload_access))`);
    expect(at(text, admin.at)).toBe(`"${GROUP_ADMIN}"`);

    const weak = findingsOf(report, 'weak-council');
    const policy = weak.find((f) => f.subjects.includes(key(POLICY)))!;
    expect(policy.severity).toBe('warning');
    expect(fullText(policy)).toContain('is a 2-of-3 multisig with only 3 signers');
    const single = weak.find((f) => f.subjects.includes(key(GROUP_ADMIN)))!;
    expect(single.severity).toBe('error');
    expect(single.message).toContain('is a single key (EOA)');
    expect(underlined(text, single)).toBe(`"${GROUP_ADMIN}"`);
  });

  it('a percentage policy needs the fewest members whose weight carries it; its minimum execution period is the council\'s delay', () => {
    const decision = { '@type': '/cosmos.group.v1.PercentageDecisionPolicy', percentage: '0.75', windows: { voting_period: '86400s', min_execution_period: '172800s' } };
    const genesis = v050({}, { group: group([member(M1, '3'), member(M2, '1'), member(M3, '1'), member(GROUP_ADMIN, '0')], decision, POLICY) });
    const { model, text } = lint(genesis);
    const [council] = model.councils;
    expect(council).toMatchObject({ threshold: 2, signers: 3, delaySeconds: 172_800 });
    expect(council.name).toContain('75% of weight 5');
    expect(at(text, council.delayAt!)).toBe('"172800s"');
    // A self-administered policy that holds nothing gives its admin nothing.
    expect(model.grants.filter((g) => g.role === 'group-admin')).toEqual([]);
  });

  it('PoA without admins is governed only when the genesis has a gov module', () => {
    const genesis = v050({}, { poa: { params: {} } });
    const { gov: _gov, ...withoutGov } = genesis.app_state;
    const { model } = lint({ ...genesis, app_state: withoutGov });
    expect(model.grants.filter((g) => g.role === 'poa-governance')).toEqual([]);
    expect(model.validatorSet?.how).toBe('proof of authority: validators are added and removed only by the PoA module\'s authority, which the genesis does not name');
  });
});

describe('roles in modules Chokepoint does not know', () => {
  it('an address in a role-like field of a custom module is a grant of unknown scope, titled with the module and field', () => {
    const [MINTERS, CRONOS_ADMIN, OWNER_2, TF_ADMIN] = ['liquidvesting-minter', 'cronos-admin', 'custom-owner', 'tokenfactory-admin'].map(account);
    const genesis = v050({}, {
      liquidvesting: { params: { minters: [MINTERS], denom: 'uapp' } },
      cronos: { params: { cronos_admin: CRONOS_ADMIN, ibc_timeout: '86400000000000', enable_auto_deployment: false } },
      adminmodule: { admins: [CRONOS_ADMIN, OG_GOV] },
      oracle: { owner: { address: OWNER_2 }, operator_count: 3, guardian: 'a-name-not-an-address', authority: OPS },
      tokenfactory: { admin: { address: TF_ADMIN }, owner: { address: OWNER } },
    });
    const { model, report, text } = lint(genesis);
    const unscoped = model.grants.filter((g) => g.powers.join() === 'unscoped');
    expect(unscoped.map((g) => [g.title, g.holder.raw])).toEqual([
      ['liquidvesting minter (params.minters)', MINTERS],
      ['cronos admin (params.cronos_admin)', CRONOS_ADMIN],
      ['adminmodule admin (admins)', CRONOS_ADMIN],
      ['oracle owner (owner)', OWNER_2],
      ['tokenfactory admin (admin)', TF_ADMIN],
    ]);
    expect(unscoped.every((g) => !g.critical && g.layer === 'application')).toBe(true);
    expect(at(text, unscoped[3].at)).toBe(`"${OWNER_2}"`);
    // What the adapter reads keeps its own power: the module authority and the token factory owner.
    expect(model.grants.find((g) => g.role === 'oracle-authority')?.powers).toEqual(['set-params']);
    expect(model.grants.find((g) => g.role === 'tokenfactory-owner')?.powers).toEqual(['mint']);
    expect(findingsOf(report, 'unverified-authority').filter((f) => f.message.includes('whose powers are not known')).every((f) => f.severity === 'info')).toBe(true);
  });
});

describe('what the file shows of an account\'s keys', () => {
  it('a single public key makes the holder a single key, a LegacyAminoPubKey an M-of-N multisig, judged by weak-council', () => {
    const genesis = v050({}, { poa: { params: { admins: [POA_ADMIN] } }, upgrade: { params: { authority: HELPER } } });
    accounts(genesis).push(
      { '@type': '/cosmos.auth.v1beta1.BaseAccount', address: POA_ADMIN, pub_key: SECP256K1, account_number: '7', sequence: '3' },
      { '@type': '/cosmos.auth.v1beta1.BaseAccount', address: HELPER, pub_key: MULTISIG_2_OF_3, account_number: '8', sequence: '1' },
      { '@type': '/cosmos.auth.v1beta1.BaseAccount', address: account('bystander'), pub_key: SECP256K1, account_number: '9', sequence: '1' },
    );
    const { model, report, text } = lint(genesis);
    const single = fact(model, POA_ADMIN)!;
    expect(single).toMatchObject({ kind: 'eoa', why: 'its account\'s public key in auth.accounts is a single secp256k1 key' });
    expect(single.at.path).toEqual(['app_state', 'auth', 'accounts', 3, 'pub_key']);
    expect(fact(model, HELPER)).toMatchObject({ kind: 'multisig', threshold: 2, signers: 3 });
    // An account that holds no power, no seat and no largest balance gets no fact.
    expect(fact(model, account('bystander'))).toBeUndefined();

    const weak = findingsOf(report, 'weak-council');
    expect(weak.find((f) => f.subjects.includes(key(POA_ADMIN)))).toMatchObject({ severity: 'error' });
    const multisig = weak.find((f) => f.subjects.includes(key(HELPER)))!;
    expect(multisig.severity).toBe('warning');
    expect(multisig.message).toContain('is a 2-of-3 multisig');
    expect(underlined(text, multisig)).toBe(`"${HELPER}"`);
  });

  it('a gentx signed with one key shows its validator\'s account is a single key; an amino multisig signature shows a multisig', () => {
    const genesis = v050({}, { poa: { params: { admins: [VAL_A.acc] } } });
    const [first] = genesis.app_state.genutil.gen_txs as Record<string, unknown>[];
    first.auth_info = { signer_infos: [{ public_key: SECP256K1, mode_info: { single: { mode: 'SIGN_MODE_DIRECT' } }, sequence: '0' }], fee: { amount: [], gas_limit: '200000' } };
    const { model, report } = lint(genesis);
    expect(fact(model, VAL_A.acc)).toMatchObject({ kind: 'eoa', address: { raw: VAL_A.acc }, why: 'it signed its genesis transaction with a single secp256k1 key' });
    expect(findingsOf(report, 'weak-council').map((f) => f.subjects)).toEqual([[key(VAL_A.acc)]]);

    const legacy = structuredClone(LEGACY_033) as { app_state: { gentxs: { value: Record<string, unknown> }[] } };
    legacy.app_state.gentxs[0].value.signatures = [{ pub_key: { type: 'tendermint/PubKeyMultisigThreshold', value: { threshold: '2', pubkeys: [{}, {}, {}] } }, signature: '' }];
    expect(fact(lint(legacy).model, VAL_A.acc)).toMatchObject({ kind: 'multisig', threshold: 2, signers: 3 });
  });
});

describe('CosmWasm permissions and Osmosis-style token factories', () => {
  it('code upload and instantiation restricted to addresses are deploy grants; a factory denom\'s admin mints it', () => {
    const wasm = {
      params: { code_upload_access: { permission: 'OnlyAddress', address: PAUSER }, instantiate_default_permission: 'Everybody' },
      codes: [{ code_id: '1', code_info: { code_hash: 'AA==', creator: PAUSER, instantiate_config: { permission: 'AnyOfAddresses', addresses: [HELPER] } } }],
      contracts: [],
    };
    const tokenfactory = { params: {}, factory_denoms: [{ denom: `factory/${FOUNDATION}/uusd`, authority_metadata: { admin: FOUNDATION } }, { denom: 'factory/x/burned', authority_metadata: { admin: '' } }] };
    const { model } = lint(v050({}, { wasm, tokenfactory }));
    expect(model.grants.map((g) => [g.role, g.title, g.powers, g.holder.raw])).toEqual([
      ['tokenfactory-denom-admin', `token factory admin of factory/${FOUNDATION}/uusd`, ['mint'], FOUNDATION],
      ['wasm-code-upload', 'CosmWasm code uploader (params.code_upload_access)', ['deploy'], PAUSER],
      ['wasm-instantiate', 'CosmWasm instantiator of code 1 (instantiate_config)', ['deploy'], HELPER],
    ]);
  });
});

describe('durations with a unit suffix (SDK v0.44-era amino JSON)', () => {
  it('reads "…ns" periods without a schema error, and a fix keeps the unit', () => {
    expect(durationSeconds('21600000000000ns')).toBe(21_600);
    expect(durationSeconds('1m30.5s')).toBe(90.5);
    expect(durationSeconds('1500ms')).toBe(1.5);
    expect(durationSeconds('10x')).toBeUndefined();
    const genesis = v045();
    Object.assign(genesis.app_state.gov, { deposit_params: { min_deposit: [{ denom: 'uapp', amount: '1' }], max_deposit_period: '21600000000000ns' }, voting_params: { voting_period: '30000000000ns' } });
    genesis.app_state.staking.params.unbonding_time = '2419200000000000ns';
    const { model, report, text } = lint(genesis);
    expect(model.delays.map((d) => [d.kind, d.seconds])).toEqual(expect.arrayContaining([['deposit-period', 21_600], ['voting-period', 30], ['unbonding', 2_419_200]]));
    const error = findingsOf(report, 'governance-capture').find((f) => f.severity === 'error')!;
    expect(underlined(text, error)).toBe('"30000000000ns"');
    expect(JSON.parse(applyEdits(text, error.fixes[0].edits)).app_state.gov.voting_params.voting_period).toBe('172800000000000ns');
  });
});
