import { parseAddress, shortAddress } from '../../model/address';
import { describeType, ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Address } from '../../model/schema';
import type { ParsedDocument, Path } from '../../parse';
import { timelockRoleHolders, type TimelockRole } from '../access-control';
import { accountAddress, addressInWord, numberInWord, proxyControls, readStorage, shortAddresses, type GenesisAccount } from '../evm-storage';
import { UNKNOWN_NETWORK } from '../networks';
import type { Adapter } from '../types';

/** OpenZeppelin TimelockController (v4) keeps `_minDelay` in slot 2, after `_roles` and `_timestamps`. */
const TIMELOCK_MIN_DELAY_SLOT = 2n;

/** "proposer, executor and admin". */
function roleList(roles: TimelockRole[]): string {
  return roles.length <= 1 ? roles.join('') : `${roles.slice(0, -1).join(', ')} and ${roles[roles.length - 1]}`;
}

/** Every address the genesis writes: its accounts, and the addresses in their storage words. */
function writtenAddresses(accounts: Map<string, GenesisAccount>): Set<string> {
  const written = new Set(accounts.keys());
  for (const account of accounts.values()) {
    for (const { value } of account.storage.values()) {
      const address = addressInWord(value);
      if (address?.scheme === 'evm') written.add(`0x${address.key.slice(4)}`);
    }
  }
  return written;
}

interface AccountEntry {
  entry: unknown;
  path: Path;
  /** The address as the file writes it: a field of the entry, or its key. */
  address: unknown;
}

/**
 * The accounts of a zkEVM genesis, in any of the shapes its tools write: `{ root, genesis: [...] }`
 * as zkevm-contracts' 1_createGenesis writes it (with `contractName` on the contracts since 2023), the
 * bare list, or an object keyed by address as cdk-erigon keeps its allocs.
 */
function accountsOf(value: unknown): { entries: AccountEntry[]; rooted: boolean } | undefined {
  const listed = (list: unknown[], base: Path) => list.map((entry, i) => ({ entry, path: [...base, i], address: isRecord(entry) ? entry.address : undefined }));
  if (Array.isArray(value)) return { entries: listed(value, []), rooted: false };
  if (!isRecord(value)) return undefined;
  if (Array.isArray(value.genesis)) return { entries: listed(value.genesis, ['genesis']), rooted: typeof value.root === 'string' && /^0x[0-9a-f]{64}$/i.test(value.root) };
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((key) => /^0x[0-9a-f]{40}$/i.test(key))) return undefined;
  return { entries: keys.map((key) => ({ entry: value[key], path: [key], address: key })), rooted: false };
}

const nameOf = (entry: unknown): string | undefined => (isRecord(entry) ? (typeof entry.contractName === 'string' ? entry.contractName : typeof entry.accountName === 'string' ? entry.accountName : undefined) : undefined);

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
  describes: 'deployment',
  sniff: /"(contractName|accountName)"/,
  detect(value) {
    const accounts = accountsOf(value);
    if (!accounts || accounts.entries.length === 0) return 0;
    const names = accounts.entries.map((a) => nameOf(a.entry)).filter((n): n is string => n !== undefined);
    if (names.length === 0) return 0;
    if (names.some((n) => /PolygonZkEVM|ProxyAdmin/.test(n))) return 0.95;
    // The first layout: a state root and the account list, contracts named without the PolygonZkEVM prefix.
    if (accounts.rooted && accounts.entries.every((a) => typeof a.address === 'string')) return 0.8;
    return names.length === accounts.entries.length ? 0.6 : 0;
  },
  build(doc: ParsedDocument) {
    const builder = new ModelBuilder(doc, { framework: 'polygon-zkevm', network: UNKNOWN_NETWORK.network, networkReason: UNKNOWN_NETWORK.reason });
    const accounts = new Map<string, GenesisAccount>();
    for (const { entry, path, address: written } of accountsOf(doc.value)!.entries) {
      if (!isRecord(entry)) {
        builder.problem(path, `Each genesis account should be an object, but this one is ${describeType(entry)}.`);
        continue;
      }
      const address = typeof written === 'string' ? accountAddress(written) : undefined;
      if (!address) {
        builder.problem([...path, 'address'], `The genesis account's address should be an address, but it is ${describeType(written)}.`);
        continue;
      }
      const code = entry.bytecode ?? entry.code;
      const name = nameOf(entry);
      accounts.set(address, {
        address,
        path,
        hasCode: typeof code === 'string' && code.replace(/^0x/i, '').length > 0,
        ...(name ? { name } : {}),
        storage: readStorage(builder, entry.storage, [...path, 'storage']),
      });
    }

    const candidates = writtenAddresses(accounts);
    for (const account of accounts.values()) {
      if (!account.hasCode || !/timelock/i.test(account.name ?? '')) continue;
      const slot = account.storage.get(TIMELOCK_MIN_DELAY_SLOT);
      const seconds = slot ? numberInWord(slot.value) : undefined;
      const address = parseAddress(account.address);
      if (!slot || seconds === undefined || !address) continue;
      const at = builder.origin([...account.path, 'storage', slot.key]);
      const name = `${account.name} ${shortAddress(account.address)}`;
      const delayTitle = `${account.name} minimum delay (zero while the chain is in emergency state)`;
      const members: Address[] = [];
      // Whoever can propose through the timelock (or grant itself that role) upgrades what it owns, after its delay.
      for (const [holderAddress, holder] of timelockRoleHolders(account, candidates)) {
        const holderParsed = parseAddress(holderAddress);
        // A TimelockController is its own admin (its role changes pass through its delay): that is no one's power.
        if (!holderParsed || holderAddress === account.address || !holder.roles.some((role) => role === 'proposer' || role === 'admin')) continue;
        members.push(holderParsed);
        const roleAt = builder.origin([...account.path, 'storage', holder.key]);
        builder.model.grants.push({ role: 'l2TimelockProposer', title: `${name} ${roleList(holder.roles)}`, powers: ['upgrade'], holder: holderParsed, layer: 'execution', critical: true, through: address, at: roleAt });
        builder.model.delays.push({ kind: 'upgrade-timelock', title: delayTitle, seconds, unit: 'seconds', appliesTo: holderParsed, at });
      }
      builder.model.councils.push({ id: `timelock-${account.address}`, name, kind: 'timelock', address, members, delaySeconds: seconds, at, delayAt: at });
      builder.model.delays.push({ kind: 'upgrade-timelock', title: delayTitle, seconds, unit: 'seconds', appliesTo: address, at });
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
