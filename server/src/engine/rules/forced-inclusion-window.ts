import { THRESHOLDS, type ThresholdId } from '../data/thresholds';
import { durationAdjective, formatDuration } from '../model/duration';
import { cite } from './phrases';
import { firstClause, fitRow, withField, withoutAsides } from './one-row';
import { delayValue } from './short-exit-window';
import type { Rule } from './types';

export const forcedInclusionWindow: Rule = {
  meta: {
    id: 'forced-inclusion-window',
    title: 'The forced-inclusion window is outside the standard',
    severity: 'warning',
    category: 'delays',
    description: 'The time after which users can force a transaction past the sequencer is missing, long enough to swallow the 7-day exit window, or (outside devnets) different from the framework standard.',
    rationale:
      'Forced inclusion is how users escape a censoring or absent sequencer: they submit on the parent chain, and the sequencer must include it within the window. L2BEAT\'s Stage 1 requires that users can exit without the operators\' cooperation, and its rosette scores "no mechanism" as bad. The OP Stack standard sequencing window is 3600 L1 blocks (12 hours); higher values let the sequencer censor for longer. A window of 7 days or more, or none at all, consumes the whole Stage 1 exit window.',
    remediation: 'Restore the framework\'s standard window (OP Stack: sequencerWindowSize / seq_window_size = 3600). The quick fix writes the standard value in the field\'s own unit.',
    sources: ['opStandardParams', 'opConfigurability', 'l2beatStages', 'l2beatRiskView'],
    thresholds: ['opSequencerWindow', 'forcedInclusionMax'],
    stage: 1,
    fixable: true,
  },
  *check({ model, entities }) {
    for (const delay of model.delays) {
      if (delay.kind !== 'forced-inclusion') continue;
      const max = THRESHOLDS.forcedInclusionMax.value;
      const standard = delay.standard ? THRESHOLDS[delay.standard as ThresholdId] : undefined;
      const standardSeconds = standard ? (standard.unit === 'blocks' ? standard.value * (delay.blockSeconds ?? THRESHOLDS.ethereumBlockTime.value) : standard.value) : undefined;
      const fixes = standardSeconds !== undefined && delay.seconds !== null ? [{ title: `Restore the standard ${delay.title} (${formatDuration(standardSeconds)})`, changes: 'security-parameter' as const, edits: [{ at: delay.at, value: delayValue(delay, standardSeconds) }] }] : [];
      if (delay.seconds === null) {
        const detail = 'If the sequencer censors or stops, users cannot get a transaction or withdrawal in. L2BEAT Stage 1 requires that users can exit without the operators; add a forced-inclusion mechanism.';
        const sequencers = [...new Set(model.grants.filter((g) => g.powers.includes('sequence')).map((g) => entities.label(entities.entityOf(g.holder))))];
        const sequencer = sequencers.length === 1 ? `the sequencer ${sequencers[0]}` : 'the sequencer';
        const none = (path: string) => `There is no forced-inclusion path (${path}): only ${sequencer} decides what gets in.`;
        yield {
          at: delay.at,
          severity: 'error',
          ...fitRow([
            [none(delay.title), detail],
            [none(withField(firstClause(delay.title), delay.at, 'comma')), `The path: ${delay.title}. ${detail}`],
            [none(withField(withoutAsides(firstClause(delay.title)), delay.at, 'comma')), `The path: ${delay.title}. ${detail}`],
          ]),
        };
        continue;
      }
      if (delay.seconds >= max) {
        yield {
          at: delay.at,
          severity: 'error',
          fixes,
          message: `The ${delay.title} is ${formatDuration(delay.seconds)}: a sequencer can censor users for that long.`,
          detail: `That swallows the ${durationAdjective(max)} exit window that L2BEAT Stage 1 requires. ${standardSeconds !== undefined ? `Restore the standard ${formatDuration(standardSeconds)}.` : 'Shorten it well below 7 days.'}`,
        };
        continue;
      }
      if (!standard || standardSeconds === undefined || delay.seconds === standardSeconds || model.chain.network === 'devnet') continue;
      const longer = delay.seconds > standardSeconds;
      const standardText = standard.unit === 'blocks' ? `${standard.value} L1 blocks (${formatDuration(standardSeconds)})` : formatDuration(standardSeconds);
      const valueText = delay.unit === 'blocks' && delay.blockSeconds ? `${Math.round(delay.seconds / delay.blockSeconds)} blocks (${formatDuration(delay.seconds)})` : formatDuration(delay.seconds);
      yield {
        at: delay.at,
        fixes,
        message: `The ${delay.title} is ${valueText}, ${longer ? 'longer' : 'shorter'} than the standard ${standardText}.`,
        detail: longer
          ? `The sequencer can delay users' forced transactions for that long (${cite(standard.source)}). Restore the standard value.`
          : `A sequencer outage that long reorgs the chain's unsafe blocks, and tooling that assumes the standard misjudges safety (${cite(standard.source)}). Restore the standard value.`,
      };
    }
  },
};
