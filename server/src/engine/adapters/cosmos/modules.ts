import { createHash } from 'node:crypto';
import { parseAddress } from '../../model/address';
import type { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Address } from '../../model/schema';
import type { Path } from '../../parse';
import { isModuleAccount, unwrapAccount } from './read';

/**
 * Module accounts that hold tokens without being listed as such: the SDK's pools and collectors,
 * IBC, Interchain Security and Cosmos-EVM modules, and modules common in app chains (bridges,
 * vesters, treasuries). Every module named in the genesis's own `app_state` is checked as well.
 */
const MODULE_NAMES = [
  'fee_collector', 'distribution', 'bonded_tokens_pool', 'not_bonded_tokens_pool', 'gov', 'mint', 'nft', 'protocolpool', 'protocolpool_escrow', 'staking', 'crisis',
  'transfer', 'ibc', 'interchainaccounts', 'icahost', 'icacontroller', 'feeibc',
  'cons_redistribute', 'cons_to_send_to_provider', 'provider', 'ccvconsumer',
  'evm', 'erc20', 'feemarket', 'precisebank', 'vm', 'wasm', 'tokenfactory',
  'bridge', 'peggy', 'gravity', 'liquidstaking', 'liquidvesting', 'stakeibc', 'records', 'incentives', 'claims', 'claim', 'airdrop', 'alloc', 'inflation',
  'rewards', 'rewards_treasury', 'rewards_vester', 'community_treasury', 'community_vester', 'insurance', 'insurance_fund', 'treasury', 'auction', 'exchange',
  'oracle', 'burn', 'burner', 'feeburner', 'feerefunder', 'txfees', 'gamm', 'poolmanager', 'lockup', 'superfluid', 'concentratedliquidity', 'cosmwasmpool',
  'protorev', 'dex', 'vault', 'vaults', 'megavault', 'escrow', 'market', 'deployment', 'take', 'subaccounts', 'perpetuals', 'clob', 'poa', 'globalfee', 'feeshare',
];

/** What a module account is: the module's name, and how the file shows it. */
export interface ModuleAccount {
  name: string;
  why: string;
}

const derivedCache = new Map<string, string>();

/** The key of a module's account: the first 20 bytes of sha256 of its name, the same under every bech32 prefix. */
export function moduleKey(name: string): string {
  let key = derivedCache.get(name);
  if (!key) {
    key = `b20:${createHash('sha256').update(name).digest('hex').slice(0, 40)}`;
    derivedCache.set(name, key);
  }
  return key;
}

/**
 * Every module account of the genesis by address key: those `auth.accounts` types as ModuleAccount,
 * and any address that is derived from the name of a standard, common or `app_state` module.
 */
export function moduleAccounts(builder: ModelBuilder): Map<string, ModuleAccount> {
  const accounts = new Map<string, ModuleAccount>();
  const app = builder.get(['app_state']);
  const names = new Set([...MODULE_NAMES, ...(isRecord(app) ? Object.keys(app) : [])]);
  for (const name of names) {
    accounts.set(moduleKey(name), { name, why: `its address is the first 20 bytes of sha256("${name}"), the account the SDK derives for the ${name} module, which only that module's code can move` });
  }
  for (const path of [['app_state', 'auth', 'accounts'], ['app_state', 'accounts']]) {
    const list = builder.get(path);
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      // Most accounts are plain: look at the type before unwrapping.
      if (!isRecord(raw) || !isModuleAccount(String(raw['@type'] ?? raw.type ?? ''))) continue;
      const account = unwrapAccount(raw);
      if (!account) continue;
      const address = parseAddress(account.base.address);
      const holder = isRecord(raw) && isRecord(raw.value) ? raw.value : isRecord(raw) ? raw : {};
      const name = typeof holder.name === 'string' && holder.name ? holder.name : 'unnamed';
      if (address) accounts.set(address.key, { name, why: `auth.accounts lists it as the ModuleAccount "${name}", which only that module's code can move` });
    }
  }
  return accounts;
}

/** Records that an address is a module account, once per address; the gov module account is governance, as the rules already know. */
export function recordModuleAccount(builder: ModelBuilder, address: Address, account: ModuleAccount, path: Path): void {
  if (address.key === moduleKey('gov')) return;
  const facts = (builder.model.addressFacts ??= []);
  if (facts.some((f) => f.address.key === address.key)) return;
  facts.push({ address, kind: 'module', name: `module account (${account.name})`, why: account.why, at: builder.origin(path) });
}

/** A holder of a power that is a module account is recorded as one. */
export function readModuleHolders(builder: ModelBuilder): void {
  const { grants } = builder.model;
  if (grants.length === 0) return;
  const modules = moduleAccounts(builder);
  for (const grant of grants) {
    const module = modules.get(grant.holder.key);
    if (module) recordModuleAccount(builder, grant.holder, module, grant.at.path);
  }
}
