import type { SourceId } from './sources';

/**
 * Every number a rule compares against, with where it comes from. Rules import these and never
 * write a threshold inline, so a reviewer can check all of them in one place.
 */
export interface Threshold {
  value: number;
  unit: 'seconds' | 'blocks' | 'count' | 'ratio';
  source: SourceId;
  note: string;
}

const DAY = 86_400;

export const THRESHOLDS = {
  stage1ExitWindow: {
    value: 7 * DAY,
    unit: 'seconds',
    source: 'l2beatStages',
    note: 'Stage 1: users have at least 7 days to exit before an upgrade by anyone less trusted than a properly set-up Security Council (usersHave7DaysToExit).',
  },
  stage2ExitWindow: {
    value: 30 * DAY,
    unit: 'seconds',
    source: 'l2beatStages',
    note: 'Stage 2: at least 30 days to exit before upgrades that are not tied to provable bugs (delayWith30DExitWindow).',
  },
  councilMinSigners: {
    value: 8,
    unit: 'count',
    source: 'vitalikStages',
    note: 'A Security Council needs at least 8 members (Stage 1, "at least 6-of-8").',
  },
  councilMinThreshold: {
    value: 0.75,
    unit: 'ratio',
    source: 'l2beatStages',
    note: 'Stage 1: compromising the Security Council must take at least 75% of its members.',
  },
  proofMinOutsideChallengers: {
    value: 5,
    unit: 'count',
    source: 'l2beatStages',
    note: 'At least 5 external actors can submit fraud proofs (fraudProofSystemAtLeast5Outsiders).',
  },
  opSequencerWindow: {
    value: 3_600,
    unit: 'blocks',
    source: 'opStandardParams',
    note: 'OP Stack standard sequencing window: 3600 L1 blocks (12 hours); higher values delay forced inclusion.',
  },
  ethereumBlockTime: {
    value: 12,
    unit: 'seconds',
    source: 'opConfigurability',
    note: 'Ethereum L1 slot time, used to turn L1 block counts into durations.',
  },
  forcedInclusionMax: {
    value: 7 * DAY,
    unit: 'seconds',
    source: 'l2beatStages',
    note: 'A forced-inclusion delay this long consumes the whole Stage 1 exit window (usersCanExitWithoutCooperation).',
  },
  opProofMaturityDelay: {
    value: 7 * DAY,
    unit: 'seconds',
    source: 'opStandardParams',
    note: 'OP Stack standard proof maturity delay: 604800 s (7 days).',
  },
} satisfies Record<string, Threshold>;

export type ThresholdId = keyof typeof THRESHOLDS;
