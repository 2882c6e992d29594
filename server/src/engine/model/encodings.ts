import { blake2b } from './blake2b';

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

const HEX_DIGITS = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** Scratch space for the characters of one key: keys are made synchronously, so one buffer serves every call. */
let hexOut = Buffer.alloc(256);

/**
 * Lower-case hex, after an optional ASCII prefix. Written into a byte buffer and read back as one
 * Latin-1 string, so that the keys held for every account of a genesis are flat strings made in
 * one step, not ropes.
 */
export function toHex(bytes: Uint8Array, prefix = '', length = bytes.length): string {
  const size = prefix.length + length * 2;
  if (size > hexOut.length) hexOut = Buffer.alloc(size * 2);
  const out = hexOut;
  for (let i = 0; i < prefix.length; i++) out[i] = prefix.charCodeAt(i);
  for (let i = 0, j = prefix.length; i < length; i++, j += 2) {
    out[j] = HEX_DIGITS[bytes[i] >> 4];
    out[j + 1] = HEX_DIGITS[bytes[i] & 15];
  }
  return out.toString('latin1', 0, size);
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.startsWith('0x') ? hex.slice(2) : hex;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Scratch space for the 5-bit words of one address: decoding is synchronous, so one buffer serves every call. */
const WORDS = new Uint8Array(200);

/**
 * Bech32 character → 5-bit value, with UPPER (32) or LOWER (64) set for letters, -1 for characters
 * outside the charset: one lookup both decodes a character and tracks the case (mixed case is invalid).
 */
const UPPER = 32;
const LOWER = 64;
const BECH32_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BECH32_CHARSET.length; i++) {
  const char = BECH32_CHARSET[i];
  const letter = char >= 'a' && char <= 'z';
  BECH32_VALUE[char.charCodeAt(0)] = i | (letter ? LOWER : 0);
  if (letter) BECH32_VALUE[char.toUpperCase().charCodeAt(0)] = i | UPPER;
}

/** The generators XORed into the BIP-173 checksum for each value of its top five bits. */
const BECH32_TOP = new Int32Array(32);
for (let top = 0; top < 32; top++) {
  for (let bit = 0; bit < 5; bit++) if ((top >> bit) & 1) BECH32_TOP[top] ^= BECH32_GENERATORS[bit];
}

function polymodStep(checksum: number, value: number): number {
  return (((checksum & 0x1ffffff) << 5) ^ value) ^ BECH32_TOP[checksum >>> 25];
}

/** The last prefix seen, as written, with its checksum state, lower-case form and case: a genesis repeats one prefix hundreds of thousands of times. */
let lastPrefix = '';
let lastPrefixLower = '';
let lastPrefixCheck = 0;
let lastPrefixCase = 0;

/** Checksum state after the human-readable part; -1 if it has a character outside ASCII 33–126. */
function prefixCheck(text: string, separator: number): number {
  if (separator === lastPrefix.length && text.startsWith(lastPrefix)) return lastPrefixCheck;
  let letters = 0;
  for (let i = 0; i < separator; i++) {
    const code = text.charCodeAt(i);
    if (code < 33 || code > 126) return -1;
    if (code >= 65 && code <= 90) letters |= UPPER;
    else if (code >= 97 && code <= 122) letters |= LOWER;
  }
  const lower = letters & UPPER ? text.slice(0, separator).toLowerCase() : text.slice(0, separator);
  let check = 1;
  for (let i = 0; i < separator; i++) check = polymodStep(check, lower.charCodeAt(i) >> 5);
  check = polymodStep(check, 0);
  for (let i = 0; i < separator; i++) check = polymodStep(check, lower.charCodeAt(i) & 31);
  lastPrefix = text.slice(0, separator);
  lastPrefixLower = lower;
  lastPrefixCheck = check;
  lastPrefixCase = letters;
  return check;
}

/** Scratch space for the payload of one address. */
const BYTES = new Uint8Array(125);

/**
 * Decodes a bech32 or bech32m string (BIP-173/350) into BYTES and returns the payload's length, or
 * -1 unless the checksum holds. Written without allocating and in one pass over the data part: a
 * large genesis decodes hundreds of thousands of addresses.
 */
function decodeIntoScratch(text: string): number {
  const length = text.length;
  if (length > 200) return -1;
  const separator = text.lastIndexOf('1');
  if (separator < 1 || separator + 7 > length) return -1;
  let check = prefixCheck(text, separator);
  if (check === -1) return -1;
  let letters = lastPrefixCase;
  const dataLength = length - separator - 1;
  for (let i = 0; i < dataLength; i++) {
    const code = text.charCodeAt(separator + 1 + i);
    const entry = code < 128 ? BECH32_VALUE[code] : -1;
    if (entry === -1) return -1;
    letters |= entry;
    const value = entry & 31;
    WORDS[i] = value;
    check = polymodStep(check, value);
  }
  if ((letters & (UPPER | LOWER)) === (UPPER | LOWER)) return -1;
  check >>>= 0;
  if (check !== 1 && check !== 0x2bc830a3) return -1;
  const wordCount = dataLength - 6;
  let size = 0;
  let accumulator = 0;
  let bits = 0;
  for (let i = 0; i < wordCount; i++) {
    accumulator = ((accumulator << 5) | WORDS[i]) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      BYTES[size++] = (accumulator >> bits) & 0xff;
    }
  }
  if (bits >= 5 || (accumulator & ((1 << bits) - 1)) !== 0) return -1;
  return size;
}

/** Decodes a bech32 or bech32m string; undefined unless the checksum holds. */
export function decodeBech32(text: string): { prefix: string; bytes: Uint8Array } | undefined {
  const length = decodeIntoScratch(text);
  return length === -1 ? undefined : { prefix: lastPrefixLower, bytes: BYTES.slice(0, length) };
}

/** The address key (`b20:<hex>` or `b32:<hex>`) of a bech32 account or validator address, without allocating its bytes. */
export function bech32Key(text: string): string | undefined {
  const length = decodeIntoScratch(text);
  if (length === 20) return toHex(BYTES, 'b20:', 20);
  if (length === 32) return toHex(BYTES, 'b32:', 32);
  return undefined;
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
