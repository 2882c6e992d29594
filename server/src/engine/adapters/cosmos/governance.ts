import type { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Delay, Governance, NumberSetting, Parameter, Staking } from '../../model/schema';
import type { Path } from '../../parse';
import { amountOf, firstCoin, readDuration } from './read';

const APP: Path = ['app_state'];

/**
 * x/gov across SDK generations: v0.47+ keeps everything in `gov.params` (v0.50 adds the expedited
 * and burn fields); v0.40–v0.46 split it into `deposit_params`, `voting_params` and `tally_params`,
 * which v0.33–v0.39 share, with durations in nanoseconds and, in v0.33, `veto` for the veto threshold.
 */
export function readGovernance(builder: ModelBuilder, bondDenom: string | undefined): void {
  const gov = builder.get([...APP, 'gov']);
  if (!isRecord(gov)) return;
  const base = [...APP, 'gov'];
  const modern = isRecord(gov.params);
  const at = (group: 'deposit_params' | 'voting_params' | 'tally_params', field: string): Path => (modern ? [...base, 'params', field] : [...base, group, field]);
  const governance: Governance = { at: builder.origin(modern ? [...base, 'params'] : base) };

  const ratio = (path: Path, title: string, governs: string, standard?: string): NumberSetting | undefined => {
    const value = builder.number(path, title);
    if (value === undefined) return undefined;
    builder.parameter(path, { id: String(path[path.length - 1]), title, governs, unit: 'ratio', standard });
    return { value, at: builder.origin(path) };
  };
  governance.quorum = ratio(at('tally_params', 'quorum'), 'Governance quorum', 'the share of bonded voting power that must vote for a proposal\'s result to count; whoever holds that much alone can pass proposals no one else votes on', 'cosmosQuorum');
  governance.threshold = ratio(at('tally_params', 'threshold'), 'Governance pass threshold', 'the share of Yes among Yes, No and NoWithVeto votes that passes a proposal', 'cosmosThreshold');
  const vetoPath = !modern && isRecord(gov.tally_params) && !('veto_threshold' in gov.tally_params) && 'veto' in gov.tally_params ? [...base, 'tally_params', 'veto'] : at('tally_params', 'veto_threshold');
  governance.vetoThreshold = ratio(vetoPath, 'Governance veto threshold', 'the share of NoWithVeto votes that rejects a proposal whatever the Yes votes, the minority\'s protection against a majority', 'cosmosVetoThreshold');
  governance.expeditedQuorum = ratio(at('tally_params', 'expedited_quorum'), 'Expedited quorum', 'the quorum of expedited proposals');
  governance.expeditedThreshold = ratio(at('tally_params', 'expedited_threshold'), 'Expedited pass threshold', 'the share of Yes votes that passes an expedited proposal');

  const depositPath = at('deposit_params', 'min_deposit');
  const deposits = builder.get(depositPath);
  if (deposits !== undefined && deposits !== null) {
    if (!Array.isArray(deposits)) builder.problem(depositPath, 'The minimum deposit should be a list of coins such as [{"denom": "stake", "amount": "10000000"}].');
    else {
      const amount = bondDenom === undefined ? undefined : amountOf(deposits, bondDenom);
      const coin = amount !== undefined ? { denom: bondDenom!, amount } : firstCoin(deposits);
      if (coin) governance.minDeposit = { ...coin, at: builder.origin(depositPath) };
    }
  }

  const veto = builder.boolean([...base, 'params', 'burn_vote_veto'], 'burn_vote_veto');
  if (veto !== undefined) governance.burnVoteVeto = { value: veto, at: builder.origin([...base, 'params', 'burn_vote_veto']) };
  for (const field of ['burn_vote_veto', 'burn_vote_quorum', 'burn_proposal_deposit_prevote'] as const) {
    builder.parameter([...base, 'params', field], { id: field, title: field, governs: BURN[field], unit: 'enum' });
  }

  period(builder, at('voting_params', 'voting_period'), { kind: 'voting-period', title: 'governance voting period', standard: 'cosmosVotingPeriod' }, 'how long holders have to vote on a proposal; short periods favour insiders who are watching');
  period(builder, at('deposit_params', 'max_deposit_period'), { kind: 'deposit-period', title: 'governance deposit period', standard: 'cosmosVotingPeriod' }, 'how long a proposal may gather its minimum deposit before it is dropped');
  period(builder, at('voting_params', 'expedited_voting_period'), { kind: 'expedited-voting-period', title: 'expedited voting period', standard: 'cosmosExpeditedVotingPeriod' }, 'how long holders have to vote on an expedited proposal');

  if (hasSettings(governance)) builder.model.governance = governance;
}

const BURN: Record<string, string> = {
  burn_vote_veto: 'whether the deposit of a vetoed proposal is burned (SDK default true); without it, hostile or spam proposals cost nothing',
  burn_vote_quorum: 'whether the deposit of a proposal that misses quorum is burned (SDK default false)',
  burn_proposal_deposit_prevote: 'whether the deposit of a proposal that never reaches voting is burned (SDK default false)',
};

function period(builder: ModelBuilder, path: Path, spec: Pick<Delay, 'kind' | 'title' | 'standard'>, governs: string): void {
  const seconds = readDuration(builder, path, `The ${spec.title}`);
  if (seconds === undefined) return;
  builder.delay(path, { ...spec, unit: 'duration' }, seconds);
  builder.parameter(path, { id: String(path[path.length - 1]), title: capitalize(spec.title), governs, standard: spec.standard });
}

/** x/staking and x/slashing parameters, and x/ccvconsumer's unbonding period on consumer chains. */
export function readStaking(builder: ModelBuilder): string | undefined {
  const params = [...APP, 'staking', 'params'];
  const slashing = [...APP, 'slashing', 'params'];
  const staking: Staking = { at: builder.origin(isRecord(builder.get(params)) ? params : [...APP, 'staking']) };
  const bondDenom = builder.get([...params, 'bond_denom']);
  if (typeof bondDenom === 'string' && bondDenom !== '') staking.bondDenom = bondDenom;

  const setting = (path: Path, title: string, governs: string, unit: Parameter['unit'], standard?: string): NumberSetting | undefined => {
    const value = builder.number(path, title);
    if (value === undefined) return undefined;
    builder.parameter(path, { id: String(path[path.length - 1]), title, governs, unit, standard });
    return { value, at: builder.origin(path) };
  };
  staking.maxValidators = setting([...params, 'max_validators'], 'Maximum validators', 'how many validators make up the active set; a small cap concentrates voting power in few hands', 'count', 'cosmosMaxValidatorsMin');
  staking.minCommissionRate = setting([...params, 'min_commission_rate'], 'Minimum commission rate', 'the lowest commission a validator may charge; at 0 a large operator can undercut everyone to attract delegations', 'ratio');
  staking.slashFractionDoubleSign = setting([...slashing, 'slash_fraction_double_sign'], 'Double-sign slash fraction', 'the share of stake burned when a validator signs two blocks at one height; 0 makes equivocation free', 'ratio');
  staking.slashFractionDowntime = setting([...slashing, 'slash_fraction_downtime'], 'Downtime slash fraction', 'the share of stake burned when a validator misses too many blocks', 'ratio');

  const unbonding = [...params, 'unbonding_time'];
  const seconds = readDuration(builder, unbonding, 'The unbonding time');
  if (seconds !== undefined) {
    builder.delay(unbonding, { kind: 'unbonding', title: 'unbonding time', unit: 'duration', standard: 'cosmosUnbondingTime' }, seconds);
    builder.parameter(unbonding, { id: 'unbonding_time', title: 'Unbonding time', governs: 'how long stake stays slashable after it leaves a validator; evidence of misbehaviour older than this can no longer be punished', standard: 'cosmosUnbondingTime' });
  }
  const consumer = [...APP, 'ccvconsumer', 'params', 'unbonding_period'];
  const consumerSeconds = readDuration(builder, consumer, 'The consumer unbonding period');
  if (consumerSeconds !== undefined) {
    builder.delay(consumer, { kind: 'unbonding', title: 'consumer unbonding period', unit: 'duration' }, consumerSeconds);
    builder.parameter(consumer, { id: 'unbonding_period', title: 'Consumer unbonding period', governs: 'how long stake stays slashable on this consumer chain for misbehaviour here; it should be shorter than the provider\'s' });
  }
  builder.parameter([...APP, 'ccvconsumer', 'params', 'consumer_redistribution_fraction'], { id: 'consumer_redistribution_fraction', title: 'Consumer redistribution fraction', governs: 'the share of this chain\'s fees and rewards kept on the consumer; the rest pays the provider\'s validators for security', unit: 'ratio' });

  if (hasSettings(staking)) builder.model.staking = staking;
  return staking.bondDenom;
}

/** Something besides `at` was read; unset fields are dropped so the model carries no `undefined`. */
function hasSettings(section: Record<string, unknown>): boolean {
  for (const key of Object.keys(section)) if (section[key] === undefined) delete section[key];
  return Object.keys(section).some((key) => key !== 'at');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
