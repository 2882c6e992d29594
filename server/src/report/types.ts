import type { Severity } from '../engine/config/schema';
import type { ChainKind } from '../engine/chain-kind';
import type { RequirementStatus, StageEstimate, StageRequirement } from '../engine/stages';
import type { Layer, Network, Power } from '../engine/model/schema';

/**
 * The sovereignty report as plain data: what the HTML page, the Markdown comment and the VS Code
 * webview render. Built from lint results by `buildReportData`; every string in it may come from a
 * config file and must be escaped by whoever renders it.
 */
export interface ReportData {
  version: string;
  chains: ChainReport[];
  /** Files that were linted but are no configuration Chokepoint recognizes. */
  unrecognized: string[];
}

/** Where a model element was written: for `data-*` attributes, so a click can reveal the config line. */
export interface ReportOrigin {
  /** Absolute path (or URI) of the file, as the lint saw it. */
  uri: string;
  /** The file as shown to people (relative to the working folder). */
  file: string;
  /** The keys and indexes to the element in the file. */
  path: (string | number)[];
  /** 1-based line, when the file could be read. */
  line?: number;
}

export interface FindingRef {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Why it matters and how to fix it. */
  detail?: string;
  uri: string;
  file: string;
  /** 1-based. */
  line: number;
  docs: string;
  /** Suppressed, and why: shown only when no active finding explains an unmet requirement. */
  suppressed?: string;
}

export type Sentiment = 'good' | 'warning' | 'bad' | 'na';

export interface StageView {
  kind: ChainKind;
  /** False where L2BEAT stages do not apply: a chain with its own consensus, or one whose data is off the parent chain. */
  applies: boolean;
  /** The highest stage the configuration supports; undefined when even Stage 0 is unknown. */
  stage?: 0 | 1 | 2;
  bound: StageEstimate['bound'];
  /** "Stage 1", "At most Stage 0", "Stage unknown", "Not a rollup", "No stage". */
  text: string;
  /** Why stages do not apply, or what the stage rests on, in a sentence. */
  note: string;
  /** The facts that would decide the next stage. */
  missing: string[];
  requirements: RequirementView[];
}

export interface RequirementView {
  stage: 0 | 1 | 2;
  id: StageRequirement['id'];
  title: string;
  status: RequirementStatus;
  /** When unknown: what would decide it. */
  missing?: string;
  /** The findings that show why it is not met, or why it is unknown. */
  findings: FindingRef[];
}

export const RISK_IDS = ['state-validation', 'data-availability', 'exit-window', 'sequencer-failure', 'proposer-failure'] as const;
export type RiskId = (typeof RISK_IDS)[number];

export interface RiskView {
  id: RiskId;
  title: string;
  sentiment: Sentiment;
  /** A word or two: "7 days", "None", "Permissioned", "Not a rollup". */
  value: string;
  /** One sentence, derived from the model. */
  reason: string;
  origin?: ReportOrigin;
}

export interface HolderRow {
  entityId: string;
  label: string;
  /** "a 2-of-3 multisig", "an undeclared address"… */
  kind: string;
  /** Fewest parties that must act together; undefined for on-chain governance. */
  parties?: number;
  /** The well-known development key it is ("Anvil/Hardhat test account #2"): its private key is public. */
  devKey?: string;
  powers: Power[];
  roles: { title: string; layer: Layer; powers: Power[]; origin: ReportOrigin }[];
  /** Where what it is comes from: read on chain (a lock or an L2BEAT snapshot), declared (config, a comment, the file, the framework), or nowhere. */
  source?: HolderSource;
  /** For a verified holder: what was read and when, "Safe 6-of-8 at block 21,345,678". */
  verified?: string;
}

export type HolderSource = 'verified' | 'declared' | 'unknown';

export interface DistributionView {
  kind: 'stake' | 'supply' | 'voting-power';
  title: string;
  denom?: string;
  /** Holders after summing addresses by controlling entity. */
  holders: number;
  total: string;
  nakamotoHalt: number;
  nakamotoSafety: number;
  hhi: number;
  gini: number;
  topShare: number;
  top: { label: string; share: number }[];
  /** Lorenz curve, holders smallest first: [share of holders, share of the amount], from [0,0] to [1,1], at most LORENZ_POINTS points. */
  lorenz: [number, number][];
  /** Points on the curve where the fewest largest holders that exceed 1/3 and 2/3 begin. */
  marks: { halt: [number, number]; safety: [number, number] };
  origin: ReportOrigin;
}

export type ControlKind = 'chain' | 'named-party' | 'third-party' | 'single-key' | 'unknown' | 'not-configured';

export interface LayerView {
  layer: Layer;
  title: string;
  /** The weakest control over the layer. */
  control: ControlKind;
  /** Who that is: "lumen1…9alf", "Celestia", "on-chain governance". */
  controller: string;
  reason: string;
  /** Everyone else with a say over the layer, weakest first. */
  others: { control: ControlKind; controller: string }[];
  origins: ReportOrigin[];
}

export interface FindingsSummary {
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  byRule: { ruleId: string; count: number; severity: Severity; docs: string }[];
}

export interface ChainReport {
  /** The chain's name, chain id or folder. */
  name: string;
  framework: string;
  network: Network;
  networkReason: string;
  files: { uri: string; file: string; kind?: string }[];
  /** True when the chain settles on a parent chain (an L2 framework, a parent chain id, a proof system, withdrawals, forced inclusion or a settlement layer). */
  rollup: boolean;
  /** The chain it settles on or is secured by, for people: "Ethereum mainnet (chain id 1)". */
  parent?: string;
  /** Fewest parties to collude (engine/summary.ts `FEWEST_PARTIES`), and who. */
  fewestParties?: number;
  weakest?: string;
  stage: StageView;
  risks: RiskView[];
  holders: HolderRow[];
  /** Roles held (a power each holder has by a role) whose holder was verified on chain, of all roles held. */
  verifiedShare?: { verified: number; total: number };
  distributions: DistributionView[];
  layers: LayerView[];
  findings: FindingsSummary;
}
