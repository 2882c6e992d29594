import { parseAddress } from '../../model/address';
import { describeType, ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Distribution } from '../../model/schema';
import type { ParsedDocument } from '../../parse';
import { accountAddress, readStorage, type GenesisAccount } from '../evm-storage';
import { evmIdentity, identify } from '../identity';
import { classifyNetwork, networkFromChainId } from '../networks';
import type { Adapter } from '../types';
import { bigAmount, PRECOMPILE_KEYS, readPrecompile } from './precompiles';
import { readPredeployedProxies } from './validator-manager';

/** Keys only a Subnet-EVM chain config has (params/extras/config.go). */
const SUBNET_EVM_KEYS = ['feeConfig', 'subnetEVMTimestamp', 'allowFeeRecipients', ...PRECOMPILE_KEYS];

/**
 * A Subnet-EVM genesis (an Avalanche L1 or subnet running the EVM): the stateful precompiles its
 * chain config enables, the genesis allocation and the predeployed validator manager.
 */
export const subnetEvmGenesis: Adapter = {
  id: 'avalanche-subnet-evm-genesis',
  framework: 'Avalanche Subnet-EVM',
  duplicateKeys: "Subnet-EVM reads it with Go's encoding/json, which keeps the last value",
  title: 'Subnet-EVM genesis',
  describes: 'plan',
  sniff: /\b(feeConfig|subnetEVMTimestamp|allowFeeRecipients|contractNativeMinterConfig|txAllowListConfig|contractDeployerAllowListConfig|feeManagerConfig|rewardManagerConfig|warpConfig)\b/,
  detect(value) {
    if (!isRecord(value) || !isRecord(value.config)) return 0;
    const config = value.config;
    const hits = SUBNET_EVM_KEYS.filter((key) => key in config).length;
    if (hits === 0) return 0;
    return 'alloc' in value || 'chainId' in config ? 0.95 : 0.6;
  },
  build(doc: ParsedDocument) {
    const value = doc.value as Record<string, unknown>;
    const config = value.config as Record<string, unknown>;
    const network = classifyNetwork([networkFromChainId(config.chainId, 'chain')]);
    const builder = new ModelBuilder(doc, {
      framework: 'avalanche-subnet-evm',
      chainId: typeof config.chainId === 'number' || typeof config.chainId === 'string' ? String(config.chainId) : undefined,
      network: network.network,
      networkReason: network.reason,
    });
    identify(builder, [evmIdentity(config.chainId)]);

    const minted = PRECOMPILE_KEYS.flatMap((key) => readPrecompile(builder, ['config', key], key, 'genesis').initialMint);

    const accounts = readAlloc(builder);
    const entries: Distribution['entries'] = [];
    for (const account of accounts.values()) {
      const balancePath = [...account.path, 'balance'];
      const raw = builder.get(balancePath);
      if (raw === undefined || raw === null) continue;
      const amount = bigAmount(raw);
      if (amount === undefined) {
        builder.problem(balancePath, `The balance should be a hex or decimal integer, but it is ${describeType(raw)}.`);
        continue;
      }
      const holder = parseAddress(account.address);
      if (holder && amount > 0n) entries.push({ holder, amount: amount.toString(), at: builder.origin(balancePath) });
    }
    for (const mint of minted) entries.push({ holder: mint.holder, amount: mint.amount.toString(), at: builder.origin(mint.path) });
    if (entries.length > 0) {
      builder.model.distributions.push({
        kind: 'supply',
        title: minted.length > 0 ? 'genesis allocation and initial mint' : 'genesis allocation',
        entries,
        at: builder.origin(['alloc']),
      });
    }

    readPredeployedProxies(builder, accounts, (account, key) => [...account.path, 'storage', key]);
    return { model: builder.model, problems: builder.problems };
  },
};

/** `alloc`: address (with or without 0x) → { balance, code, storage, nonce }. */
function readAlloc(builder: ModelBuilder): Map<string, GenesisAccount> {
  const accounts = new Map<string, GenesisAccount>();
  const alloc = builder.get(['alloc']);
  if (alloc === undefined || alloc === null) return accounts;
  if (!isRecord(alloc)) {
    builder.problem(['alloc'], `alloc should be an object of address → account, but it is ${describeType(alloc)}.`);
    return accounts;
  }
  for (const [key, account] of Object.entries(alloc)) {
    const address = accountAddress(key);
    if (!address) {
      builder.problem(['alloc', key], `"${key.slice(0, 80)}" in alloc is not an address.`);
      continue;
    }
    if (!isRecord(account)) {
      builder.problem(['alloc', key], `The alloc entry for ${key.slice(0, 80)} should be an object, but it is ${describeType(account)}.`);
      continue;
    }
    const code = account.code;
    accounts.set(address, {
      address,
      path: ['alloc', key],
      hasCode: typeof code === 'string' && code.replace(/^0x/i, '').length > 0,
      storage: readStorage(builder, account.storage, ['alloc', key, 'storage']),
    });
  }
  return accounts;
}
