import { THRESHOLDS } from '../data/thresholds';
import { percent } from '../metrics';
import { formatDuration } from '../model/duration';
import type { NumberSetting } from '../model/schema';
import { sharesByEntity } from './concentration';
import { byNetwork, cite } from './phrases';
import { nameAt, standardAt } from './settings';
import type { Rule } from './types';

export const stakingParams: Rule = {
  meta: {
    id: 'staking-params',
    title: 'Staking parameters let power concentrate or misbehaviour go unpunished',
    severity: 'warning',
    category: 'councils',
    description:
      'A proof-of-stake chain caps its active set below about 20 validators, slashes nothing for double signing or downtime, lets stake unbond before evidence of misbehaviour can be punished, or sets no minimum commission (a warning when one validator already dominates).',
    rationale:
      'Staking parameters decide how concentrated a validator set can become and what misbehaviour costs. A cap of a few validators means a handful of operators can halt the chain (more than 1/3 of voting power) or commit any block (more than 2/3). A zero slash fraction makes double signing, the attack BFT safety relies on punishing, free. Stake that finishes unbonding before CometBFT\'s 48-hour evidence window closes can leave before it is slashed. With no minimum commission, large operators can run at zero and draw still more delegation to themselves.',
    remediation:
      'Keep max_validators at a level that spreads power (the SDK default is 100), slash fractions above zero (defaults 5% for double signing, 1% for downtime), the unbonding time well above the evidence window (the SDK default is 21 days), and consider a minimum commission so that validators compete on service rather than on price. On devnets these are not checked.',
    sources: ['cosmosStakingParams', 'cosmosSlashingParams', 'cometbftParams', 'cometbftSpec'],
    thresholds: ['cosmosMaxValidatorsMin', 'evidenceMaxAge', 'haltingShare'],
    fixable: false,
  },
  *check({ model, entities }) {
    const network = model.chain.network;
    if (network === 'devnet') return;
    const severity = byNetwork(network, 'warning', 'info', 'info');
    const staking = model.staking;
    const admission = model.validatorSet?.admission ?? 'permissionless';

    for (const delay of model.delays) {
      if (delay.kind !== 'unbonding' || delay.seconds === null || delay.seconds >= THRESHOLDS.evidenceMaxAge.value) continue;
      yield {
        at: delay.at,
        severity,
        message: `The ${delay.title} is ${formatDuration(delay.seconds)}, shorter than the ${formatDuration(THRESHOLDS.evidenceMaxAge.value)} in which evidence of a double-sign is accepted.`,
        detail: `A validator can misbehave, unbond and leave before it is punished (${cite('cometbftParams')}). Keep unbonding well above the evidence window (the SDK default is 21 days).`,
      };
    }
    if (!staking || admission !== 'permissionless') return;

    const max = staking.maxValidators;
    const minimum = max && standardAt(model, max.at);
    if (max && minimum && max.value < minimum.value) {
      const n = max.value;
      yield {
        at: max.at,
        severity,
        message: `${nameAt(model, max.at, 'The validator cap')} is ${n}, so as few as ${Math.floor(n / 3) + 1} validators can halt the chain.`,
        detail: `At most ${n} validators are ever active, so as few as ${Math.floor(n / 3) + 1} of them can halt the chain and ${Math.floor((2 * n) / 3) + 1} can commit any block (${cite('cometbftSpec')}; ${cite(minimum.source)}). Raise it to at least ${minimum.value} (the SDK default is 100).`,
      };
    }

    const zero = (setting: NumberSetting | undefined) => setting !== undefined && setting.value === 0;
    if (zero(staking.slashFractionDoubleSign)) {
      yield {
        at: staking.slashFractionDoubleSign!.at,
        severity,
        message: `${nameAt(model, staking.slashFractionDoubleSign!.at, 'The double-sign slash fraction')} is 0, so a validator that signs two conflicting blocks loses nothing.`,
        detail: `Equivocation, the attack BFT safety relies on punishing, is free (${cite('cosmosSlashingParams')}; the SDK default is 5%). Set it above zero.`,
      };
    }
    if (zero(staking.slashFractionDowntime)) {
      yield {
        at: staking.slashFractionDowntime!.at,
        severity: 'info',
        message: `${nameAt(model, staking.slashFractionDowntime!.at, 'The downtime slash fraction')} is 0, so a validator that stops signing is jailed but loses no stake.`,
        detail: `Going offline, alone or together with others to halt the chain, costs nothing (${cite('cosmosSlashingParams')}; the SDK default is 1%). Consider a small downtime slash.`,
      };
    }

    if (zero(staking.minCommissionRate)) {
      const power = model.distributions.find((d) => d.kind === 'voting-power') ?? model.distributions.find((d) => d.kind === 'stake');
      const shares = power && sharesByEntity(power, entities);
      const top = shares?.holders.at(0);
      if (power && shares && top && shares.metrics.topShare > THRESHOLDS.haltingShare.value) {
        const who = entities.label(top.entity);
        yield {
          at: staking.minCommissionRate!.at,
          severity,
          subjects: top.entity.addressKeys,
          related: [{ at: top.at[0], message: `${who} holds ${percent(shares.metrics.topShare)} of the ${power.title}` }],
          message: `${nameAt(model, staking.minCommissionRate!.at, 'The minimum commission')} is 0 while ${who} already holds ${percent(shares.metrics.topShare)} of the ${power.title}.`,
          detail: `That is more than the 1/3 that halts the chain: it can run at zero commission and draw still more delegation, and nothing in the parameters slows it (${cite('cosmosStakingParams')}). Set a minimum commission and spread the stake.`,
        };
      } else {
        yield {
          at: staking.minCommissionRate!.at,
          severity: 'info',
          message: `${nameAt(model, staking.minCommissionRate!.at, 'The minimum commission')} is 0, so large operators can undercut smaller ones and draw delegation to themselves.`,
          detail: `Validators may charge no commission (${cite('cosmosStakingParams')}). Consider a minimum commission so that validators compete on service rather than on price.`,
        };
      }
    }
  },
};
