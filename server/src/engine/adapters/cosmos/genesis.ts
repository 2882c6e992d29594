import { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { ParsedDocument, Path } from '../../parse';
import type { Adapter } from '../types';
import { readAuthorities, readValidatorSet } from './authority';
import { readGovernance, readStaking } from './governance';
import { identify } from '../identity';
import { cosmosEvmNumber, cosmosNetwork, providerNetwork } from './networks';
import { readCustomModuleRoles } from './custom-modules';
import { readGroups } from './group';
import { readAccountKeys } from './keys';
import { readModuleHolders } from './modules';
import { readVotingPower } from './power';
import { isIcsConsumer, providerChainId } from './read';
import { readUnstatedAuthority } from './unstated';
import { readSupply } from './supply';
import { readWasm } from './wasm';

/** Modules whose presence in `app_state` says the file is a Cosmos SDK genesis. */
const MODULES = ['auth', 'bank', 'staking', 'gov', 'genutil', 'slashing', 'distribution', 'distr', 'mint', 'accounts', 'gentxs', 'params', 'upgrade', 'ccvconsumer'];

/**
 * A Cosmos SDK `genesis.json`, from v0.33 (amino, `app_state.accounts`, nanosecond durations)
 * through v0.47/v0.50 (`gov.params` with expedited and burn settings), including Interchain
 * Security consumers, PoA chains, Cosmos-EVM and CosmWasm chains, x/group councils and the roles
 * custom modules name. It reads only the sections it maps, and the long lists (accounts, balances)
 * a few times at most, so a 90 MB genesis costs little more than its JSON.parse.
 */
export const cosmosGenesis: Adapter = {
  id: 'cosmos-genesis',
  framework: 'Cosmos SDK',
  duplicateKeys: "the node reads the genesis with Go's encoding/json, which keeps the last value",
  title: 'Cosmos SDK genesis',
  describes: 'plan',
  sniff: /\bapp_state\b/,
  detect(value) {
    if (!isRecord(value) || !isRecord(value.app_state)) return 0;
    const app = value.app_state;
    const modules = MODULES.filter((m) => m in app).length;
    const header = typeof value.chain_id === 'string' || 'genesis_time' in value || 'consensus_params' in value || 'consensus' in value;
    return header && modules > 0 ? 0.95 : modules >= 2 ? 0.7 : header ? 0.5 : 0;
  },
  build(doc: ParsedDocument) {
    const value = doc.value as Record<string, unknown>;
    const chainId = typeof value.chain_id === 'string' ? value.chain_id : undefined;
    const network = cosmosNetwork(chainId, [isIcsConsumer(value.app_state) ? providerNetwork(providerChainId(value.app_state)) : undefined]);
    const builder = new ModelBuilder(doc, { framework: 'cosmos-sdk', chainId, network: network.network, networkReason: network.reason });
    if (chainId !== undefined) builder.model.chain.at = builder.origin(['chain_id']);
    // A Cosmos-EVM chain also answers to the EIP-155 number inside its chain id.
    const app = isRecord(value.app_state) ? value.app_state : {};
    const evm = chainId !== undefined && ('evm' in app || 'vm' in app) ? cosmosEvmNumber(chainId) : undefined;
    identify(builder, [chainId?.trim() ? `cosmos:${chainId.trim()}` : undefined, evm ? `evm:${evm}` : undefined]);

    const bondDenom = readStaking(builder);
    const consumer = isIcsConsumer(app);
    readGovernance(builder, bondDenom);
    readVotingPower(builder, consumer);
    readSupply(builder, bondDenom, consumer);
    readValidatorSet(builder);
    readAuthorities(builder);
    readWasm(builder);
    readCustomModuleRoles(builder);
    readPrecompiles(builder);
    // Last: policies hold the powers read above, and keys are read only for the accounts that matter.
    readGroups(builder);
    readUnstatedAuthority(builder);
    readModuleHolders(builder);
    readAccountKeys(builder);
    return { model: builder.model, problems: builder.problems };
  },
};

/** Cosmos-EVM static precompiles (cosmos/evm x/vm types; OpenGradient adds its TEE registry at 0x…0900). */
const PRECOMPILES: Record<string, [string, string]> = {
  '0100': ['P-256', 'P-256 signature verification (read-only)'],
  '0400': ['Bech32', 'conversion between hex and bech32 addresses (read-only)'],
  '0800': ['Staking', 'delegating, undelegating and creating validators from EVM accounts and contracts, so contracts can move voting power'],
  '0801': ['Distribution', 'withdrawing and redirecting staking rewards from EVM accounts and contracts'],
  '0802': ['ICS20', 'sending tokens over IBC from EVM accounts and contracts'],
  '0803': ['Vesting', 'creating and managing vesting accounts from EVM accounts and contracts'],
  '0804': ['Bank', 'reading native balances and supply from contracts'],
  '0805': ['Gov', 'submitting proposals, depositing and voting from EVM accounts and contracts, so contracts can vote with delegated stake'],
  '0806': ['Slashing', 'unjailing validators and reading slashing state from contracts'],
  '0807': ['ICS02', 'IBC light clients from contracts'],
  '0900': ['TEE registry (OpenGradient)', 'OpenGradient\'s registry of trusted inference enclaves, whose admin approves and revokes enclave measurements'],
};

/**
 * Each active precompile becomes a parameter naming what it lets EVM accounts and contracts do. They
 * are native modules reachable from contracts, not holders of power, so no rule judges them; a
 * hover and the model show them. Cosmos EVM writes `active_static_precompiles` (in `vm`, formerly
 * `evm`); Evmos-era chains write `active_precompiles`.
 */
function readPrecompiles(builder: ModelBuilder): void {
  for (const [module, field] of [['evm', 'active_static_precompiles'], ['vm', 'active_static_precompiles'], ['evm', 'active_precompiles']]) {
    const path: Path = ['app_state', module, 'params', field];
    const list = builder.get(path);
    if (!Array.isArray(list)) continue;
    list.forEach((address, i) => {
      if (typeof address !== 'string') {
        builder.problem([...path, i], 'Each active static precompile should be an address such as "0x0000000000000000000000000000000000000800".');
        return;
      }
      const suffix = /^0x0{36}([0-9a-f]{4})$/i.exec(address)?.[1]?.toLowerCase();
      const [name, what] = (suffix && PRECOMPILES[suffix]) ?? ['custom', 'a chain-specific precompile whose powers only the chain\'s code defines; review who can call it and who administers it'];
      builder.parameter([...path, i], { id: field, title: `Active static precompile: ${name}`, governs: what, unit: 'enum' });
    });
  }
}
