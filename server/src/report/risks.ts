import { settlesOnParent } from '../engine/chain-kind';
import { THRESHOLDS } from '../engine/data/thresholds';
import type { EntityIndex } from '../engine/entities';
import { formatDuration } from '../engine/model/duration';
import type { AuthorityModel, Committee, Dependency, Origin } from '../engine/model/schema';
import { listOf } from '../engine/rules/phrases';
import { exitWindows, upgradeDelay, withdrawalDelay } from '../engine/rules/exit-window';
import type { Holder } from '../engine/rules/types';
import type { ReportOrigin, RiskId, RiskView, Sentiment } from './types';

type Place = (origin: Origin) => ReportOrigin;
type Risk = Omit<RiskView, 'id' | 'title' | 'origin'> & { at?: Origin };

const TITLES: Record<RiskId, string> = {
  'state-validation': 'State validation',
  'data-availability': 'Data availability',
  'exit-window': 'Exit window',
  'sequencer-failure': 'Sequencer failure',
  'proposer-failure': 'Proposer failure',
};

/** L2BEAT's five rosette risks, each scored from the model as L2BEAT's risk view scores it. */
export function risksOf(model: AuthorityModel, entities: EntityIndex, holders: Holder[], place: Place): RiskView[] {
  const rollup = settlesOnParent(model);
  const label = (holder: Holder) => entities.label(holder.entity);
  const risks: Record<RiskId, Risk> = rollup
    ? {
        'state-validation': stateValidation(model, entities),
        'data-availability': dataAvailability(model),
        'exit-window': exitWindow(model, entities, holders, label),
        'sequencer-failure': sequencerFailure(model),
        'proposer-failure': proposerFailure(model, entities),
      }
    : {
        'state-validation': notRollup('the chain\'s own validators check every block; there is no parent chain to prove its state to.'),
        'data-availability': model.dependencies.some((d) => d.kind === 'data-availability') ? dataAvailability(model) : notRollup('the chain\'s own nodes keep its data.'),
        'exit-window': notRollup('users have no parent chain to exit to, so upgrades are decided by the chain\'s own governance.'),
        'sequencer-failure': notRollup('the chain\'s own validators produce its blocks.'),
        'proposer-failure': notRollup('no one proposes the chain\'s state to a parent chain.'),
      };
  return (Object.keys(TITLES) as RiskId[]).map((id) => {
    const { at, ...risk } = risks[id];
    return { id, title: TITLES[id], ...risk, origin: at ? place(at) : undefined };
  });
}

function notRollup(why: string): Risk {
  return { sentiment: 'na', value: 'Not a rollup', reason: `Not a rollup: ${why}` };
}

function stateValidation(model: AuthorityModel, entities: EntityIndex): Risk {
  const proof = model.proofSystem;
  if (!proof) return { sentiment: 'bad', value: 'Not stated', reason: 'The configuration names no proof system, so nothing shows that a false state root can be challenged.' };
  const at = proof.at;
  switch (proof.kind) {
    case 'permissionless-fraud':
      return { sentiment: 'good', value: 'Fraud proofs', reason: `Anyone can challenge a false state root (${proof.title}).`, at };
    case 'validity':
      return { sentiment: 'good', value: 'Validity proofs', reason: `Validity proofs check every state root (${proof.title}).`, at };
    case 'none':
      return { sentiment: 'bad', value: 'None', reason: `There is no working proof system (${proof.title}): whoever proposes state decides what users can withdraw.`, at };
    case 'permissioned-fraud': {
      const challengers = partiesWith(model, entities, 'challenge');
      const enough = challengers.length >= THRESHOLDS.proofMinOutsideChallengers.value;
      const who = challengers.length === 0 ? 'whitelisted challengers' : `${challengers.length} whitelisted challenger${challengers.length === 1 ? '' : 's'} (${listOf(challengers)})`;
      return {
        sentiment: enough ? 'warning' : 'bad',
        value: 'Permissioned',
        reason: `Only ${who} can dispute a state root (${proof.title}); L2BEAT rates fewer than ${THRESHOLDS.proofMinOutsideChallengers.value} as bad.`,
        at,
      };
    }
  }
}

function dataAvailability(model: AuthorityModel): Risk {
  const layers = model.dependencies.filter((d) => d.kind === 'data-availability');
  if (layers.length === 0) return { sentiment: 'good', value: 'Parent chain', reason: 'No other data-availability layer is configured, so transaction data is posted to the parent chain.' };
  const scored = layers.map((d) => ({ d, ...daRisk(d) }));
  const worst = scored.sort((a, b) => RANK[b.sentiment] - RANK[a.sentiment])[0];
  return { sentiment: worst.sentiment, value: worst.value, reason: worst.reason, at: worst.d.committee?.at ?? worst.d.at };
}

function daRisk(dependency: Dependency): Omit<Risk, 'at'> {
  const committee = dependency.committee;
  if (committee) return dacRisk(dependency.name, committee);
  const who = dependency.provider ?? dependency.name;
  return { sentiment: 'warning', value: 'External', reason: `Transaction data is kept by ${who}, outside the parent chain: the chain's data is only as available as ${who} keeps it.` };
}

/** L2BEAT's committee sentiment: bad under 6 members, over a third assumed honest, or under 5 external members; otherwise a warning. */
function dacRisk(name: string, committee: Committee): Omit<Risk, 'at'> {
  const { size, assumedHonest, external, placeholderKeys } = committee;
  const value = `DAC ${Math.max(0, size + 1 - assumedHonest)}-of-${size}`;
  const problems: string[] = [];
  if (size < THRESHOLDS.dacMinMembers.value) problems.push(`${size} member${size === 1 ? '' : 's'}`);
  if (size > 0 && assumedHonest / size > THRESHOLDS.dacMaxAssumedHonestShare.value) problems.push(`${assumedHonest} of ${size} assumed honest`);
  if (external !== undefined && external < THRESHOLDS.dacMinExternalMembers.value) problems.push(`${external} external`);
  if (placeholderKeys > 0) problems.push(`${placeholderKeys} placeholder key${placeholderKeys === 1 ? '' : 's'}`);
  if (problems.length > 0) return { sentiment: 'bad', value, reason: `Data sits with the committee ${name} (${listOf(problems)}), which can withhold it or certify data that was never published.` };
  return { sentiment: 'warning', value, reason: `Data sits with the committee ${name} rather than on the parent chain; enough colluding members could withhold it.` };
}

function exitWindow(model: AuthorityModel, entities: EntityIndex, holders: Holder[], label: (h: Holder) => string): Risk {
  const windows = exitWindows(holders, model, entities, false).sort((a, b) => a.window - b.window);
  const upgraders = holders.filter((h) => h.grants.some((g) => g.powers.includes('upgrade')));
  if (upgraders.length === 0) return { sentiment: 'warning', value: 'Not stated', reason: 'The configuration does not say who can upgrade the contracts the chain settles through, so the exit window cannot be judged.' };
  const at = (holder: Holder) => holder.grants.find((g) => g.powers.includes('upgrade'))?.at;
  const undeclared = upgraders.filter((h) => !entities.isProperCouncil(h.entity) && upgradeDelay(h, model, false) === undefined);
  const bad = windows.length > 0 && windows[0].window < THRESHOLDS.stage1ExitWindow.value;
  if (undeclared.length > 0 && !bad) {
    const who = undeclared[0];
    const role = who.grants.find((g) => g.powers.includes('upgrade'))!.title;
    return { sentiment: 'bad', value: 'Not stated', reason: `${label(who)} (${role}) can upgrade, and nothing declares whether it is a single key or waits behind a timelock: until it is declared, users may have no time to exit (L2BEAT counts an unknown delay as none).`, at: at(who) };
  }
  if (windows.length === 0) {
    const council = upgraders[0];
    return { sentiment: 'warning', value: 'Council only', reason: `Only ${label(council)}, a properly set-up Security Council, can upgrade, and users cannot exit before its upgrades take effect.`, at: at(council) };
  }
  const { holder, delay, window } = windows[0];
  const withdrawal = withdrawalDelay(model);
  const sentiment: Sentiment = window < THRESHOLDS.stage1ExitWindow.value ? 'bad' : window < THRESHOLDS.stage2ExitWindow.value ? 'warning' : 'good';
  const left = window <= 0 ? 'no time at all to exit' : `${formatDuration(window)} to exit`;
  return {
    sentiment,
    value: window <= 0 ? 'None' : formatDuration(window),
    reason: `${label(holder)} can upgrade ${delay === 0 ? 'with no delay' : `after ${formatDuration(delay)}`}${withdrawal > 0 ? ` while withdrawals take ${formatDuration(withdrawal)}` : ''}, leaving users ${left}.`,
    at: at(holder),
  };
}

function sequencerFailure(model: AuthorityModel): Risk {
  const inclusion = model.delays.filter((d) => d.kind === 'forced-inclusion');
  if (inclusion.length === 0) return { sentiment: 'warning', value: 'Not stated', reason: 'The configuration does not say whether users can force their transactions in past the sequencer.' };
  const worst = [...inclusion].sort((a, b) => (b.seconds ?? Infinity) - (a.seconds ?? Infinity))[0];
  if (worst.seconds === null) return { sentiment: 'bad', value: 'No mechanism', reason: `There is no forced inclusion (${worst.title}): the sequencer can censor users for as long as it likes.`, at: worst.at };
  const after = formatDuration(worst.seconds);
  if (worst.seconds >= THRESHOLDS.forcedInclusionMax.value) {
    return { sentiment: 'warning', value: after, reason: `Users can force their transactions in through the parent chain, but only after ${after} (${worst.title}), beyond the ${formatDuration(THRESHOLDS.forcedInclusionMax.value)} L2BEAT allows.`, at: worst.at };
  }
  return { sentiment: 'good', value: after, reason: `If the sequencer censors or stops, users can force their transactions in through the parent chain after ${after} (${worst.title}).`, at: worst.at };
}

function proposerFailure(model: AuthorityModel, entities: EntityIndex): Risk {
  const proof = model.proofSystem;
  if (proof?.kind === 'permissionless-fraud') return { sentiment: 'good', value: 'Permissionless', reason: `Anyone can propose state roots (${proof.title}).`, at: proof.at };
  const escape = model.delays.find((d) => d.kind === 'self-propose' && d.seconds !== null);
  if (escape) return { sentiment: 'good', value: `Self-propose ${formatDuration(escape.seconds ?? 0)}`, reason: `If the permissioned proposers stop, anyone may propose after ${formatDuration(escape.seconds ?? 0)} (${escape.title}).`, at: escape.at };
  const proposers = partiesWith(model, entities, 'propose');
  const reason = proposers.length > 0
    ? `Only ${listOf(proposers)} can propose state: if ${proposers.length === 1 ? 'it stops' : 'they stop'}, withdrawals stop.`
    : 'Nothing in the configuration lets users propose state themselves, so withdrawals stop if the proposer does.';
  return { sentiment: 'bad', value: 'Cannot withdraw', reason, at: proof?.at ?? model.grants.find((g) => g.powers.includes('propose'))?.at };
}

function partiesWith(model: AuthorityModel, entities: EntityIndex, power: 'propose' | 'challenge'): string[] {
  return [...new Set(model.grants.filter((g) => g.powers.includes(power)).map((g) => entities.label(entities.entityOf(g.holder))))];
}

const RANK: Record<Sentiment, number> = { na: 0, good: 1, warning: 2, bad: 3 };
