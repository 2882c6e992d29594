import { ModelBuilder } from '../../model/builder';
import { evmChainId, isRecord } from '../../model/read';
import type { Network } from '../../model/schema';
import type { ParsedDocument } from '../../parse';
import { evmIdentity, evmParent, identify } from '../identity';
import { UNKNOWN_NETWORK } from '../networks';
import type { Adapter } from '../types';
import { anyTrustDependency, ORBIT_ROLES, orbitNetwork, readChainConfig, rollupContracts } from './common';

const PRODUCTION_FIRST: Network[] = ['mainnet', 'unknown', 'testnet', 'devnet'];

function isChainInfo(entry: unknown): entry is Record<string, unknown> {
  return isRecord(entry) && isRecord(entry['chain-config']) && ('chain-name' in entry || isRecord((entry['chain-config'] as Record<string, unknown>).arbitrum));
}

/**
 * Nitro's chain info list (cmd/chaininfo/arbitrum_chain_info.json, or a file named by
 * `chain.info-files`): one entry per chain, each with its chain config. The file is judged as its most
 * production-like chain; entries that are themselves devnets raise no development flags.
 */
export const orbitChainInfo: Adapter = {
  id: 'orbit-chain-info',
  framework: 'Arbitrum Orbit',
  duplicateKeys: "Nitro reads it with Go's encoding/json, which keeps the last value",
  title: 'Nitro chain info',
  describes: 'deployment',
  sniff: /chain-config/,
  detect(value) {
    if (!Array.isArray(value) || value.length === 0) return 0;
    const hits = value.filter(isChainInfo).length;
    return hits === value.length ? 0.95 : hits > 0 ? 0.6 : 0;
  },
  build(doc: ParsedDocument) {
    const entries = doc.value as unknown[];
    const networks = entries.map((entry) => (isChainInfo(entry) ? orbitNetwork(entry['chain-id'] ?? (entry['chain-config'] as Record<string, unknown>).chainId, entry['parent-chain-id'], entry['chain-name']) : undefined));
    const ranked = networks
      .map((n, i) => ({ network: n ?? UNKNOWN_NETWORK, i }))
      .sort((a, b) => PRODUCTION_FIRST.indexOf(a.network.network) - PRODUCTION_FIRST.indexOf(b.network.network) || a.i - b.i);
    const lead = ranked[0];
    const label = (i: number) => {
      const entry = entries[i];
      const name = isRecord(entry) ? entry['chain-name'] : undefined;
      return typeof name === 'string' ? name : `entry ${i}`;
    };
    const builder = new ModelBuilder(doc, {
      framework: 'arbitrum-orbit',
      network: lead?.network.network ?? 'unknown',
      networkReason: lead ? `the file lists ${label(lead.i)}, whose ${lead.network.reason.replace(/^the chain is named/, 'name is')}` : UNKNOWN_NETWORK.reason,
    });
    const idOf = (entry: unknown) => (isChainInfo(entry) ? entry['chain-id'] ?? (entry['chain-config'] as Record<string, unknown>).chainId : undefined);
    if (entries.length === 1 && isChainInfo(entries[0])) {
      const [only] = entries;
      const id = evmChainId(idOf(only));
      if (typeof only['chain-name'] === 'string') builder.model.chain.name = only['chain-name'];
      if (id !== undefined) builder.model.chain.chainId = id;
      evmParent(builder, [0, 'parent-chain-id']);
      // Only for a file of one chain: the model then says which parent chain the contracts are on.
      rollupContracts(builder, [0]);
    }
    identify(builder, entries.map(idOf).map(evmIdentity), [], entries.length > 1);
    entries.forEach((entry, i) => {
      if (!isChainInfo(entry)) {
        builder.problem([i], 'Each chain info entry should be an object with chain-name and chain-config.');
        return;
      }
      const dev = networks[i]?.network === 'devnet';
      const owner = { ...ORBIT_ROLES.initialChainOwner, title: `Initial chain owner of ${label(i)}` };
      const read = readChainConfig(builder, [i, 'chain-config'], { dev, owner });
      if (read.anyTrustAt && !dev) builder.model.dependencies.push({ ...anyTrustDependency(builder, read.anyTrustAt), name: `AnyTrust Data Availability Committee of ${label(i)}` });
    });
    return { model: builder.model, problems: builder.problems };
  },
};
