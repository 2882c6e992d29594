import type { Network } from '../model/schema';

const MAINNETS: Record<string, string> = { '1': 'Ethereum mainnet', '10': 'OP Mainnet', '8453': 'Base', '42161': 'Arbitrum One', '42170': 'Arbitrum Nova' };
const TESTNETS: Record<string, string> = { '5': 'Goerli', '11155111': 'Sepolia', '17000': 'Holesky', '560048': 'Hoodi', '11155420': 'OP Sepolia', '421614': 'Arbitrum Sepolia', '421613': 'Arbitrum Goerli', '84532': 'Base Sepolia' };
const DEVNETS: Record<string, string> = { '900': 'local devnet L1 (900)', '901': 'local devnet L2 (901)', '1337': 'local dev chain (1337)', '31337': 'Anvil/Hardhat (31337)', '3151908': 'Kurtosis devnet (3151908)', '412346': 'nitro-testnode / Nitro dev chain (412346)' };

/** A table's own entry, never an inherited member: a chain id written "constructor" names no network. */
export function entryOf<T>(table: Record<string, T>, id: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, id) ? table[id] : undefined;
}

/** Classifies a network from the chain id of the chain itself or of the L1 it settles on. */
export function networkFromChainId(chainId: unknown, role: 'L1' | 'parent' | 'chain'): { network: Network; reason: string } | undefined {
  const id = typeof chainId === 'number' || typeof chainId === 'string' ? String(chainId).trim() : undefined;
  if (!id) return undefined;
  const which = role === 'chain' ? 'chain id' : `${role} chain id`;
  const mainnet = entryOf(MAINNETS, id);
  if (mainnet) return { network: 'mainnet', reason: `${which} ${id} is ${mainnet}` };
  const testnet = entryOf(TESTNETS, id);
  if (testnet) return { network: 'testnet', reason: `${which} ${id} is ${testnet}` };
  const devnet = entryOf(DEVNETS, id);
  if (devnet) return { network: 'devnet', reason: `${which} ${id} is a ${devnet}` };
  return undefined;
}

/** Classifies a network from a chain's name: "… Sepolia", "devnet-0", "Local Testnet". */
export function networkFromName(name: unknown): { network: Network; reason: string } | undefined {
  if (typeof name !== 'string') return undefined;
  if (/\b(dev|devnet|local|localnet)\b/i.test(name.replace(/[-_]/g, ' '))) return { network: 'devnet', reason: `the chain is named "${name}"` };
  if (/\b(test|testnet|sepolia|goerli|holesky|hoodi|fuji|alpha)\b/i.test(name.replace(/[-_]/g, ' '))) return { network: 'testnet', reason: `the chain is named "${name}"` };
  if (/\bmainnet\b/i.test(name)) return { network: 'mainnet', reason: `the chain is named "${name}"` };
  return undefined;
}

export const UNKNOWN_NETWORK = { network: 'unknown' as const, reason: 'nothing in the file says it is a testnet or devnet, so it is treated as production' };
