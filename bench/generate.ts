/**
 * Synthetic inputs for the benchmarks: Cosmos SDK v0.50 geneses of a target size (accounts,
 * balances and 150 gentxs), an OP Stack deploy config and a Substrate plain chain spec. Seeded,
 * so every run lints the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bech32Encode as bech32 } from '../test/helpers/bech32';
import { mulberry32 as random } from '../test/helpers/random';

function bytes(next: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

function gentx(next: () => number, i: number, amount: bigint): unknown {
  const account = bytes(next, 20);
  const pubkey = { '@type': '/cosmos.crypto.ed25519.PubKey', key: base64(bytes(next, 32)) };
  return {
    body: {
      messages: [
        {
          '@type': '/cosmos.staking.v1beta1.MsgCreateValidator',
          description: { moniker: `validator-${i}`, identity: '', website: '', security_contact: '', details: '' },
          commission: { rate: '0.100000000000000000', max_rate: '0.200000000000000000', max_change_rate: '0.010000000000000000' },
          min_self_delegation: '1',
          delegator_address: '',
          validator_address: bech32('benchvaloper', account),
          pubkey,
          value: { denom: 'ubench', amount: amount.toString() },
        },
      ],
      memo: `${Buffer.from(bytes(next, 20)).toString('hex')}@10.0.${i >> 8}.${i & 255}:26656`,
      timeout_height: '0',
      extension_options: [],
      non_critical_extension_options: [],
    },
    auth_info: {
      signer_infos: [{ public_key: { '@type': '/cosmos.crypto.secp256k1.PubKey', key: base64(bytes(next, 33)) }, mode_info: { single: { mode: 'SIGN_MODE_DIRECT' } }, sequence: '0' }],
      fee: { amount: [], gas_limit: '200000', payer: '', granter: '' },
      tip: null,
    },
    signatures: [base64(bytes(next, 64))],
  };
}

/** A Cosmos SDK v0.50 genesis of about `targetBytes`, grown by accounts and balances. */
export function cosmosGenesis(targetBytes: number, seed = 1): string {
  const next = random(seed);
  // Stake falls off with rank, as on real chains: the top validators hold a few percent each.
  const gen_txs = Array.from({ length: 150 }, (_, i) => gentx(next, i, BigInt(Math.round(1e12 / (i + 10))) * 1000n));
  const accounts: unknown[] = [];
  const balances: unknown[] = [];
  const head = {
    genesis_time: '2026-01-01T00:00:00Z',
    chain_id: 'benchchain-1',
    initial_height: 1,
    app_hash: null,
    consensus: { params: { block: { max_bytes: '22020096', max_gas: '-1' }, evidence: { max_age_num_blocks: '100000', max_age_duration: '172800000000000', max_bytes: '1048576' }, validator: { pub_key_types: ['ed25519'] }, version: { app: '0' }, abci: { vote_extensions_enable_height: '0' } } },
  };
  const app_state = {
    auth: { params: { max_memo_characters: '256', tx_sig_limit: '7', tx_size_cost_per_byte: '10', sig_verify_cost_ed25519: '590', sig_verify_cost_secp256k1: '1000' }, accounts },
    bank: { params: { send_enabled: [], default_send_enabled: true }, balances, supply: [] as unknown[], denom_metadata: [], send_enabled: [] },
    distribution: { params: { community_tax: '0.020000000000000000', base_proposer_reward: '0.000000000000000000', bonus_proposer_reward: '0.000000000000000000', withdraw_addr_enabled: true } },
    genutil: { gen_txs },
    gov: {
      starting_proposal_id: '1', deposits: [], votes: [], proposals: [], constitution: '',
      params: {
        min_deposit: [{ denom: 'ubench', amount: '10000000' }], max_deposit_period: '172800s', voting_period: '172800s',
        quorum: '0.334000000000000000', threshold: '0.500000000000000000', veto_threshold: '0.334000000000000000',
        min_initial_deposit_ratio: '0.000000000000000000', proposal_cancel_ratio: '0.500000000000000000', proposal_cancel_dest: '',
        expedited_voting_period: '86400s', expedited_threshold: '0.667000000000000000', expedited_min_deposit: [{ denom: 'ubench', amount: '50000000' }],
        burn_vote_quorum: false, burn_proposal_deposit_prevote: false, burn_vote_veto: true, min_deposit_ratio: '0.010000000000000000',
      },
    },
    slashing: { params: { signed_blocks_window: '10000', min_signed_per_window: '0.050000000000000000', downtime_jail_duration: '600s', slash_fraction_double_sign: '0.050000000000000000', slash_fraction_downtime: '0.000100000000000000' }, signing_infos: [], missed_blocks: [] },
    staking: { params: { unbonding_time: '1814400s', max_validators: 100, max_entries: 7, historical_entries: 10000, bond_denom: 'ubench', min_commission_rate: '0.050000000000000000' }, last_total_power: '0', last_validator_powers: [], validators: [], delegations: [], unbonding_delegations: [], redelegations: [], exported: false },
  };
  // Each account and its balance take about 465 bytes once indented.
  const count = Math.max(10, Math.round((targetBytes - 120_000) / 465));
  // A foundation and a team hold most of the supply, as at many launches; the many small accounts
  // hold too little to move any share, so the findings are the same at every size.
  const whales = [400_000_000_000_000_000n, 250_000_000_000_000_000n, 100_000_000_000_000_000n];
  let total = 0n;
  for (let i = 0; i < count; i++) {
    const address = bech32('bench', bytes(next, 20));
    accounts.push({ '@type': '/cosmos.auth.v1beta1.BaseAccount', address, pub_key: null, account_number: String(i), sequence: '0' });
    const amount = whales[i] ?? BigInt(1 + Math.floor(next() * 1_000_000));
    total += amount;
    balances.push({ address, coins: [{ denom: 'ubench', amount: amount.toString() }] });
  }
  app_state.bank.supply.push({ denom: 'ubench', amount: total.toString() });
  return JSON.stringify({ ...head, app_state }, null, 2);
}

/** An OP Stack deploy config of about 5 KB, with a collapsed owner as real ones have. */
export function deployConfig(): string {
  const owner = '0x1f3a9b7c5d2e4f6a8b0c1d2e3f4a5b6c7d8e9f01';
  return JSON.stringify({
    l1ChainID: 1, l2ChainID: 424242, l2BlockTime: 2, l1BlockTime: 12, maxSequencerDrift: 600, sequencerWindowSize: 3600, channelTimeout: 300,
    p2pSequencerAddress: '0x2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d', batchInboxAddress: '0xff00000000000000000000000000000000424242',
    batchSenderAddress: '0x3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e', l2OutputOracleSubmissionInterval: 1800, l2OutputOracleStartingBlockNumber: 0,
    l2OutputOracleStartingTimestamp: 0, l2OutputOracleProposer: '0x4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f', l2OutputOracleChallenger: owner,
    finalizationPeriodSeconds: 604800, proxyAdminOwner: owner, baseFeeVaultRecipient: owner, l1FeeVaultRecipient: owner, sequencerFeeVaultRecipient: owner,
    finalSystemOwner: owner, superchainConfigGuardian: owner, baseFeeVaultMinimumWithdrawalAmount: '0x8ac7230489e80000', l1FeeVaultMinimumWithdrawalAmount: '0x8ac7230489e80000',
    sequencerFeeVaultMinimumWithdrawalAmount: '0x8ac7230489e80000', baseFeeVaultWithdrawalNetwork: 0, l1FeeVaultWithdrawalNetwork: 0, sequencerFeeVaultWithdrawalNetwork: 0,
    gasPriceOracleOverhead: 0, gasPriceOracleScalar: 1000000, enableGovernance: true, governanceTokenSymbol: 'BENCH', governanceTokenName: 'Bench', governanceTokenOwner: owner,
    l2GenesisBlockGasLimit: '0x1c9c380', l2GenesisBlockBaseFeePerGas: '0x3b9aca00', eip1559Denominator: 50, eip1559Elasticity: 6, eip1559DenominatorCanyon: 250,
    l2GenesisRegolithTimeOffset: '0x0', l2GenesisCanyonTimeOffset: '0x0', l2GenesisDeltaTimeOffset: '0x0', l2GenesisEcotoneTimeOffset: '0x0', l2GenesisFjordTimeOffset: '0x0',
    systemConfigStartBlock: 0, requiredProtocolVersion: '0x0000000000000000000000000000000000000000000000000000000000000000',
    recommendedProtocolVersion: '0x0000000000000000000000000000000000000000000000000000000000000000', faultGameAbsolutePrestate: '0x03c7ae758795765c6664a5d39bf63841c71ff191e9189522bad8ebff5d4eca98',
    faultGameMaxDepth: 73, faultGameClockExtension: 10800, faultGameMaxClockDuration: 302400, faultGameGenesisBlock: 0,
    faultGameGenesisOutputRoot: '0xdead000000000000000000000000000000000000000000000000000000000000', faultGameSplitDepth: 30, faultGameWithdrawalDelay: 604800,
    preimageOracleMinProposalSize: 126000, preimageOracleChallengePeriod: 86400, proofMaturityDelaySeconds: 604800, disputeGameFinalityDelaySeconds: 302400,
    respectedGameType: 0, useFaultProofs: true, fundDevAccounts: false, useAltDA: false,
  }, null, 2);
}

/** A Substrate plain chain spec of about `targetBytes`, grown by endowed accounts. */
export function chainSpec(targetBytes: number, seed = 2): string {
  const next = random(seed);
  const balances: [string, number][] = [];
  const count = Math.max(4, Math.round(targetBytes / 140));
  // SS58 needs a checksum; hex account ids keep the generator small and are what raw specs hold.
  for (let i = 0; i < count; i++) balances.push([`0x${Buffer.from(bytes(next, 32)).toString('hex')}`, 1_000_000_000_000]);
  return JSON.stringify({
    name: 'Bench Live', id: 'bench_live', chainType: 'Live', bootNodes: [], telemetryEndpoints: null, protocolId: 'bench', properties: { tokenDecimals: 12, tokenSymbol: 'BNC' },
    codeSubstitutes: {},
    genesis: { runtimeGenesis: { code: '0x00', patch: { balances: { balances }, sudo: { key: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY' }, aura: { authorities: ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'] } } } },
  }, null, 2);
}

export const INPUTS = [
  { name: 'cosmos-genesis-1mb.json', make: () => cosmosGenesis(1_000_000) },
  { name: 'cosmos-genesis-9mb.json', make: () => cosmosGenesis(9_000_000) },
  { name: 'cosmos-genesis-10mb.json', make: () => cosmosGenesis(10_000_000) },
  { name: 'cosmos-genesis-90mb.json', make: () => cosmosGenesis(90_000_000) },
  { name: 'op-deploy-config-5kb.json', make: deployConfig },
  { name: 'substrate-chain-spec-2mb.json', make: () => chainSpec(2_000_000) },
];

/**
 * Writes every input into a folder of its own under `dir` (files of one folder are one chain and
 * are linted together) and returns their paths by name.
 */
export function generateInputs(dir: string): Map<string, string> {
  const paths = new Map<string, string>();
  for (const input of INPUTS) {
    const folder = join(dir, input.name.replace(/\.json$/, ''));
    mkdirSync(folder, { recursive: true });
    const path = join(folder, input.name);
    writeFileSync(path, input.make());
    paths.set(input.name, path);
  }
  return paths;
}
