import { blake2b } from './blake2b';

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.startsWith('0x') ? hex.slice(2) : hex;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function polymod(values: number[]): number {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) checksum ^= BECH32_GENERATORS[i];
  }
  return checksum >>> 0;
}

/** Decodes a bech32 or bech32m string (BIP-173/350); undefined unless the checksum holds. */
export function decodeBech32(text: string): { prefix: string; bytes: Uint8Array } | undefined {
  if (text.length > 200 || (text !== text.toLowerCase() && text !== text.toUpperCase())) return undefined;
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || separator + 7 > lower.length) return undefined;
  const prefix = lower.slice(0, separator);
  const data: number[] = [];
  for (const char of lower.slice(separator + 1)) {
    const value = BECH32_CHARSET.indexOf(char);
    if (value === -1) return undefined;
    data.push(value);
  }
  const expanded = [...prefix].map((c) => c.charCodeAt(0) >> 5).concat([0], [...prefix].map((c) => c.charCodeAt(0) & 31));
  const check = polymod(expanded.concat(data));
  if (check !== 1 && check !== 0x2bc830a3) return undefined;
  const words = data.slice(0, -6);
  const bytes: number[] = [];
  let accumulator = 0;
  let bits = 0;
  for (const word of words) {
    accumulator = (accumulator << 5) | word;
    bits += 5;
    while (bits >= 8) {
      bits -= 8;
      bytes.push((accumulator >> bits) & 0xff);
    }
  }
  if (bits >= 5 || (accumulator & ((1 << bits) - 1)) !== 0) return undefined;
  return { prefix, bytes: Uint8Array.from(bytes) };
}

export function decodeBase58(text: string): Uint8Array | undefined {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58_ALPHABET.indexOf(char);
    if (digit === -1) return undefined;
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  for (const char of text) {
    if (char !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

const SS58_PREFIX = new TextEncoder().encode('SS58PRE');

/** Decodes an SS58 account address to its 32-byte public key; undefined unless the checksum holds. */
export function decodeSs58(text: string): { format: number; publicKey: Uint8Array } | undefined {
  if (text.length < 46 || text.length > 50) return undefined;
  const bytes = decodeBase58(text);
  if (!bytes || (bytes.length !== 35 && bytes.length !== 36)) return undefined;
  const prefixLength = bytes[0] < 64 ? 1 : 2;
  if (prefixLength + 34 !== bytes.length) return undefined;
  const body = bytes.subarray(0, bytes.length - 2);
  const hash = blake2b(Uint8Array.from([...SS58_PREFIX, ...body]));
  if (hash[0] !== bytes[bytes.length - 2] || hash[1] !== bytes[bytes.length - 1]) return undefined;
  const format = prefixLength === 1 ? bytes[0] : ((bytes[0] & 0x3f) << 2) | (bytes[1] >> 6) | ((bytes[1] & 0x3f) << 8);
  return { format, publicKey: bytes.slice(prefixLength, prefixLength + 32) };
}
