import { THRESHOLDS } from '../data/thresholds';
import { percent } from '../metrics';
import { durationAdjective, formatDuration } from '../model/duration';
import { isProduction, type AuthorityModel, type Delay } from '../model/schema';
import { sharesByEntity } from './concentration';
import { byNetwork, cite, fitting } from './phrases';
import { durationLike, nameAt, parameterAt, ratioLike, standardAt } from './settings';
import type { EntityIndex } from '../entities';
import type { Rule, RuleFinding } from './types';

/** A governance ratio as people write it: 0.334 → "33.4%", 0.5 → "50%". */
const pct = (value: number) => `${Number((value * 100).toFixed(1))}%`;

export const governanceCapture: Rule = {
  meta: {
    id: 'governance-capture',
    title: 'On-chain governance can be captured or rushed',
    severity: 'warning',
    category: 'councils',
    description:
      'One entity\'s voting power meets the governance quorum alone, the quorum or pass threshold is below the framework\'s default, the veto is disabled or vetoed deposits are refunded, or on a production chain the voting period is shorter than the default (a development value of seconds or minutes is an error).',
    rationale:
      'Token governance passes a proposal when enough bonded stake votes (the quorum) and enough of those votes say Yes (the threshold). Whoever holds the quorum on their own can pass any proposal that others do not turn out to vote down, so the largest holder\'s share of voting power must stay below it; the Cosmos SDK defaults to a 33.4% quorum, 50% threshold and 33.4% veto. The voting period is the time everyone else has to notice and vote: the SDK default is 2 days, and local-node scripts cut it to 30 seconds so test proposals pass at once, a value that must never reach a production genesis. A disabled veto removes the minority\'s protection, and refunding vetoed deposits makes hostile proposals free.',
    remediation:
      'Spread the genesis stake so that no entity reaches the quorum; keep the quorum, threshold and veto at least at the SDK defaults (0.334, 0.5, 0.334) with burn_vote_veto true; give votes at least 2 days (expedited votes at least a day). The quick fix restores the default in the field\'s own format.',
    sources: ['cosmosGovParams', 'cometbftSpec', 'ogEvmLocalNode'],
    thresholds: ['cosmosQuorum', 'cosmosThreshold', 'cosmosVetoThreshold', 'cosmosVotingPeriod', 'cosmosExpeditedVotingPeriod', 'devVotingPeriod'],
    fixable: true,
  },
  *check({ model, entities }) {
    yield* quorum(model, entities);
    yield* tally(model);
    for (const delay of model.delays) {
      if (delay.kind === 'voting-period' || delay.kind === 'expedited-voting-period') yield* period(model, delay);
    }
  },
};

function* quorum(model: AuthorityModel, entities: EntityIndex): Iterable<RuleFinding> {
  const setting = model.governance?.quorum;
  if (!setting) return;
  const q = setting.value;
  const network = model.chain.network;
  const power = model.distributions.find((d) => d.kind === 'voting-power') ?? model.distributions.find((d) => d.kind === 'stake');
  if (power) {
    const { holders, metrics } = sharesByEntity(power, entities);
    const top = holders.at(0);
    if (top && metrics.topShare >= q) {
      const who = entities.label(top.entity);
      yield {
        at: setting.at,
        severity: byNetwork(network, 'warning', 'warning', 'info'),
        subjects: top.entity.addressKeys,
        related: [{ at: top.at[0], message: `${who} holds ${percent(metrics.topShare)} of the ${power.title}` }],
        message: `${who} holds ${percent(metrics.topShare)} of the ${power.title}, at least the ${pct(q)} governance quorum.`,
        detail: `It can meet the quorum alone and pass any proposal that others do not turn out to vote down (${cite('cosmosGovParams')}). Spread the stake so that no entity reaches the quorum.`,
      };
      return;
    }
  }
  const standard = standardAt(model, setting.at);
  if (!standard || q >= standard.value || network === 'devnet') return;
  const supply = model.distributions.find((d) => d.kind === 'supply');
  const low = `The governance quorum is ${pct(q)}, below the ${pct(standard.value)} default`;
  let message = `${low}, so one or two large holders decide for everyone who abstains.`;
  let holderClause = '';
  if (supply) {
    const { holders, metrics } = sharesByEntity(supply, entities);
    const largest = holders.at(0);
    if (largest && metrics.topShare >= q) {
      const holds = `${entities.label(largest.entity)} has ${percent(metrics.topShare)} of the ${supply.title}`;
      message = fitting(`${low}, and ${holds}.`, `${low}, less than ${entities.label(largest.entity)}'s ${percent(metrics.topShare)} of the genesis supply.`);
      holderClause = `; the largest genesis holder, ${holds}, enough to meet the quorum alone once staked`;
    }
  }
  yield {
    at: setting.at,
    severity: byNetwork(network, 'warning', 'info', 'info'),
    message,
    detail: `A proposal passes once ${pct(q)} of bonded stake votes, so one or two large holders decide for everyone who abstains (${cite(standard.source)})${holderClause}. Raise the quorum to at least ${pct(standard.value)}.`,
    fixes: [{ title: `Restore the ${pct(standard.value)} quorum`, changes: 'security-parameter' as const, edits: [{ at: setting.at, value: ratioLike(parameterAt(model, setting.at)?.value, standard.value) }] }],
  };
}

function* tally(model: AuthorityModel): Iterable<RuleFinding> {
  const governance = model.governance;
  if (!governance || model.chain.network === 'devnet') return;
  const severity = byNetwork(model.chain.network, 'warning', 'info', 'info');
  const threshold = governance.threshold;
  const thresholdStandard = threshold && standardAt(model, threshold.at);
  if (threshold && thresholdStandard && threshold.value < thresholdStandard.value) {
    yield {
      at: threshold.at,
      severity,
      message: `The governance pass threshold is ${pct(threshold.value)}, below the ${pct(thresholdStandard.value)} default, so a minority of those voting decides.`,
      detail: `A proposal passes without a majority of the votes cast (${cite(thresholdStandard.source)}). Raise the threshold to at least ${pct(thresholdStandard.value)}.`,
      fixes: [{ title: `Restore the ${pct(thresholdStandard.value)} pass threshold`, changes: 'security-parameter' as const, edits: [{ at: threshold.at, value: ratioLike(parameterAt(model, threshold.at)?.value, thresholdStandard.value) }] }],
    };
  }
  const veto = governance.vetoThreshold;
  if (veto && veto.value >= 1) {
    const standard = standardAt(model, veto.at);
    yield {
      at: veto.at,
      severity,
      message: `The governance veto threshold is ${pct(veto.value)}, which NoWithVeto votes can never exceed, so the veto is disabled.`,
      detail: `A minority can no longer block a proposal that harms it (${cite(standard?.source ?? 'cosmosGovParams')}). Restore the veto threshold${standard ? ` to ${pct(standard.value)}` : ''}.`,
      fixes: standard ? [{ title: `Restore the ${pct(standard.value)} veto threshold`, changes: 'security-parameter' as const, edits: [{ at: veto.at, value: ratioLike(parameterAt(model, veto.at)?.value, standard.value) }] }] : [],
    };
  }
  const burn = governance.burnVoteVeto;
  if (burn && burn.value === false && isProduction(model.chain.network)) {
    yield {
      at: burn.at,
      severity: 'info',
      message: `${nameAt(model, burn.at, 'Burning vetoed deposits')} is false, so the deposit of a vetoed proposal is refunded.`,
      detail: `Hostile and spam proposals cost their authors nothing (the SDK default is true; ${cite('cosmosGovParams')}). Set it to true.`,
      fixes: [{ title: 'Burn the deposits of vetoed proposals', changes: 'security-parameter' as const, edits: [{ at: burn.at, value: true }] }],
    };
  }
}

function* period(model: AuthorityModel, delay: Delay): Iterable<RuleFinding> {
  if (delay.seconds === null || !isProduction(model.chain.network)) return;
  const parameter = parameterAt(model, delay.at);
  const standardId = delay.standard ?? parameter?.standard;
  const standard = standardId && standardId in THRESHOLDS ? THRESHOLDS[standardId as keyof typeof THRESHOLDS] : undefined;
  const fixes = standard ? [{ title: `Restore the ${durationAdjective(standard.value)} ${delay.title}`, changes: 'security-parameter' as const, edits: [{ at: delay.at, value: durationLike(parameter?.value, standard.value) }] }] : [];
  if (delay.seconds < THRESHOLDS.devVotingPeriod.value) {
    yield {
      at: delay.at,
      severity: 'error',
      message: `The ${delay.title} is ${formatDuration(delay.seconds)}, a development value on a chain treated as production.`,
      detail: `That is the value of ${cite(THRESHOLDS.devVotingPeriod.source)}, and the chain is treated as production (${model.chain.networkReason}): a proposal passes before most holders can even see it. Restore ${standard ? `the ${durationAdjective(standard.value)} default` : 'a period of days'}.`,
      fixes,
    };
  } else if (standard && delay.kind === 'voting-period' && delay.seconds < standard.value) {
    yield {
      at: delay.at,
      message: `The ${delay.title} of ${formatDuration(delay.seconds)} is shorter than the ${durationAdjective(standard.value)} default.`,
      detail: `Holders who are not watching have little time to vote, which favours insiders who are (${cite(standard.source)}). Give votes at least ${formatDuration(standard.value)}.`,
      fixes,
    };
  }
}
