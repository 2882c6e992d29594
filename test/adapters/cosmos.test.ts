/**
 * The Cosmos SDK genesis adapter: what it reads from each SDK generation into the authority model,
 * where each element points, and how governance-capture, staking-params and perpetual-authorization
 * judge what it reads. Inputs are small inline geneses written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { cosmosGenesis } from '../../server/src/engine/adapters/cosmos/genesis';
import { cosmosNetwork } from '../../server/src/engine/adapters/cosmos/networks';
import { durationSeconds } from '../../server/src/engine/adapters/cosmos/read';
import type { FileReport } from '../../server/src/engine/lint';
import { concentration } from '../../server/src/engine/metrics';
import { parseAddress, shortAddress } from '../../server/src/engine/model/address';
import type { AuthorityModel, Distribution, Origin } from '../../server/src/engine/model/schema';
import { AuthorityModelSchema } from '../../server/src/engine/model/schema';
import { parseDocument } from '../../server/src/engine/parse';
import { applyEdits, underlined } from '../helpers/fixtures';
import { findingsOf, lintSource } from '../helpers/lint';

const VAL_A = { acc: 'cosmos1t669wk7uc6zwhvg2y28mruze8gae55unjclqhc', oper: 'cosmosvaloper1t669wk7uc6zwhvg2y28mruze8gae55unhvt4mt' };
const VAL_B = { acc: 'cosmos1tv7njtnwtypza7rx0ee9shxjx6849r320k76wj', oper: 'cosmosvaloper1tv7njtnwtypza7rx0ee9shxjx6849r322z20zp' };
const VAL_C = { acc: 'cosmos1vtwkt7va83gsym8aj8e3hzdhndfvgwdd5vw9q2', oper: 'cosmosvaloper1vtwkt7va83gsym8aj8e3hzdhndfvgwdd3c6sve' };
const VAL_X = 'cosmosvaloper1wjh0kqeq430ned9azj2ucmf7gktaae4kcnuewj';
const VAL_Y = 'cosmosvaloper1206gy6v9m4kg4xrphz6mwe4agzmcr2ecgchlfe';
const TREASURY = 'cosmos1vmafl8f3s6uuzwnxkqz0eza47v6ecn0tfqrcl7';
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
    expect(finding.message).toContain(`${shortAddress(VAL_A.oper)} holds 87% of the validator voting power, at least the 33.4% governance quorum: it can meet the quorum alone`);
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
    const messages = findingsOf(report, 'governance-capture').map((f) => `${f.severity} ${underlined(text, f)} ${f.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning "0\.200000000000000000" The governance quorum is 20%, below the 33\.4% default .*the largest genesis holder, cosmos…7crf, has 67% of the genesis supply of uapp/),
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
    const found = findingsOf(report, 'staking-params').map((f) => [f.severity, underlined(text, f), f.message.split(':')[0]]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['warning', '7', 'max_validators is 7'],
        ['warning', '"3600s"', 'The unbonding time is 1 hour, shorter than the 2 days in which evidence of a double-sign is accepted (CometBFT consensus params)'],
        ['warning', '"0.000000000000000000"', 'slash_fraction_double_sign is 0'],
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
    expect(finding.message).toContain('authz grantee of MsgVote for cosmos…7crf and the grant never expires');
    expect(finding.subjects).toEqual([key(HELPER)]);
    expect(findingsOf(lint(v050({}, { authz: authz('2026-01-01T00:00:00Z') })).report, 'perpetual-authorization')).toEqual([]);
  });
});
