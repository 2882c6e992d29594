// @ts-check
/**
 * A Cosmos genesis too large for `chokepoint.maxFileSizeMB: 1`: the example genesis with a long
 * top-level `padding` list of accounts appended after its last key. The adapter ignores that key
 * and every line above it is unchanged, so its findings are the example's, at the same places.
 */

const ACCOUNT = JSON.stringify({ '@type': '/cosmos.auth.v1beta1.BaseAccount', address: 'lumen1qvgkujvq6yknxxh3jazl3f2s2gc6tgjk97nrt9', pub_key: null, account_number: '0', sequence: '0' });

/** @param {string} genesis the text of examples/cosmos/genesis.json @param {number} bytes at least this long @returns {string} */
export function padGenesis(genesis, bytes) {
  const end = genesis.lastIndexOf('}');
  const count = Math.ceil(bytes / (ACCOUNT.length + 6));
  const padding = `,\n  "padding": [\n${Array.from({ length: count }, () => `    ${ACCOUNT}`).join(',\n')}\n  ]\n`;
  return `${genesis.slice(0, end).trimEnd()}${padding}${genesis.slice(end)}`;
}
