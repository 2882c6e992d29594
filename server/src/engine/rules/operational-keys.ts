import type { SourceId } from '../data/sources';
import type { Grant, Power } from '../model/schema';
import { familyOf, isRollupFamily } from './framework-terms';
import { listOf } from './phrases';
import type { Holder } from './types';

/**
 * Operational hot keys: the batcher, the unsafe block signer, a proposer, a batch poster, a block
 * author. A node signs with such a key as it runs, so one key is how the role works, not a weakness
 * to declare away; what it can do is order, propose or withhold, not change the chain.
 */

/** What an operator's node does with its key, in the words a message uses. */
const OPERATING: Partial<Record<Power, string>> = {
  sequence: 'order or withhold transactions',
  propose: 'propose state or fail to propose it',
  finalize: 'vote on finality or withhold its vote',
};

/**
 * A grant its holder exercises by running a node. A validator that may also challenge is still
 * one: it disputes a rival proposal by staking on its own, the same act as proposing. A role that
 * only challenges (a Challenger that can delete any proposal) overrides the proposers instead.
 */
export function isOperationalGrant(grant: Grant): boolean {
  const operates = grant.powers.some((p) => OPERATING[p] !== undefined);
  return operates && grant.powers.every((p) => OPERATING[p] !== undefined || (p === 'challenge' && grant.powers.includes('propose')));
}

export function isOperationalKey(holder: Holder): boolean {
  return holder.grants.every(isOperationalGrant);
}

/** "order or withhold transactions and propose state or fail to propose it" */
export function operatingVerbs(powers: Iterable<Power>): string {
  const list = [...powers];
  return listOf(list.flatMap((p) => (OPERATING[p] !== undefined ? [OPERATING[p]!] : p === 'challenge' ? ['dispute rival proposals'] : [])));
}

/**
 * What says what an operator's failure costs: L2BEAT's sequencer and proposer failure for a rollup,
 * the consensus for a chain's own validators. A collator's block authorship has no such source.
 */
export function operatorSource(framework: string, powers: readonly Power[]): SourceId | undefined {
  if (isRollupFamily(framework)) return 'l2beatRiskView';
  switch (familyOf(framework)) {
    case 'substrate':
      return powers.includes('finalize') ? 'polkadotConsensus' : undefined;
    case 'cosmos-sdk':
      return 'cometbftSpec';
    default:
      return undefined;
  }
}
