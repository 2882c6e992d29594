import { parseAddress, shortAddress } from '../model/address';
import { describeType, type ModelBuilder } from '../model/builder';
import { isRecord } from '../model/read';
import type { Address } from '../model/schema';
import type { Path } from '../parse';

/**
 * Reading authority out of EVM genesis storage: who administers the ERC-1967 proxies that a
 * genesis predeploys, and who owns their ProxyAdmin. Shared by the Subnet-EVM and Polygon
 * zkEVM genesis readers, which lay out their accounts differently.
 */

/** ERC-1967 admin slot: bytes32(uint256(keccak256('eip1967.proxy.admin')) - 1). */
export const ERC1967_ADMIN_SLOT = 0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103n;
/** ERC-1967 implementation slot: bytes32(uint256(keccak256('eip1967.proxy.implementation')) - 1). */
export const ERC1967_IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbcn;
/** OpenZeppelin Ownable keeps `_owner` in slot 0 of a ProxyAdmin. */
export const OWNABLE_OWNER_SLOT = 0n;

const ADDRESS_MASK = (1n << 160n) - 1n;
const HEX_WORD = /^(0x)?[0-9a-f]{1,64}$/i;

/** One account of a genesis: where it is written and what it holds. */
export interface GenesisAccount {
  /** 0x-prefixed, lower case. */
  address: string;
  /** Path of the account's object in the file. */
  path: Path;
  hasCode: boolean;
  /** A name the genesis gives it (Polygon's `contractName`). */
  name?: string;
  /** Storage slot → the key as written and its value. */
  storage: Map<bigint, { key: string; value: unknown }>;
}

/** Normalizes an account key written with or without 0x ("8db9…", "0x8db9…"); undefined when it is not an address. */
export function accountAddress(raw: string): string | undefined {
  const text = raw.trim();
  const hex = text.startsWith('0x') || text.startsWith('0X') ? text.slice(2) : text;
  return /^[0-9a-f]{40}$/i.test(hex) ? `0x${hex.toLowerCase()}` : undefined;
}

/** Reads an account's `storage` object, keyed by slot number whatever the key's padding. */
export function readStorage(builder: ModelBuilder, storage: unknown, path: Path): Map<bigint, { key: string; value: unknown }> {
  const slots = new Map<bigint, { key: string; value: unknown }>();
  if (storage === undefined || storage === null) return slots;
  if (!isRecord(storage)) {
    builder.problem(path, 'The account storage should be an object of slot → value.');
    return slots;
  }
  for (const [key, value] of Object.entries(storage)) {
    if (!HEX_WORD.test(key.trim())) continue;
    if (typeof value !== 'string' || !HEX_WORD.test(value.trim())) {
      builder.problem([...path, key], `Storage slot ${key.slice(0, 66)} should hold a hex word, but it is ${describeType(value)}.`);
    }
    slots.set(BigInt(key.trim().startsWith('0x') || key.trim().startsWith('0X') ? key.trim() : `0x${key.trim()}`), { key, value });
  }
  return slots;
}

/** The address in the low 20 bytes of a storage word; undefined for anything else or zero. */
export function addressInWord(value: unknown): Address | undefined {
  if (typeof value !== 'string' || !HEX_WORD.test(value.trim())) return undefined;
  const text = value.trim();
  const word = BigInt(text.startsWith('0x') || text.startsWith('0X') ? text : `0x${text}`) & ADDRESS_MASK;
  if (word === 0n) return undefined;
  return parseAddress(`0x${word.toString(16).padStart(40, '0')}`);
}

/** A number held in a storage word (a timelock's delay). */
export function numberInWord(value: unknown): number | undefined {
  if (typeof value !== 'string' || !HEX_WORD.test(value.trim())) return undefined;
  const text = value.trim();
  const word = BigInt(text.startsWith('0x') || text.startsWith('0X') ? text : `0x${text}`);
  return word <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(word) : undefined;
}

/** Who can upgrade a group of proxies: the owner of their ProxyAdmin, or the admin itself when it is not a contract in the genesis. */
export interface ProxyControl {
  /** The ERC-1967 admin of the proxies (usually a ProxyAdmin contract). */
  admin: string;
  /** The proxies it administers. */
  proxies: GenesisAccount[];
  /** Who holds the upgrade power. */
  holder: Address;
  /** Where the holder is written: the ProxyAdmin's owner slot, or the proxy's admin slot. */
  holderPath: Path;
  /** True when the holder is the owner of a ProxyAdmin contract the genesis deploys. */
  viaProxyAdmin: boolean;
}

/** Groups the genesis's ERC-1967 proxies by admin and resolves who controls each admin. */
export function proxyControls(accounts: Map<string, GenesisAccount>, storagePath: (account: GenesisAccount, key: string) => Path): ProxyControl[] {
  const byAdmin = new Map<string, ProxyControl>();
  for (const account of accounts.values()) {
    const slot = account.storage.get(ERC1967_ADMIN_SLOT);
    const admin = slot ? addressInWord(slot.value) : undefined;
    if (!slot || !admin) continue;
    const adminAddress = `0x${admin.key.slice(4)}`;
    const existing = byAdmin.get(adminAddress);
    if (existing) {
      existing.proxies.push(account);
      continue;
    }
    const adminAccount = accounts.get(adminAddress);
    const ownerSlot = adminAccount?.hasCode ? adminAccount.storage.get(OWNABLE_OWNER_SLOT) : undefined;
    const owner = ownerSlot ? addressInWord(ownerSlot.value) : undefined;
    byAdmin.set(adminAddress, owner && adminAccount && ownerSlot
      ? { admin: adminAddress, proxies: [account], holder: owner, holderPath: storagePath(adminAccount, ownerSlot.key), viaProxyAdmin: true }
      : { admin: adminAddress, proxies: [account], holder: admin, holderPath: storagePath(account, slot.key), viaProxyAdmin: false });
  }
  return [...byAdmin.values()];
}

/** "0x0Fee…0000 and 0x2a3D…2EDe" for messages. */
export function shortAddresses(accounts: GenesisAccount[]): string {
  const names = accounts.map((a) => a.name ?? shortAddress(a.address));
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
