/**
 * xxHash64 and the Substrate "twox" hashers built on it, for computing the storage keys of a raw
 * chain spec. FRAME keys a plain storage item by twox128(pallet) ++ twox128(item), where
 * twox128(x) = xxh64(x, seed 0) ++ xxh64(x, seed 1), each little-endian (sp-core hashing.rs).
 * BigInt keeps the 64-bit arithmetic exact; only a few dozen short names are ever hashed.
 */

const MASK = (1n << 64n) - 1n;
const P1 = 11400714785074694791n;
const P2 = 14029467366897019727n;
const P3 = 1609587929392839161n;
const P4 = 9650029242287828579n;
const P5 = 2870177450012600261n;

const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & MASK;

function round(acc: bigint, input: bigint): bigint {
  const mixed = (acc + input * P2) & MASK;
  return (rotl(mixed, 31n) * P1) & MASK;
}

function merge(acc: bigint, value: bigint): bigint {
  return (((acc ^ round(0n, value)) * P1) + P4) & MASK;
}

function read64(bytes: Uint8Array, at: number): bigint {
  let value = 0n;
  for (let i = 7; i >= 0; i--) value = (value << 8n) | BigInt(bytes[at + i]);
  return value;
}

function read32(bytes: Uint8Array, at: number): bigint {
  return BigInt((bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) >>> 0) + BigInt(bytes[at + 3]) * 0x1000000n;
}

/** xxHash64 (XXH64) of `input` with a 64-bit seed, as an unsigned BigInt. */
export function xxhash64(input: Uint8Array, seed: bigint = 0n): bigint {
  const length = input.length;
  let i = 0;
  let hash: bigint;
  if (length >= 32) {
    let v1 = (seed + P1 + P2) & MASK;
    let v2 = (seed + P2) & MASK;
    let v3 = seed & MASK;
    let v4 = (seed - P1) & MASK;
    for (; i + 32 <= length; i += 32) {
      v1 = round(v1, read64(input, i));
      v2 = round(v2, read64(input, i + 8));
      v3 = round(v3, read64(input, i + 16));
      v4 = round(v4, read64(input, i + 24));
    }
    hash = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & MASK;
    hash = merge(hash, v1);
    hash = merge(hash, v2);
    hash = merge(hash, v3);
    hash = merge(hash, v4);
  } else {
    hash = (seed + P5) & MASK;
  }
  hash = (hash + BigInt(length)) & MASK;
  for (; i + 8 <= length; i += 8) {
    hash ^= round(0n, read64(input, i));
    hash = ((rotl(hash, 27n) * P1) + P4) & MASK;
  }
  if (i + 4 <= length) {
    hash ^= (read32(input, i) * P1) & MASK;
    hash = ((rotl(hash, 23n) * P2) + P3) & MASK;
    i += 4;
  }
  for (; i < length; i++) {
    hash ^= (BigInt(input[i]) * P5) & MASK;
    hash = (rotl(hash, 11n) * P1) & MASK;
  }
  hash ^= hash >> 33n;
  hash = (hash * P2) & MASK;
  hash ^= hash >> 29n;
  hash = (hash * P3) & MASK;
  hash ^= hash >> 32n;
  return hash;
}

function littleEndian64(value: bigint): string {
  let hex = '';
  for (let i = 0n; i < 8n; i++) hex += Number((value >> (8n * i)) & 0xffn).toString(16).padStart(2, '0');
  return hex;
}

const encoder = new TextEncoder();
const bytesOf = (input: string | Uint8Array) => (typeof input === 'string' ? encoder.encode(input) : input);

/** Substrate's Twox64: xxh64 with seed 0, little-endian, as hex without 0x. */
export function twox64(input: string | Uint8Array): string {
  return littleEndian64(xxhash64(bytesOf(input), 0n));
}

/** Substrate's Twox128: xxh64 with seeds 0 and 1, each little-endian, as hex without 0x. */
export function twox128(input: string | Uint8Array): string {
  const bytes = bytesOf(input);
  return littleEndian64(xxhash64(bytes, 0n)) + littleEndian64(xxhash64(bytes, 1n));
}

/** The raw storage key of a plain FRAME storage item: `0x` ++ twox128(pallet) ++ twox128(item). */
export function storageKey(pallet: string, item: string): string {
  return `0x${twox128(pallet)}${twox128(item)}`;
}
