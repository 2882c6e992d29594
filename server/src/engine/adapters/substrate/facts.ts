import type { Address, Power } from '../../model/schema';
import type { Path } from '../../parse';

/**
 * What a Substrate genesis says about authority, whichever way it is written (a plain
 * runtimeGenesis patch or config, the legacy runtime section, or raw storage). The plain and raw
 * readers fill it; the adapter maps it onto the authority model.
 */
export interface Account {
  address: Address;
  at: Path;
}

export interface WeightedAccount extends Account {
  /** Consensus weight, when the runtime stores one (GRANDPA, BABE); otherwise every member counts 1. */
  weight?: bigint;
}

/** A set of block authors or finality voters as one pallet lists them. */
export interface AuthorityGroup {
  /**
   * `consensus` is the `:auth:` list of the first runtimes (srml-consensus, 2018); `selected-candidates`
   * the collators Moonbeam's parachain-staking picked for the round.
   */
  id: 'consensus' | 'aura' | 'babe' | 'grandpa' | 'session' | 'invulnerables' | 'selected-candidates' | 'staking-invulnerables';
  /** The title of one member's role: "Invulnerable collator". */
  title: string;
  /** The set as a whole, for messages: "collator set". */
  setTitle: string;
  powers: Power[];
  members: WeightedAccount[];
  at: Path;
}

export interface CollatorSelectionFacts {
  invulnerables: Account[];
  candidacyBond?: { value: bigint; at: Path };
  /** Undefined when the genesis leaves it at the pallet's default, 0. */
  desiredCandidates?: { value: number; at: Path };
  at: Path;
}

/** Moonbeam's parachain-staking: candidates bond to collate, and the top `totalSelected` by stake author each round. */
export interface ParachainStakingFacts {
  selected: Account[];
  totalSelected?: { value: number; at: Path };
  at: Path;
}

/** Staking::ForceEra (pallet-staking `Forcing`, in SCALE order): `ForceNone` stops every era change, and with it every election. */
export const FORCINGS = ['NotForcing', 'ForceNew', 'ForceNone', 'ForceAlways'] as const;
export type Forcing = (typeof FORCINGS)[number];

export interface SudoFacts extends Account {
  /**
   * The key is the all-zero account, whose secret (the scalar 0) anyone can sign with: `accepted` when
   * the spec's runtime code has no CheckNonZeroSender check, `unknown` when the code cannot be read
   * (compressed or absent). A runtime with the check makes the key unusable and is not recorded.
   */
  zeroAccount?: 'accepted' | 'unknown';
}

export interface CouncilFacts {
  id: string;
  name: string;
  members: Account[];
  at: Path;
}

export interface AmountEntry {
  address: Address;
  amount: bigint;
  at: Path;
}

export interface GenesisFacts {
  sudo?: SudoFacts;
  /** The first runtimes' upgrade-key module (Polkadot PoC): one key replaces the runtime. */
  upgradeKey?: Account;
  groups: AuthorityGroup[];
  collatorSelection?: CollatorSelectionFacts;
  /** The runtime is a parachain's (parachain-system, parachain-info, collator selection or parachain-staking). */
  parachain: boolean;
  /** The runtime has a staking pallet (NPoS): validators are elected by stake. */
  staking: boolean;
  forceEra?: { value: Forcing; at: Path };
  parachainStaking?: ParachainStakingFacts;
  /** Tokens carry power: NPoS staking or token-weighted governance (democracy, referenda, elections). */
  tokenVoting: boolean;
  stakers?: { entries: AmountEntry[]; at: Path };
  councils: CouncilFacts[];
  balances?: { entries: AmountEntry[]; at: Path };
}

export function emptyFacts(): GenesisFacts {
  return { groups: [], parachain: false, staking: false, tokenVoting: false, councils: [] };
}

/** Human name of a pallet key: `technicalCommittee` → "Technical committee". */
export function palletTitle(key: string): string {
  const words = key.replace(/^(pallet|frame|srml|paint)(?=[A-Z_])/, '').replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
