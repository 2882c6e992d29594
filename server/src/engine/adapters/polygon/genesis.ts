import { parseAddress, shortAddress } from '../../model/address';
import { describeType, ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { ParsedDocument, Path } from '../../parse';
import { accountAddress, numberInWord, proxyControls, readStorage, shortAddresses, type GenesisAccount } from '../evm-storage';
import { UNKNOWN_NETWORK } from '../networks';
import type { Adapter } from '../types';

/** OpenZeppelin TimelockController (v4) keeps `_minDelay` in slot 2, after `_roles` and `_timestamps`. */
const TIMELOCK_MIN_DELAY_SLOT = 2n;

/** The accounts list: `{ root, genesis: [...] }` as zkevm-contracts writes it, or the bare array. */
function accountsOf(value: unknown): { list: unknown[]; base: Path } | undefined {
  if (Array.isArray(value)) return { list: value, base: [] };
  if (isRecord(value) && Array.isArray(value.genesis)) return { list: value.genesis, base: ['genesis'] };
  return undefined;
}

const isAccount = (entry: unknown): entry is Record<string, unknown> => isRecord(entry) && typeof entry.address === 'string' && (typeof entry.contractName === 'string' || typeof entry.accountName === 'string');

/**
 * A Polygon zkEVM / CDK L2 genesis (zkevm-contracts 1_createGenesis): the predeployed bridge and
 * global-exit-root proxies, the ProxyAdmin that upgrades them, and the PolygonZkEVMTimelock that
 * owns it. The bridge's enormous native balance is the L2 side of the bridge's reserve, not anyone's
 * supply, so balances are not read as a distribution.
 */
export const polygonGenesis: Adapter = {
  id: 'polygon-zkevm-genesis',
  framework: 'Polygon zkEVM / CDK',
  duplicateKeys: "the zkEVM node reads the genesis with Go's encoding/json, which keeps the last value",
  title: 'Polygon zkEVM L2 genesis',
  sniff: /"(contractName|accountName)"/,
  detect(value) {
    const accounts = accountsOf(value);
    if (!accounts || accounts.list.length === 0) return 0;
    const named = accounts.list.filter(isAccount);
    if (named.length === 0) return 0;
    const polygon = named.some((a) => typeof a.contractName === 'string' && /PolygonZkEVM|ProxyAdmin/.test(a.contractName));
    return polygon ? 0.95 : named.length === accounts.list.length ? 0.6 : 0;
  },
  build(doc: ParsedDocument) {
    const builder = new ModelBuilder(doc, { framework: 'polygon-zkevm', network: UNKNOWN_NETWORK.network, networkReason: UNKNOWN_NETWORK.reason });
    const { list, base } = accountsOf(doc.value)!;
    const accounts = new Map<string, GenesisAccount>();
    list.forEach((entry, i) => {
      const path = [...base, i];
      if (!isRecord(entry)) {
        builder.problem(path, `Each genesis account should be an object, but this one is ${describeType(entry)}.`);
        return;
      }
      const address = typeof entry.address === 'string' ? accountAddress(entry.address) : undefined;
      if (!address) {
        builder.problem([...path, 'address'], `The genesis account's address should be an address, but it is ${describeType(entry.address)}.`);
        return;
      }
      const code = entry.bytecode ?? entry.code;
      const name = typeof entry.contractName === 'string' ? entry.contractName : typeof entry.accountName === 'string' ? entry.accountName : undefined;
      accounts.set(address, {
        address,
        path,
        hasCode: typeof code === 'string' && code.replace(/^0x/i, '').length > 0,
        ...(name ? { name } : {}),
        storage: readStorage(builder, entry.storage, [...path, 'storage']),
      });
    });

    for (const account of accounts.values()) {
      if (!account.hasCode || !/timelock/i.test(account.name ?? '')) continue;
      const slot = account.storage.get(TIMELOCK_MIN_DELAY_SLOT);
      const seconds = slot ? numberInWord(slot.value) : undefined;
      const address = parseAddress(account.address);
      if (!slot || seconds === undefined || !address) continue;
      const at = builder.origin([...account.path, 'storage', slot.key]);
      builder.model.councils.push({ id: `timelock-${account.address}`, name: `${account.name} ${shortAddress(account.address)}`, kind: 'timelock', address, members: [], delaySeconds: seconds, at, delayAt: at });
      builder.model.delays.push({ kind: 'upgrade-timelock', title: `${account.name} minimum delay (zero while the chain is in emergency state)`, seconds, unit: 'seconds', appliesTo: address, at });
    }

    for (const control of proxyControls(accounts, (account, key) => [...account.path, 'storage', key])) {
      builder.model.grants.push({
        role: 'l2ProxyAdminOwner',
        title: control.viaProxyAdmin ? `L2 ProxyAdmin owner (upgrades ${shortAddresses(control.proxies)})` : `Proxy admin of ${shortAddresses(control.proxies)}`,
        powers: ['upgrade'],
        holder: control.holder,
        layer: 'execution',
        critical: true,
        at: builder.origin(control.holderPath),
      });
    }
    return { model: builder.model, problems: builder.problems };
  },
};
