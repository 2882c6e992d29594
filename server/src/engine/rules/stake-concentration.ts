import { THRESHOLDS } from '../data/thresholds';
import { percent, ratio } from '../metrics';
import { sharesByEntity } from './concentration';
import { consensusTerms } from './framework-terms';
import { byNetwork, cite, fitting, listOf, MESSAGE_TARGET } from './phrases';
import type { Rule } from './types';

export const stakeConcentration: Rule = {
  meta: {
    id: 'stake-concentration',
    title: 'Voting power is concentrated in a few validators',
    severity: 'warning',
    category: 'councils',
    description: 'One entity holds more than 1/3 (or 2/3) of the validators\' voting power, fewer than 4 entities together hold more than 1/3, or the set is highly concentrated (HHI above 1,800).',
    rationale:
      'In a BFT chain, more than 1/3 of voting power can stop agreement and more than 2/3 can decide it alone: in CometBFT that halts the chain or commits any block, in GRANDPA it stalls or forges finality, and on an Avalanche L1 it withholds or forges the 67% of weight that cross-chain Warp messages need. The Nakamoto coefficient counts the fewest entities that reach those shares; Chokepoint sums validators by controlling entity, as Nakaflow does, so two validators run by one operator count once. A single validator, or one holding a third, is a chain one party can stop; HHI above 1,800 is what competition authorities call highly concentrated.',
    remediation: 'Spread the genesis stake over more independent validators (more gentxs, smaller self-delegations), cap voting power per validator, or delegate to new operators before launch. Declare validators run by one operator as one entity so the count is honest.',
    sources: ['cometbftSpec', 'polkadotConsensus', 'avalancheWarpQuorum', 'pbft', 'nakaflow', 'dojMergerGuidelines', 'nakamotoPackage'],
    thresholds: ['haltingShare', 'safetyShare', 'nakamotoMin', 'hhiHighlyConcentrated'],
    fixable: false,
  },
  *check({ model, entities, frameworkOf }) {
    for (const distribution of model.distributions) {
      if (distribution.kind === 'supply') continue;
      const terms = consensusTerms(frameworkOf(distribution.at));
      const { holders, metrics } = sharesByEntity(distribution, entities);
      const top = holders.at(0);
      if (!top) continue;
      const who = entities.label(top.entity);
      const figures = `Nakamoto coefficient ${metrics.nakamotoHalt} to halt and ${metrics.nakamotoSafety} to take over, HHI ${metrics.hhi}, Gini ${metrics.gini.toFixed(2)}`;
      const related = holders.top(4).slice(1).map((h) => ({ at: h.at[0], message: `${entities.label(h.entity)}: ${percent(ratio(h.amount, metrics.total))} of the ${distribution.title}` }));
      const base = { at: top.at[0], subjects: top.entity.addressKeys, related };
      const severe = byNetwork(model.chain.network, 'error', 'warning', 'info');
      const said = (detail: string, ...wordings: ((title: string) => string)[]) => worded(distribution.title, detail, wordings);
      // topShare is a rounded double; the Nakamoto counts compare BigInts, so a share beyond 1/3 (or 2/3) by 1 in 10^30 still is.
      if (holders.length === 1) {
        yield { ...base, severity: severe, ...said(`One party can ${terms.halt} and ${terms.commit} (${cite(terms.source)}). Add independent validators before launch.`, (title) => `${who} holds all of the ${title}.`) };
      } else if (metrics.topShare > THRESHOLDS.safetyShare.value || metrics.nakamotoSafety === 1) {
        yield { ...base, severity: severe, ...said(`On its own it can ${terms.commit} (${cite(terms.source)}; ${figures}). Spread the stake so no one holds a third.`, (title) => `${who} holds ${percent(metrics.topShare)} of the ${title}, more than 2/3.`) };
      } else if (metrics.topShare > THRESHOLDS.haltingShare.value || metrics.nakamotoHalt === 1) {
        yield { ...base, severity: severe, ...said(`On its own it can ${terms.halt} (${cite(terms.source)}; ${figures}). Spread the stake so no one holds a third.`, (title) => `${who} holds ${percent(metrics.topShare)} of the ${title}, more than 1/3.`) };
      } else if (metrics.nakamotoHalt < THRESHOLDS.nakamotoMin.value) {
        const few = listOf(holders.top(metrics.nakamotoHalt).map((h) => entities.label(h.entity)));
        yield {
          ...base,
          ...said(
            `Together ${few} can ${terms.halt} (${cite('nakaflow')}; ${figures}). Bring in more independent validators.`,
            (title) => `Only ${metrics.nakamotoHalt} entities (${few}) together hold more than 1/3 of the ${title}.`,
            (title) => `Only ${metrics.nakamotoHalt} entities, the largest ${who}, together hold more than 1/3 of the ${title}.`,
          ),
        };
      } else if (metrics.hhi > THRESHOLDS.hhiHighlyConcentrated.value) {
        yield {
          ...base,
          ...said(
            `An HHI above ${THRESHOLDS.hhiHighlyConcentrated.value} is highly concentrated (${cite('dojMergerGuidelines')}; ${figures}). Spread the stake more evenly.`,
            (title) => `The ${title} is highly concentrated (HHI ${metrics.hhi}); the largest holder, ${who}, has ${percent(metrics.topShare)}.`,
          ),
        };
      }
    }
  },
};

/**
 * The first wording that fits one Problems row, with the distribution's full title, else with the
 * title up to its first comma ("bootstrap validator weight, counting validators that share …"),
 * which the detail then gives in full.
 */
function worded(title: string, detail: string, wordings: ((title: string) => string)[]): { message: string; detail: string } {
  const full = wordings.map((w) => w(title));
  const fits = full.find((m) => m.length <= MESSAGE_TARGET);
  const brief = title.split(', ')[0];
  if (fits || brief === title) return { message: fits ?? full[full.length - 1], detail };
  return { message: fitting(...wordings.map((w) => w(brief))), detail: `Shares are of the ${title}. ${detail}` };
}
