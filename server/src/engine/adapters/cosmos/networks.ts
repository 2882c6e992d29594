import { classifyNetwork, networkFromChainId, networkFromName, type NetworkSignal, type NetworkVerdict } from '../networks';

/** Chain ids whose network their operators publish but whose name does not say it. */
const KNOWN: [RegExp, NetworkSignal['network'], string][] = [
  [/^cosmoshub-\d+$/, 'mainnet', 'the Cosmos Hub mainnet'],
  [/^osmosis-1$/, 'mainnet', 'the Osmosis mainnet'],
  [/^noble-1$/, 'mainnet', 'the Noble mainnet'],
  [/^celestia$/, 'mainnet', 'the Celestia mainnet'],
  [/^mocha(-\d+)?$/, 'testnet', 'Celestia\'s Mocha testnet'],
  [/^blockspacerace-\d+$/, 'testnet', 'Celestia\'s Blockspace Race incentivized testnet'],
  [/^arabica-\d+$/, 'devnet', 'Celestia\'s Arabica devnet'],
  [/^theta-testnet-\d+$/, 'testnet', 'the Cosmos Hub\'s Theta testnet'],
  [/^provider$/, 'testnet', 'the Interchain Security provider testnet'],
  [/^grand-\d+$/, 'testnet', 'Noble\'s Grand testnet'],
  [/^pion-\d+$/, 'testnet', 'Neutron\'s Pion testnet'],
  [/^elgafar-\d+$/, 'testnet', 'Stargaze\'s Elgafar testnet'],
  [/^uni-\d+$/, 'testnet', 'Juno\'s Uni testnet'],
  [/^constantine-\d+$/, 'testnet', 'Archway\'s Constantine testnet'],
  [/^harpoon-\d+$/, 'testnet', 'Kujira\'s Harpoon testnet'],
];

/** The EIP-155 number inside a Cosmos-EVM chain id: `evmos_9001-2`, or a bare `10740`. */
export function cosmosEvmNumber(chainId: string): string | undefined {
  return /^(?:[a-z][a-z0-9]*_)?(\d+)(?:-\d+)?$/i.exec(chainId.trim())?.[1];
}

/**
 * Classifies a Cosmos chain from its chain id: a published chain id, words such as "testnet" or
 * "devnet", or the EIP-155 number of a Cosmos-EVM id.
 */
export function cosmosNetwork(chainId: unknown, extra: (NetworkSignal | undefined)[] = []): NetworkVerdict {
  if (typeof chainId !== 'string' || chainId.trim() === '') return classifyNetwork(extra);
  const id = chainId.trim();
  const known = KNOWN.find(([pattern]) => pattern.test(id));
  const published: NetworkSignal | undefined = known ? { network: known[1], reason: `chain id "${id}" is ${known[2]}`, weight: 'own-id' } : undefined;
  const number = cosmosEvmNumber(id);
  return classifyNetwork([published, number ? networkFromChainId(number, 'chain') : undefined, networkFromName(id, 'the chain id is'), ...extra]);
}

/**
 * What an Interchain Security consumer's provider says of it: a consumer of a test or dev provider
 * is a test or dev chain itself, whatever its own id says (a link, weighed after a published id).
 */
export function providerNetwork(providerId: unknown): NetworkSignal | undefined {
  if (typeof providerId !== 'string' || providerId.trim() === '') return undefined;
  const verdict = cosmosNetwork(providerId);
  return verdict.network === 'unknown' ? undefined : { network: verdict.network, reason: `its provider's ${verdict.reason}`, weight: 'link' };
}
