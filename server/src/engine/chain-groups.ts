import type { Chain, Network } from './model/schema';
import { lookupTable } from './text/lookup';

/**
 * Groups the files of a folder into chains by the identity each file states (`Chain.identity`):
 * - files that share an id and conflict in none of their ids or traits are one chain;
 * - a file that describes several chains is a chain of its own;
 * - a file that states no id joins the one identified chain of its folder it is compatible with
 *   (same framework family, no conflicting trait, no conflicting network), or stays alone.
 * Links (a parachain's relay, a rollup's parent) are traits, never reasons to merge.
 */

/** Frameworks whose files describe one chain together. The AI-appchain manifest can describe a chain of any framework. */
const FAMILY = lookupTable<string>({
  'avalanche-subnet-evm': 'avalanche',
  'avalanche-l1': 'avalanche',
  'polygon-zkevm': 'polygon',
  'polygon-cdk': 'polygon',
});
const ANY_FAMILY = 'appchain-manifest';

const familyOf = (framework: string): string => FAMILY[framework] ?? framework;

interface Group {
  members: number[];
  family: string;
  /** Namespace → value, of every id and trait its files state. */
  facets: Map<string, string>;
  ids: Set<string>;
  network: Network;
  several: boolean;
}

function facetsOf(entries: string[]): [string, string][] {
  return entries.map((entry) => {
    const colon = entry.indexOf(':');
    return colon < 0 ? [entry, ''] : [entry.slice(0, colon), entry.slice(colon + 1)];
  });
}

function conflicts(group: Group, facets: [string, string][]): boolean {
  return facets.some(([namespace, value]) => group.facets.has(namespace) && group.facets.get(namespace) !== value);
}

function familiesMeet(a: string, b: string): boolean {
  return a === b || a === ANY_FAMILY || b === ANY_FAMILY;
}

function networksMeet(a: Network, b: Network): boolean {
  return a === b || a === 'unknown' || b === 'unknown';
}

function join(group: Group, index: number, chain: Chain): void {
  group.members.push(index);
  if (group.family === ANY_FAMILY) group.family = familyOf(chain.framework);
  for (const [namespace, value] of facetsOf([...(chain.identity?.ids ?? []), ...(chain.identity?.traits ?? [])])) group.facets.set(namespace, value);
  for (const id of chain.identity?.ids ?? []) group.ids.add(id);
  if (group.network === 'unknown') group.network = chain.network;
}

function newGroup(index: number, chain: Chain): Group {
  const group: Group = { members: [], family: familyOf(chain.framework), facets: new Map(), ids: new Set(), network: 'unknown', several: chain.identity?.several === true };
  join(group, index, chain);
  return group;
}

/** The chains among `chains` (one per file, in a stable order), as lists of their indexes, in order of their first file. */
export function groupByIdentity(chains: Chain[]): number[][] {
  const groups: Group[] = [];
  const anonymous: number[] = [];
  chains.forEach((chain, index) => {
    const identity = chain.identity;
    if (identity?.several) {
      groups.push(newGroup(index, chain));
      return;
    }
    if (!identity || identity.ids.length === 0) {
      anonymous.push(index);
      return;
    }
    const facets = facetsOf([...identity.ids, ...identity.traits]);
    const family = familyOf(chain.framework);
    const match = groups.find((g) => !g.several && familiesMeet(g.family, family) && identity.ids.some((id) => g.ids.has(id)) && !conflicts(g, facets));
    if (match) join(match, index, chain);
    else groups.push(newGroup(index, chain));
  });
  const identified = groups.slice();
  for (const index of anonymous) {
    const chain = chains[index];
    const facets = facetsOf(chain.identity?.traits ?? []);
    const family = familyOf(chain.framework);
    const candidates = identified.filter((g) => !g.several && familiesMeet(g.family, family) && networksMeet(g.network, chain.network) && !conflicts(g, facets));
    if (candidates.length === 1) join(candidates[0], index, chain);
    else groups.push(newGroup(index, chain));
  }
  return groups.map((g) => g.members.sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
}
