import { namedParty, parseAddress } from '../../model/address';
import { describeType, ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Address, Distribution, Network } from '../../model/schema';
import type { ParsedDocument } from '../../parse';
import { UNKNOWN_NETWORK } from '../networks';
import type { Adapter } from '../types';
import { bigAmount } from './precompiles';

/** P-Chain address prefixes (avalanchego utils/constants: GetHRP): mainnet avax, Fuji fuji, local networks local, any other network custom. */
const HRP_NETWORK: Record<string, { network: Network; name: string }> = {
  avax: { network: 'mainnet', name: 'Avalanche Mainnet' },
  fuji: { network: 'testnet', name: 'the Fuji testnet' },
  local: { network: 'devnet', name: 'a local network' },
  custom: { network: 'devnet', name: 'a local or private network (neither Mainnet nor Fuji)' },
};

/**
 * The bootstrap validators of an Avalanche L1 (avalanche-cli `models.SubnetValidator`): the nodes
 * that ConvertSubnetToL1Tx makes the L1's first validator set, each with its weight. The
 * ChangeOwnerAddr is the P-Chain owner of the validator's remaining balance (RemainingBalanceOwner):
 * it holds no power over the chain, but one shared owner is a sign that one party runs them all.
 */
export const avalancheBootstrapValidators: Adapter = {
  id: 'avalanche-bootstrap-validators',
  framework: 'Avalanche L1',
  duplicateKeys: "Avalanche-CLI reads it with Go's encoding/json, which keeps the last value",
  title: 'Avalanche L1 bootstrap validators',
  describes: 'deployment',
  sniff: /\bNodeID\b/,
  detect(value) {
    if (!Array.isArray(value) || value.length === 0) return 0;
    const validators = value.filter((v) => isRecord(v) && typeof v.NodeID === 'string' && 'Weight' in v);
    return validators.length === value.length ? 0.95 : validators.length > 0 ? 0.6 : 0;
  },
  build(doc: ParsedDocument) {
    const list = doc.value as unknown[];
    const owners: { address: Address; index: number }[] = [];
    for (const [index, item] of list.entries()) {
      const raw = isRecord(item) ? item.ChangeOwnerAddr : undefined;
      if (typeof raw !== 'string' || raw.trim() === '') continue;
      const address = parseAddress(raw.trim().replace(/^[XPC]-/, ''));
      if (address) owners.push({ address: { ...address, raw: raw.trim() }, index });
      else owners.push({ address: namedParty(raw), index: -1 - index });
    }
    const hrps = [...new Set(owners.map((o) => /^(?:[xpc]-)?([a-z]+)1/.exec(o.address.raw.toLowerCase())?.[1]).filter((h): h is string => h !== undefined && h in HRP_NETWORK))];
    const byHrp = hrps.length === 1 ? HRP_NETWORK[hrps[0]] : undefined;
    const builder = new ModelBuilder(doc, {
      framework: 'avalanche-l1',
      network: byHrp?.network ?? UNKNOWN_NETWORK.network,
      networkReason: byHrp ? `its P-Chain addresses carry the "${hrps[0]}" prefix of ${byHrp.name}` : UNKNOWN_NETWORK.reason,
    });

    const entries: Distribution['entries'] = [];
    const byOwner: Distribution['entries'] = [];
    list.forEach((item, i) => {
      if (!isRecord(item)) {
        builder.problem([i], `Each bootstrap validator should be an object, but it is ${describeType(item)}.`);
        return;
      }
      if (typeof item.NodeID !== 'string' || !/^NodeID-[1-9A-HJ-NP-Za-km-z]+$/.test(item.NodeID)) {
        builder.problem([i, 'NodeID'], `NodeID should be "NodeID-…", but it is ${describeType(item.NodeID)}.`);
        return;
      }
      const weight = bigAmount(item.Weight);
      if (weight === undefined) {
        builder.problem([i, 'Weight'], `Weight should be a whole number, but it is ${describeType(item.Weight)}.`);
        return;
      }
      if (typeof item.ChangeOwnerAddr === 'string' && item.ChangeOwnerAddr.trim() !== '' && owners.some((o) => o.index === -1 - i)) {
        builder.problem([i, 'ChangeOwnerAddr'], `ChangeOwnerAddr should be a P-Chain address such as "P-avax1…", but "${item.ChangeOwnerAddr.slice(0, 80)}" is not one.`);
      }
      const node = nodeParty(item.NodeID);
      entries.push({ holder: node, amount: weight.toString(), at: builder.origin([i, 'NodeID']) });
      const owner = owners.find((o) => o.index === i);
      byOwner.push(owner ? { holder: owner.address, amount: weight.toString(), at: builder.origin([i, 'ChangeOwnerAddr']) } : { holder: node, amount: weight.toString(), at: builder.origin([i, 'NodeID']) });
    });

    if (entries.length > 0) {
      builder.model.distributions.push({ kind: 'voting-power', title: 'bootstrap validator weight', entries, at: builder.origin([]) });
      // Validators whose balance returns to one P-Chain owner are counted as one party, the way
      // Nakaflow counts stake by controlling entity; only when that merges some of them.
      const counted = new Map<string, number>();
      for (const entry of byOwner) counted.set(entry.holder.key, (counted.get(entry.holder.key) ?? 0) + 1);
      if ([...counted.values()].some((n) => n > 1)) {
        builder.model.distributions.push({
          kind: 'voting-power',
          title: 'bootstrap validator weight, counting validators that share a P-Chain owner (ChangeOwnerAddr) as one party',
          entries: byOwner,
          at: builder.origin([]),
        });
      }
    }
    return { model: builder.model, problems: builder.problems };
  },
};

/**
 * A validator named by its NodeID. Its raw form is shortened here ("NodeID-FtB7…upi3"), since
 * messages shorten a long name to its first six characters, which for a NodeID say nothing.
 */
function nodeParty(nodeId: string): Address {
  const id = nodeId.trim();
  return { ...namedParty(id), raw: id.length > 20 ? `${id.slice(0, 11)}…${id.slice(-4)}` : id };
}
