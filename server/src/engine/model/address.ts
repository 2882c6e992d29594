import { displayName } from '../text/display';
import { bech32Key, decodeSs58, toHex } from './encodings';
import type { Address } from './schema';

const EVM = /^0x[0-9a-fA-F]{40}$/;
const HEX32 = /^0x[0-9a-fA-F]{64}$/;
const SS58_SHAPE = /^[1-9A-HJ-NP-Za-km-z]{46,50}$/;

/**
 * Normalizes an address so that the same account matches however it is written: EVM hex
 * case-insensitively, bech32 by its payload whatever the prefix, SS58 by its public key whatever
 * the network format. Returns undefined for anything that is not an address. Runs once per
 * account of a genesis, so it dispatches on the first characters before trying any pattern.
 */
export function parseAddress(raw: unknown): Address | undefined {
  if (typeof raw !== 'string') return undefined;
  if (remembered) {
    const known = remembered.get(raw);
    if (known !== undefined || remembered.has(raw)) return known ?? undefined;
  }
  const text = raw.trim();
  const address = text.length < 40 || text.length > 90 ? undefined : decode(text);
  if (remembered) {
    if (remembered.size >= rememberLimit) remembered.clear();
    remembered.set(raw, address);
  }
  return address;
}

/** Addresses already parsed, by their text, once rememberAddresses has been called. */
let remembered: Map<string, Address | undefined> | undefined;
let rememberLimit = 0;

/**
 * Makes parseAddress remember up to `limit` results (then start over). For the language server's
 * lint thread, which parses the same genesis accounts again on every edit; the CLI parses each
 * once and does not need it. Addresses are never modified, so sharing them between lints is safe.
 */
export function rememberAddresses(limit: number): void {
  remembered = new Map();
  rememberLimit = limit;
}

function decode(text: string): Address | undefined {
  if (text.charCodeAt(0) === 48 /* 0 */ && (text.charCodeAt(1) | 32) === 120 /* x */) {
    if (EVM.test(text)) return { raw: text, key: `b20:${text.slice(2).toLowerCase()}`, scheme: 'evm' };
    if (HEX32.test(text)) return { raw: text, key: `b32:${text.slice(2).toLowerCase()}`, scheme: 'hex32' };
    return undefined;
  }
  // The checksum settles what is bech32; a payload of 20 or 32 bytes is an account or a key.
  if (text.lastIndexOf('1') > 0) {
    const key = bech32Key(text);
    if (key) return { raw: text, key, scheme: 'bech32' };
  }
  if (SS58_SHAPE.test(text)) {
    const decoded = decodeSs58(text);
    if (decoded) return { raw: text, key: toHex(decoded.publicKey, 'b32:'), scheme: 'ss58' };
  }
  return undefined;
}

/** A party named rather than addressed: a governance body, an operator, a company. */
export function namedParty(name: string): Address {
  return { raw: name, key: `name:${name.trim().toLowerCase()}`, scheme: 'name' };
}

/** The zero address and all-zero keys mean "unset", not a holder. */
export function isUnset(address: Address): boolean {
  return /^b(20|32):0+$/.test(address.key);
}

/** Shortens an address for messages: 0x1234…abcd. */
export function shortAddress(raw: string): string {
  if (raw.length <= 16) return raw;
  return `${raw.slice(0, 6)}…${raw.slice(-4)}`;
}

/**
 * An address as a message or an action's title names it: shortened (0x1d5B…f7A8), or a named party
 * (a moniker, a body's id) by its name, visible and at most 64 characters: a name is no address to shorten.
 */
export function addressName(address: Address): string {
  return address.scheme === 'name' ? displayName(address.raw) : shortAddress(address.raw);
}
