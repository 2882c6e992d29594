import type { RuleMeta } from '../rules/types';
import type { PresetName, Severity, SeverityOrOff } from './schema';

interface Preset {
  description: string;
  severity(meta: RuleMeta, severity: Severity): SeverityOrOff;
  options(meta: RuleMeta): Record<string, unknown>;
}

const RAISE: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' };

export const PRESET_DEFINITIONS: Record<PresetName, Preset> = {
  recommended: {
    description: 'Each rule at its default severity; a finding may be milder on testnets and devnets.',
    severity: (_meta, severity) => severity,
    options: () => ({}),
  },
  strict: {
    description: 'Every finding one level more severe (info becomes warning, warning becomes error); Stage 2 targets are errors.',
    severity: (_meta, severity) => RAISE[severity],
    options: () => ({}),
  },
  'l2beat-stage1': {
    description: 'Gates on L2BEAT Stage 1: rules that check a Stage 1 requirement report errors, and Stage 2-only targets are not reported.',
    severity: (meta, severity) => (meta.stage === 1 ? 'error' : meta.stage === 2 ? 'off' : severity),
    options: (meta) => (meta.stage === 1 ? { stage: 1 } : {}),
  },
};

/** The severity a finding is reported at: the user's setting for the rule, else the preset applied to the finding's own. */
export function effectiveSeverity(
  preset: PresetName,
  setting: SeverityOrOff | undefined,
  meta: RuleMeta,
  findingSeverity?: Severity,
): SeverityOrOff {
  if (setting) return setting;
  return PRESET_DEFINITIONS[preset].severity(meta, findingSeverity ?? meta.severity);
}

export function ruleOptions(preset: PresetName, meta: RuleMeta, userOptions?: Record<string, unknown>): Record<string, unknown> {
  return { ...PRESET_DEFINITIONS[preset].options(meta), ...userOptions };
}
