import { nearest } from '../text/nearest';
import { codeSubstitute } from './code-substitute';
import { configDrift } from './config-drift';
import { declarationMismatch } from './declaration-mismatch';
import { dependencyWithoutFallback } from './dependency-without-fallback';
import { devFlagsInProduction } from './dev-flags-in-production';
import { devKeyAuthority } from './dev-key-authority';
import { ENGINE_RULES } from './engine-rules';
import { feeCapture } from './fee-capture';
import { forcedInclusionWindow } from './forced-inclusion-window';
import { governanceCapture } from './governance-capture';
import { inferenceSingleOperator } from './inference-single-operator';
import { inferenceUnverified } from './inference-unverified';
import { mutableModelReference } from './mutable-model-reference';
import { nodeHygiene } from './node-hygiene';
import { nonstandardParameter } from './nonstandard-parameter';
import { permissionedProofs } from './permissioned-proofs';
import { permissionedValidatorSet } from './permissioned-validator-set';
import { perpetualAuthorization } from './perpetual-authorization';
import { rootAuthority } from './root-authority';
import { stakeConcentration } from './stake-concentration';
import { supplyConcentration } from './supply-concentration';
import { temporaryPower } from './temporary-power';
import { roleCollapse } from './role-collapse';
import { settlementOutsideGovernance } from './settlement-outside-governance';
import { shortExitWindow } from './short-exit-window';
import { staleVerification } from './stale-verification';
import { stakingParams } from './staking-params';
import type { Rule, RuleMeta } from './types';
import { unscopedRole } from './unscoped-role';
import { unstatedAuthority } from './unstated-authority';
import { unsetRole } from './unset-role';
import { unverifiedAuthority } from './unverified-authority';
import { weakCouncil } from './weak-council';
import { weakDac } from './weak-dac';

/** Rules over the authority model, in the order their docs list them. */
export const RULES: Rule[] = [
  devKeyAuthority,
  roleCollapse,
  weakCouncil,
  shortExitWindow,
  unverifiedAuthority,
  declarationMismatch,
  configDrift,
  staleVerification,
  feeCapture,
  permissionedProofs,
  forcedInclusionWindow,
  devFlagsInProduction,
  nodeHygiene,
  inferenceSingleOperator,
  inferenceUnverified,
  mutableModelReference,
  settlementOutsideGovernance,
  dependencyWithoutFallback,
  rootAuthority,
  stakeConcentration,
  supplyConcentration,
  permissionedValidatorSet,
  nonstandardParameter,
  governanceCapture,
  stakingParams,
  perpetualAuthorization,
  temporaryPower,
  weakDac,
  codeSubstitute,
  unscopedRole,
  unstatedAuthority,
  unsetRole,
];

export const ALL_RULE_METAS: RuleMeta[] = [...RULES.map((r) => r.meta), ...ENGINE_RULES];

const BY_ID = new Map(ALL_RULE_METAS.map((meta) => [meta.id, meta]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

/** The rule id a mistyped one most likely meant, for "did you mean" in every place that names rules. */
export function nearestRuleId(id: string): string | undefined {
  return nearest(id, BY_ID.keys());
}

export { DOCS_BASE_URL, docsUrl } from './docs-url';
