import { evmChainId } from '../model/read';
import type { Network } from '../model/schema';
import { lookupTable } from '../text/lookup';

/** EIP-155 chain ids whose network their operators publish (chainlist.org entries of each chain's own docs). */
const MAINNETS = lookupTable<string>({
  '1': 'Ethereum mainnet',
  '10': 'OP Mainnet',
  '56': 'BNB Smart Chain',
  '100': 'Gnosis Chain',
  '137': 'Polygon PoS',
  '1101': 'Polygon zkEVM',
  '8453': 'Base',
  '42161': 'Arbitrum One',
  '42170': 'Arbitrum Nova',
  '43114': 'the Avalanche C-Chain',
});
const TESTNETS = lookupTable<string>({
  '5': 'Goerli',
  '97': 'the BNB Smart Chain testnet',
  '420': 'OP Goerli',
  '1301': 'Unichain Sepolia',
  '1442': 'the Polygon zkEVM Goerli testnet',
  '2442': 'the Polygon zkEVM Cardona testnet',
  '10200': 'Gnosis Chiado',
  '17000': 'Holesky',
  '43113': 'the Avalanche Fuji C-Chain',
  '80001': 'Polygon Mumbai',
  '80002': 'Polygon Amoy',
  '84531': 'Base Goerli',
  '84532': 'Base Sepolia',
  '421613': 'Arbitrum Goerli',
  '421614': 'Arbitrum Sepolia',
  '560048': 'Hoodi',
  '11155111': 'Sepolia',
  '11155420': 'OP Sepolia',
});
const DEVNETS = lookupTable<string>({
  '900': 'local devnet L1 (900)',
  '901': 'local devnet L2 (901)',
  '1337': 'local dev chain (1337)',
  '31337': 'Anvil/Hardhat (31337)',
  '333333': 'nitro-testnode L3 (333333)',
  '412346': 'nitro-testnode / Nitro dev chain (412346)',
  '3151908': 'Kurtosis devnet (3151908)',
});

/** Polkadot relay chains by the names specs give them in `relay_chain` and `id`. */
const RELAYS: [RegExp, Exclude<Network, 'unknown'>, string][] = [
  [/local|dev/i, 'devnet', 'a local relay chain'],
  [/^(polkadot|kusama|ksmcc3)$/i, 'mainnet', 'a production relay chain'],
  [/^(westend|paseo|rococo|wococo|versi)/i, 'testnet', 'a public test relay chain'],
];

/** A table's own entry, never an inherited member: a chain id written "constructor" names no network. */
export function entryOf<T>(table: Record<string, T>, id: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, id) ? table[id] : undefined;
}

export interface NetworkVerdict {
  network: Network;
  /** The evidence, for messages: "L1 chain id 11155111 is Sepolia". */
  reason: string;
}

/**
 * One piece of evidence about a chain's network, and how much it weighs: what a config declares
 * outright (`network:` in a manifest, `.chokepoint.yaml`), the chain's own published id, the chain it
 * settles on or is secured by, a name, or a flag such as `test: true`.
 */
export interface NetworkSignal extends NetworkVerdict {
  network: Exclude<Network, 'unknown'>;
  weight: 'declared' | 'own-id' | 'link' | 'name' | 'flag';
}

export const UNKNOWN_NETWORK: NetworkVerdict = { network: 'unknown', reason: 'nothing in the file says it is a testnet or devnet, so it is treated as production' };

const TEST_FIRST: Exclude<Network, 'unknown'>[] = ['devnet', 'testnet', 'mainnet'];

/**
 * The network all the evidence supports:
 * 1. a declaration, or the chain's own published id, decides;
 * 2. a link to a test or dev network decides: a chain on Sepolia or on a test relay is a testnet
 *    whatever its name or chain type says;
 * 3. names and flags (`chainType: Development`, `test: true`) are weighed together, the least
 *    production-like winning: a chain named "… Testnet" is one even on a mainnet parent;
 * 4. then a link to a mainnet; without any evidence the chain is treated as production.
 */
export function classifyNetwork(signals: (NetworkSignal | undefined)[], fallback: NetworkVerdict = UNKNOWN_NETWORK): NetworkVerdict {
  const present = signals.filter((s): s is NetworkSignal => s !== undefined);
  const pick = (s: NetworkSignal | undefined): NetworkVerdict | undefined => (s ? { network: s.network, reason: s.reason } : undefined);
  const leastProduction = (candidates: NetworkSignal[]) => TEST_FIRST.map((n) => candidates.find((s) => s.network === n)).find((s) => s !== undefined);
  return pick(present.find((s) => s.weight === 'declared'))
    ?? pick(present.find((s) => s.weight === 'own-id'))
    ?? pick(leastProduction(present.filter((s) => s.weight === 'link' && s.network !== 'mainnet')))
    ?? pick(leastProduction(present.filter((s) => s.weight === 'name' || s.weight === 'flag')))
    ?? pick(present.find((s) => s.weight === 'link'))
    ?? fallback;
}

/** Evidence from an EIP-155 chain id: the chain's own (decisive) or that of the chain it settles on. */
export function networkFromChainId(chainId: unknown, role: 'L1' | 'parent' | 'chain'): NetworkSignal | undefined {
  const id = evmChainId(chainId);
  if (!id) return undefined;
  const which = role === 'chain' ? 'chain id' : `${role} chain id`;
  const weight = role === 'chain' ? 'own-id' : 'link';
  const mainnet = entryOf(MAINNETS, id);
  if (mainnet) return { network: 'mainnet', reason: `${which} ${id} is ${mainnet}`, weight };
  const testnet = entryOf(TESTNETS, id);
  if (testnet) return { network: 'testnet', reason: `${which} ${id} is ${testnet}`, weight };
  const devnet = entryOf(DEVNETS, id);
  if (devnet) return { network: 'devnet', reason: `${which} ${id} is a ${devnet}`, weight };
  return undefined;
}

const DEV_WORDS = /\b(dev|devnet|local|localnet|localhost|development)\b/i;
const TEST_WORDS = /\b(test|testnet|testing|sepolia|goerli|holesky|hoodi|fuji|amoy|mumbai|cardona|chiado|westend|paseo|rococo|minato|staging)\b/i;

/** Evidence from a chain's name or textual id: "… Sepolia Testnet", "devnet-0", "Local Testnet". */
export function networkFromName(name: unknown, what = 'the chain is named'): NetworkSignal | undefined {
  if (typeof name !== 'string') return undefined;
  const words = name.replace(/[-_.]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
  const reason = `${what} "${name.slice(0, 80)}"`;
  if (DEV_WORDS.test(words)) return { network: 'devnet', reason, weight: 'name' };
  if (TEST_WORDS.test(words)) return { network: 'testnet', reason, weight: 'name' };
  if (/\bmainnet\b/i.test(words)) return { network: 'mainnet', reason, weight: 'name' };
  return undefined;
}

/** Evidence from the Polkadot relay chain a parachain names (`relay_chain`), or a relay chain's own id. */
export function networkFromRelay(relay: unknown, role: 'relay' | 'chain'): NetworkSignal | undefined {
  if (typeof relay !== 'string' || relay.trim() === '') return undefined;
  const name = relay.trim();
  for (const [pattern, network, what] of RELAYS) {
    if (pattern.test(name)) {
      return role === 'relay'
        ? { network, reason: `its relay chain "${name.slice(0, 40)}" is ${what}`, weight: 'link' }
        : { network, reason: `its id "${name.slice(0, 40)}" is ${what}`, weight: 'own-id' };
    }
  }
  return undefined;
}

/** "Ethereum mainnet (chain id 1)" for a known EIP-155 id, else "chain id 12345". */
export function chainTitle(chainId: string): string {
  const known = entryOf(MAINNETS, chainId) ?? entryOf(TESTNETS, chainId) ?? entryOf(DEVNETS, chainId);
  return known ? `${known} (chain id ${chainId})` : `chain id ${chainId}`;
}

