import { THRESHOLDS } from '../data/thresholds';
import { percent } from '../metrics';
import { shortAddress } from '../model/address';
import { sharesByEntity } from './concentration';
import { consensusTerms } from './framework-terms';
import { byNetwork, cite, fitting } from './phrases';
import type { Rule } from './types';

export const supplyConcentration: Rule = {
  meta: {
    id: 'supply-concentration',
    title: 'The genesis supply is concentrated',
    severity: 'warning',
    category: 'councils',
    description: 'One entity holds more than 1/3 of the genesis token supply.',
    rationale:
      'Whoever holds the token votes with it. Where validators bond the token (Cosmos SDK, Substrate NPoS), a holder of more than a third of the supply can, once staked, stop the chain\'s consensus and meet a typical governance quorum alone; vesting does not prevent delegation in most stacks. Where it is not bonded (an EVM gas token, an allocation), it still outvotes everyone else in any vote weighted by it and moves its market alone: token ownership is one of the subsystems whose Nakamoto coefficient Srinivasan and Lee measure. The distribution at genesis is where such a position is created, so it is where a reviewer should see it.',
    remediation: 'Spread the allocation, move large allocations to a governance-controlled treasury or a vesting contract that cannot vote, or document why the concentration is temporary. Declare addresses of one holder as one entity so the share is honest.',
    sources: ['cometbftSpec', 'polkadotConsensus', 'pbft', 'quantifyingDecentralization', 'nakaflow', 'dojMergerGuidelines'],
    thresholds: ['haltingShare'],
    fixable: false,
  },
  *check({ model, entities, frameworkOf }) {
    for (const distribution of model.distributions) {
      if (distribution.kind !== 'supply') continue;
      const { holders, metrics } = sharesByEntity(distribution, entities);
      const top = holders.at(0);
      if (!top || metrics.topShare <= THRESHOLDS.haltingShare.value) continue;
      const terms = consensusTerms(frameworkOf(distribution.at));
      const why = distribution.voucher
        ? `It is a voucher for a token issued on another chain, whose supply and votes are that chain's, so here it only moves this chain's market for it (${cite('quantifyingDecentralization')}`
        : distribution.bonded
          ? `Once staked, that is more than the 1/3 that can ${terms.halt}, and enough to meet a governance quorum alone (${cite(terms.source)}`
          : `That is enough to outvote everyone else in any vote weighted by the token and to move its market alone (${cite('quantifyingDecentralization')}`;
      const holds = (title: string) => `${entities.label(top.entity)} holds ${percent(metrics.topShare)} of the ${title}.`;
      const { denom } = distribution;
      // An IBC denom (ibc/ and 64 hex digits) is too long for one row: the message shortens it and the detail gives it.
      const message = fitting(holds(distribution.title), holds(denom ? distribution.title.replace(denom, shortAddress(denom)) : distribution.title));
      const denomNamed = denom && !message.includes(denom) ? `The denom is ${denom}. ` : '';
      yield {
        at: top.at[0],
        severity: distribution.voucher ? 'info' : byNetwork(model.chain.network, 'warning', 'warning', 'info'),
        subjects: top.entity.addressKeys,
        message,
        detail: `${denomNamed}${why}; ${holders.length} holders, Gini ${metrics.gini.toFixed(2)}). Spread it, or keep it in a treasury that cannot vote.`,
      };
    }
  },
};
