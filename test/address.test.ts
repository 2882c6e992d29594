import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isUnset, parseAddress, shortAddress } from '../server/src/engine/model/address';
import { blake2b } from '../server/src/engine/model/blake2b';
import { durationAdjective, formatDuration, parseDuration } from '../server/src/engine/model/duration';
import { decodeBech32, decodeSs58, toHex } from '../server/src/engine/model/encodings';
import { BECH32_CHARSET as CHARSET, bech32Encode, bech32Payload } from './helpers/bech32';


// A small SS58 encoder on Node's own BLAKE2b.
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58Encode(bytes: Uint8Array): string {
  let value = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let out = '';
  while (value > 0n) {
    out = BASE58[Number(value % 58n)] + out;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    out = `1${out}`;
  }
  return out;
}

function ss58Encode(publicKey: Uint8Array, format: number): string {
  const prefix = format < 64 ? [format] : [((format & 0xfc) >> 2) | 0x40, (format >> 8) | ((format & 0x03) << 6)];
  const body = Buffer.from([...prefix, ...publicKey]);
  const hash = createHash('blake2b512').update(Buffer.concat([Buffer.from('SS58PRE'), body])).digest();
  return base58Encode(Uint8Array.from([...body, hash[0], hash[1]]));
}

/** Replaces the character at `index` by another one of the same alphabet. */
function corrupt(text: string, index: number, alphabet: string): string {
  const i = index < 0 ? text.length + index : index;
  const current = alphabet.indexOf(text[i]);
  return text.slice(0, i) + alphabet[(current + 1) % alphabet.length] + text.slice(i + 1);
}

describe('EVM addresses', () => {
  const checksummed = '0xfd1D2e729aE8eEe2E146c033bf4400fE75284301';

  it('match whatever the case', () => {
    const key = parseAddress(checksummed)?.key;
    expect(key).toBe('b20:fd1d2e729ae8eee2e146c033bf4400fe75284301');
    expect(parseAddress(checksummed.toLowerCase())?.key).toBe(key);
    expect(parseAddress(`0x${checksummed.slice(2).toUpperCase()}`)?.key).toBe(key);
    expect(parseAddress(`  ${checksummed}\n`)?.key).toBe(key);
    expect(parseAddress(checksummed)).toMatchObject({ raw: checksummed, scheme: 'evm' });
  });

  it('reject what is not an address', () => {
    for (const raw of ['0xfd1D2e729aE8eEe2E146c033bf4400fE7528430', '0xfd1D2e729aE8eEe2E146c033bf4400fE752843011', '0xgd1D2e729aE8eEe2E146c033bf4400fE75284301', 'fd1D2e729aE8eEe2E146c033bf4400fE75284301', '', 42, null, undefined, { address: checksummed }]) {
      expect(parseAddress(raw), String(raw)).toBeUndefined();
    }
  });

  it('treat the zero address as unset and shorten for messages', () => {
    expect(isUnset(parseAddress(`0x${'0'.repeat(40)}`)!)).toBe(true);
    expect(isUnset(parseAddress(`0x${'0'.repeat(64)}`)!)).toBe(true);
    expect(isUnset(parseAddress(checksummed)!)).toBe(false);
    expect(shortAddress(checksummed)).toBe('0xfd1D…4301');
    expect(shortAddress('short')).toBe('short');
  });
});

describe('bech32 addresses', () => {
  const gov = 'cosmos10d07y265gmmuvt4z0w9aw880jnsr700j6zn9kn';

  it('decode the gov module account to its 20-byte payload', () => {
    const decoded = decodeBech32(gov);
    expect(decoded?.prefix).toBe('cosmos');
    expect(decoded && toHex(decoded.bytes)).toBe(Buffer.from(bech32Payload(gov)).toString('hex'));
    expect(decoded?.bytes).toHaveLength(20);
    // Our own encoder gives back the same string, so the payload is right.
    expect(bech32Encode('cosmos', bech32Payload(gov))).toBe(gov);
  });

  it('match by payload whatever the prefix', () => {
    const payload = bech32Payload(gov);
    const key = parseAddress(gov)?.key;
    expect(key).toBe(`b20:${Buffer.from(payload).toString('hex')}`);
    for (const prefix of ['osmo', 'noble', 'celestia', 'cosmosvaloper']) {
      const other = bech32Encode(prefix, payload);
      expect(other).not.toBe(gov);
      expect(parseAddress(other)?.key, other).toBe(key);
      expect(parseAddress(other)?.scheme).toBe('bech32');
    }
    expect(parseAddress(gov.toUpperCase())?.key).toBe(key);
  });

  it('match a 32-byte bech32 payload with the same bytes in hex', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
    const address = bech32Encode('cosmos', bytes);
    expect(parseAddress(address)?.key).toBe(`b32:${Buffer.from(bytes).toString('hex')}`);
    expect(parseAddress(`0x${Buffer.from(bytes).toString('hex')}`)?.key).toBe(parseAddress(address)?.key);
  });

  it('reject a corrupted checksum, a changed payload and mixed case', () => {
    expect(parseAddress(corrupt(gov, -1, CHARSET))).toBeUndefined();
    expect(parseAddress(corrupt(gov, 12, CHARSET))).toBeUndefined();
    expect(decodeBech32(corrupt(gov, -1, CHARSET))).toBeUndefined();
    expect(parseAddress(`osmo${gov.slice('cosmos'.length)}`)).toBeUndefined();
    expect(parseAddress(gov.slice(0, 10) + gov.slice(10).toUpperCase())).toBeUndefined();
  });
});

describe('SS58 addresses', () => {
  const alice = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
  const aliceKey = 'b32:d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
  const alicePublicKey = Buffer.from(aliceKey.slice(4), 'hex');

  it('normalize Alice to her public key, equal to the raw hex form', () => {
    expect(parseAddress(alice)).toMatchObject({ raw: alice, key: aliceKey, scheme: 'ss58' });
    expect(parseAddress(`0x${aliceKey.slice(4)}`)?.key).toBe(aliceKey);
    expect(parseAddress(`0x${aliceKey.slice(4).toUpperCase()}`)?.key).toBe(aliceKey);
    expect(decodeSs58(alice)?.format).toBe(42);
  });

  it('match Alice under other network formats, one- and two-byte', () => {
    expect(ss58Encode(alicePublicKey, 42)).toBe(alice);
    for (const format of [0, 2, 63, 64, 1284, 16383]) {
      const address = ss58Encode(alicePublicKey, format);
      expect(parseAddress(address)?.key, `format ${format}: ${address}`).toBe(aliceKey);
      expect(decodeSs58(address)?.format).toBe(format);
    }
  });

  it('reject a corrupted checksum', () => {
    for (const index of [-1, -2, 10]) {
      const bad = corrupt(alice, index, BASE58);
      expect(bad).not.toBe(alice);
      expect(decodeSs58(bad), bad).toBeUndefined();
      expect(parseAddress(bad), bad).toBeUndefined();
    }
  });
});

describe('BLAKE2b-512', () => {
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

  it('matches the RFC 7693 test vector for "abc" and the empty input', () => {
    expect(hex(blake2b(new TextEncoder().encode('abc')))).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
    expect(hex(blake2b(new Uint8Array(0)))).toBe(
      '786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce',
    );
  });

  it.each([1, 127, 128, 129, 255, 256, 257, 1000, 4096])('matches node:crypto on %i bytes', (length) => {
    const input = Uint8Array.from({ length }, (_, i) => (i * 131 + 7) & 0xff);
    expect(hex(blake2b(input))).toBe(createHash('blake2b512').update(input).digest('hex'));
  });

  it('hashes all-0xff blocks, where carries cross the 32-bit halves', () => {
    const input = new Uint8Array(300).fill(0xff);
    expect(hex(blake2b(input))).toBe(createHash('blake2b512').update(input).digest('hex'));
  });
});

describe('durations', () => {
  it.each([
    [604800, 604800],
    ['604800', 604800],
    ['604800s', 604800],
    ['7d', 604800],
    ['7 days', 604800],
    ['7-day', 604800],
    ['7 DAYS', 604800],
    ['168h', 604800],
    ['1w', 604800],
    ['2 weeks', 1209600],
    ['90m', 5400],
    ['3.5d', 302400],
    [' 12 hours ', 43200],
    [0, 0],
  ])('parseDuration(%j) = %i', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each([['soon'], ['7 fortnights'], [''], ['-5'], ['7d 12h'], ['d7'], [-1], [Number.NaN], [Number.POSITIVE_INFINITY], [null], [undefined], [{}], [['7d']], [true]])('parseDuration(%j) is undefined', (input) => {
    expect(parseDuration(input)).toBeUndefined();
  });

  it('formats durations for messages', () => {
    expect(formatDuration(604800)).toBe('7 days');
    expect(formatDuration(86400)).toBe('1 day');
    expect(formatDuration(302400)).toBe('3.5 days');
    expect(formatDuration(43200)).toBe('12 hours');
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(5400)).toBe('1.5 hours');
    expect(formatDuration(90)).toBe('1.5 minutes');
    expect(formatDuration(1)).toBe('1 second');
    expect(formatDuration(0)).toBe('0 seconds');
    expect(formatDuration(parseDuration('30d')!)).toBe('30 days');
    expect(durationAdjective(1209600)).toBe('14-day');
    expect(durationAdjective(43200)).toBe('12-hour');
  });
});
