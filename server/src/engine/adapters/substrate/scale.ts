/**
 * The few SCALE codec shapes a genesis storage value needs (parity-scale-codec): compact integers,
 * fixed-width little-endian integers, vectors of fixed-size items. Reading past the end throws a
 * ScaleError, which the storage decoders turn into a schema problem, never a crash.
 */

export class ScaleError extends Error {}

export class ScaleReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  take(length: number): Uint8Array {
    if (length < 0 || this.offset + length > this.bytes.length) throw new ScaleError(`needs ${length} more bytes but only ${this.remaining} remain`);
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  /** An unsigned little-endian integer of `width` bytes. */
  uint(width: number): bigint {
    const bytes = this.take(width);
    let value = 0n;
    for (let i = width - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]);
    return value;
  }

  /** A SCALE compact integer: 1, 2 or 4 bytes with a two-bit mode, or a length-prefixed big integer. */
  compact(): bigint {
    const first = this.take(1)[0];
    const mode = first & 0b11;
    if (mode === 0) return BigInt(first >> 2);
    if (mode === 1) return ((BigInt(this.take(1)[0]) << 8n) | BigInt(first)) >> 2n;
    if (mode === 2) {
      const rest = this.uint(3);
      return ((rest << 8n) | BigInt(first)) >> 2n;
    }
    return this.uint((first >> 2) + 4);
  }

  /** Fails unless every byte was read. */
  end(): void {
    if (this.remaining !== 0) throw new ScaleError(`has ${this.remaining} bytes left over`);
  }
}

/** SCALE-encodes a compact integer (for tests and for building keys). */
export function encodeCompact(value: number | bigint): Uint8Array {
  const n = BigInt(value);
  if (n < 0n) throw new RangeError('compact integers are unsigned');
  if (n < 1n << 6n) return Uint8Array.of(Number(n << 2n));
  if (n < 1n << 14n) return littleEndian((n << 2n) | 1n, 2);
  if (n < 1n << 30n) return littleEndian((n << 2n) | 2n, 4);
  let width = 0;
  for (let rest = n; rest > 0n; rest >>= 8n) width++;
  return Uint8Array.of(((width - 4) << 2) | 3, ...littleEndian(n, width));
}

/** `value` as `width` little-endian bytes. */
export function littleEndian(value: number | bigint, width: number): Uint8Array {
  const out = new Uint8Array(width);
  let rest = BigInt(value);
  for (let i = 0; i < width; i++) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

/** Strict hex (`0x` optional, even length) to bytes, or undefined. */
export function hexBytes(text: unknown): Uint8Array | undefined {
  if (typeof text !== 'string') return undefined;
  const clean = text.startsWith('0x') ? text.slice(2) : text;
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) return undefined;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}
