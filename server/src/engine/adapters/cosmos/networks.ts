import type { Network } from '../../model/schema';
import { networkFromChainId, networkFromName, UNKNOWN_NETWORK } from '../networks';

/** Chain ids whose network their operators publish but whose name does not say it. */
const KNOWN: [RegExp, Network, string][] = [
  [/^cosmoshub-\d+$/, 'mainnet', 'the Cosmos Hub mainnet'],
  [/^osmosis-1$/, 'mainnet', 'the Osmosis mainnet'],
  [/^noble-1$/, 'mainnet', 'the Noble mainnet'],
  [/^celestia$/, 'mainnet', 'the Celestia mainnet'],
  [/^mocha(-\d+)?$/, 'testnet', 'Celestia\'s Mocha testnet'],
  [/^blockspacerace-\d+$/, 'testnet', 'Celestia\'s Blockspace Race incentivized testnet'],
  [/^arabica-\d+$/, 'devnet', 'Celestia\'s Arabica devnet'],
];

/**
 * Classifies a Cosmos chain from its chain id: a published chain id, words such as "testnet" or
 * "devnet", or the EIP-155 number of a Cosmos-EVM id (`evmos_9001-2`, or a bare `10740`).
 */
export function cosmosNetwork(chainId: unknown): { network: Network; reason: string } {
  if (typeof chainId !== 'string' || chainId.trim() === '') return UNKNOWN_NETWORK;
  const id = chainId.trim();
  for (const [pattern, network, name] of KNOWN) {
    if (pattern.test(id)) return { network, reason: `chain id "${id}" is ${name}` };
  }
  const named = networkFromName(id);
  if (named) return { network: named.network, reason: `the chain id is "${id}"` };
  const eip155 = /^(?:[a-z][a-z0-9]*_)?(\d+)(?:-\d+)?$/i.exec(id)?.[1];
  return (eip155 ? networkFromChainId(eip155, 'chain') : undefined) ?? UNKNOWN_NETWORK;
}
