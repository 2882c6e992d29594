import { THRESHOLDS, type ThresholdId } from '../data/thresholds';
import { formatDuration } from '../model/duration';
import type { Parameter } from '../model/schema';
import { cite } from './phrases';
import type { Rule } from './types';

function show(value: number, unit: Parameter['unit'], blockSeconds?: number): string {
  if (unit === 'seconds') return formatDuration(value);
  if (unit === 'blocks') return `${value} blocks${blockSeconds ? ` (${formatDuration(value * blockSeconds)})` : ''}`;
  if (unit === 'ratio') return `${Math.round(value * 1000) / 10}%`;
  return String(value);
}

export const nonstandardParameter: Rule = {
  meta: {
    id: 'nonstandard-parameter',
    title: 'A security parameter is outside the framework\'s standard',
    severity: 'warning',
    category: 'delays',
    description: 'A parameter the framework standardizes for safety (proof maturity, dispute windows, bridge quorums, challenge periods) is set below, above or away from its standard value.',
    rationale:
      'Frameworks publish standard values for the parameters that bound how long users can react and how much of a committee must agree: the OP Stack\'s standard configuration, Subnet-EVM\'s warp quorum, the Orbit SDK\'s confirmation period. A chain that deviates quietly changes its security model, often to a devnet value left in place, and tools that assume the standard misjudge it.',
    remediation: 'Restore the standard value (the quick fix writes it in the field\'s own unit), or document why the chain deviates and suppress the finding with a reason. On devnets, standards are not enforced.',
    sources: ['opStandardParams', 'subnetEvmPrecompiles', 'orbitSdk'],
    fixable: true,
  },
  *check({ model }) {
    if (model.chain.network === 'devnet') return;
    for (const parameter of model.parameters) {
      if (!parameter.bound || !parameter.standard || typeof parameter.value !== 'number') continue;
      const standard = THRESHOLDS[parameter.standard as ThresholdId];
      if (!standard) continue;
      const target = standard.unit === 'seconds' && parameter.unit === 'blocks' && parameter.blockSeconds ? Math.ceil(standard.value / parameter.blockSeconds) : standard.value;
      const value = parameter.value;
      const off = parameter.bound === 'at-least' ? value < target : parameter.bound === 'at-most' ? value > target : value !== target;
      if (!off) continue;
      const direction = value < target ? 'below' : 'above';
      yield {
        at: parameter.at,
        message: `${parameter.title} is ${show(value, parameter.unit, parameter.blockSeconds)}, ${direction} the standard ${show(target, parameter.unit, parameter.blockSeconds)}.`,
        detail: `It governs ${parameter.governs} (the standard is from ${cite(standard.source)}). Restore the standard value.`,
        fixes: [{ title: `Restore the standard ${parameter.title} (${show(target, parameter.unit, parameter.blockSeconds)})`, changes: 'security-parameter', edits: [{ at: parameter.at, value: target }] }],
      };
    }
  },
};
