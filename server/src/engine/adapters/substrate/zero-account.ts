/**
 * The all-zero AccountId32 is not "nobody" on Substrate: its sr25519 public key is the identity point,
 * whose secret is 0, so anyone can sign as it. FRAME bars it since December 2021 with the
 * CheckNonZeroSender transaction extension (substrate#10403); an older runtime, or one that leaves the
 * extension out, accepts its transactions. Whether a runtime has the extension shows in its code: the
 * extension's identifier is a string in the Wasm's data, readable when the code is not compressed.
 */

const WASM_MAGIC = '0061736d';
const IDENTIFIER = Buffer.from('CheckNonZeroSender').toString('hex');

export type ZeroAccountUse = 'barred' | 'accepted' | 'unknown';

/** What a runtime's code (hex, as a chain spec writes it) says about transactions from the zero account. */
export function zeroAccountUse(code: unknown): ZeroAccountUse {
  if (typeof code !== 'string') return 'unknown';
  const hex = code.startsWith('0x') ? code.slice(2) : code;
  // Compressed code (sp-maybe-compressed-blob, zstd) starts with its own magic: its strings cannot be read here.
  if (hex.slice(0, 8).toLowerCase() !== WASM_MAGIC) return 'unknown';
  const lower = hex.toLowerCase();
  // A match must start on a byte boundary.
  for (let at = lower.indexOf(IDENTIFIER); at >= 0; at = lower.indexOf(IDENTIFIER, at + 1)) if (at % 2 === 0) return 'barred';
  return 'accepted';
}

/** The normalized address key of the all-zero 32-byte account. */
export const ZERO_ACCOUNT_KEY = `b32:${'0'.repeat(64)}`;

/** True for the all-zero 32-byte account. */
export function isZeroAccount(bytes: Uint8Array): boolean {
  return bytes.length === 32 && bytes.every((b) => b === 0);
}
