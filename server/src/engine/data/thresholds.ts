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
  verifiedMaxAge: {
    value: 30 * DAY,
    unit: 'seconds',
    source: 'chokepointVerify',
    note: 'Facts read on chain (chokepoint.lock.json, an L2BEAT snapshot) older than this are reported by stale-verification; `options: { maxAgeDays }` changes it.',
  },
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
  opDisputeGameFinalityDelay: {
    value: 302_400,
    unit: 'seconds',
    source: 'opStandardParams',
    note: 'OP Stack standard dispute game finality delay: 302400 s (3.5 days), the Guardian\'s window to blacklist a bad game.',
  },
  opMaxClockDuration: {
    value: 302_400,
    unit: 'seconds',
    source: 'opStandardParams',
    note: 'OP Stack standard max clock duration of a dispute game: 302400 s (3.5 days).',
  },
  haltingShare: {
    value: 1 / 3,
    unit: 'ratio',
    source: 'cometbftSpec',
    note: 'More than 1/3 of voting power can halt a BFT chain.',
  },
  safetyShare: {
    value: 2 / 3,
    unit: 'ratio',
    source: 'cometbftSpec',
    note: 'More than 2/3 of voting power can commit any block.',
  },
  nakamotoMin: {
    value: 4,
    unit: 'count',
    source: 'nakaflow',
    note: 'Fewer than 4 entities together holding more than 1/3 of stake can halt the chain.',
  },
  hhiHighlyConcentrated: {
    value: 1_800,
    unit: 'count',
    source: 'dojMergerGuidelines',
    note: 'A Herfindahl-Hirschman Index above 1,800 is highly concentrated.',
  },
  cosmosQuorum: {
    value: 0.334,
    unit: 'ratio',
    source: 'cosmosGovParams',
    note: 'Cosmos SDK default governance quorum.',
  },
  cosmosThreshold: {
    value: 0.5,
    unit: 'ratio',
    source: 'cosmosGovParams',
    note: 'Cosmos SDK default pass threshold (Yes over Yes+No+Veto).',
  },
  cosmosVetoThreshold: {
    value: 0.334,
    unit: 'ratio',
    source: 'cosmosGovParams',
    note: 'Cosmos SDK default veto threshold.',
  },
  cosmosVotingPeriod: {
    value: 2 * DAY,
    unit: 'seconds',
    source: 'cosmosGovParams',
    note: 'Cosmos SDK default voting and deposit period: 172800 s (2 days).',
  },
  cosmosExpeditedVotingPeriod: {
    value: DAY,
    unit: 'seconds',
    source: 'cosmosGovParams',
    note: 'Cosmos SDK default expedited voting period: 86400 s (1 day).',
  },
  cosmosUnbondingTime: {
    value: 21 * DAY,
    unit: 'seconds',
    source: 'cosmosStakingParams',
    note: 'Cosmos SDK default unbonding time: 1814400 s (21 days).',
  },
  cosmosMaxValidatorsMin: {
    value: 20,
    unit: 'count',
    source: 'cosmosStakingParams',
    note: 'A PoS L1 capped below about 20 validators concentrates power (SDK default 100).',
  },
  devVotingPeriod: {
    value: 3_600,
    unit: 'seconds',
    source: 'ogEvmLocalNode',
    note: 'Local-node scripts shorten governance to seconds (og-evm local_node.sh: voting 30 s, expedited 15 s) so a test proposal passes at once; a voting period under an hour is such a development value.',
  },
  evidenceMaxAge: {
    value: 2 * DAY,
    unit: 'seconds',
    source: 'cometbftParams',
    note: 'CometBFT default evidence max age (max_age_duration 48 h): stake that finishes unbonding sooner can leave before evidence of a double-sign is submitted and punished.',
  },
  warpQuorumMin: {
    value: 67,
    unit: 'count',
    source: 'subnetEvmPrecompiles',
    note: 'Subnet-EVM warp quorumNumerator default 67 (percent of stake that must sign); minimum 33.',
  },
  dacMinMembers: {
    value: 6,
    unit: 'count',
    source: 'l2beatDac',
    note: 'L2BEAT scores a data-availability committee under 6 members as bad.',
  },
  dacMaxAssumedHonestShare: {
    value: 1 / 3,
    unit: 'ratio',
    source: 'l2beatDac',
    note: 'L2BEAT scores a committee whose assumed-honest share (N−K+1)/N exceeds 1/3 as bad.',
  },
  dacMinExternalMembers: {
    value: 5,
    unit: 'count',
    source: 'l2beatDac',
    note: 'L2BEAT scores a committee with fewer than 5 external members as bad.',
  },
  orbitConfirmPeriod: {
    // 45,818 blocks of 12 s. Held in seconds so that it scales with the parent's block time.
    value: 45_818 * 12,
    unit: 'seconds',
    source: 'orbitSdk',
    note: 'Orbit SDK default confirmPeriodBlocks on a mainnet parent: 45,818 parent blocks, the SDK\'s "7 days" of blocks (about 6.4 days at 12 s; six times as many blocks on Base, whose blocks are 2 s); 150 blocks (30 minutes) on testnets.',
  },
  orbitForceInclusion: {
    value: 4 * DAY,
    unit: 'seconds',
    source: 'orbitSdk',
    note: 'Orbit SDK default sequencerInboxMaxTimeVariation.delaySeconds: 4 days.',
  },
} satisfies Record<string, Threshold>;

export type ThresholdId = keyof typeof THRESHOLDS;
