import { ADAPTERS, type Adapter } from './adapters';

/** Picks the adapter for a file from its content, never its name. Undefined when nothing fits. */
export function detectAdapter(value: unknown): Adapter | undefined {
  let best: Adapter | undefined;
  let bestScore = 0;
  for (const adapter of ADAPTERS) {
    const score = adapter.detect(value);
    if (score > bestScore) {
      best = adapter;
      bestScore = score;
    }
  }
  return bestScore >= 0.5 ? best : undefined;
}

/** A cheap test of raw text for the shapes `looksLikeChainConfig` knows, so folder scans parse such files. */
export const CHAIN_CONFIG_SNIFF = /"(genesis|app_state|chainType|alloc|l1ChainID|l2ChainID|info-json|parent-chain)"/;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Why a file that no adapter reads still looks like a chain's configuration, or undefined: such a
 * file is reported as unrecognized-config, never skipped silently, so a folder scan says what it
 * could not read.
 */
export function looksLikeChainConfig(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const has = (...keys: string[]) => keys.some((key) => Object.prototype.hasOwnProperty.call(value, key));
  if (isObject(value.genesis) && has('chainType', 'bootNodes', 'protocolId', 'properties', 'telemetryEndpoints')) {
    return 'It looks like a Substrate chain spec, but its genesis is in a form Chokepoint does not read';
  }
  if (has('app_state') || (has('genesis_time') && has('chain_id', 'consensus_params', 'validators'))) {
    return 'It looks like a Cosmos SDK or CometBFT genesis, but none of the modules Chokepoint reads is in it';
  }
  if (isObject(value.config) && has('alloc') && ('chainId' in value.config || 'chainID' in value.config)) {
    return 'It looks like an EVM genesis (a chain config and an alloc), but it sets none of the roles, precompiles or predeploys Chokepoint reads';
  }
  if (has('l1ChainID', 'l2ChainID')) return 'It looks like an OP Stack deploy config, but too few of its fields are there to read it as one';
  if (isObject(value.chain) && has('parent-chain', 'node')) return 'It looks like a Nitro node config, but it names no chain Chokepoint can read';
  return undefined;
}
