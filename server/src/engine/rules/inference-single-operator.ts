import { cite } from './phrases';
import type { Rule } from './types';

export const inferenceSingleOperator: Rule = {
  meta: {
    id: 'inference-single-operator',
    title: 'Inference is run by a single operator',
    severity: 'warning',
    category: 'dependencies',
    description: 'An inference provider the chain relies on is run by one operator, or the manifest does not say who runs it.',
    rationale:
      'When every inference request goes to nodes run by one company, that company can censor requests, price them at will, or stop the chain\'s AI features by going offline, whatever the chain\'s own governance decides. "Sovereign in design, interdependent in execution": the chain borrows this layer. The Nakamoto coefficient of the layer is 1.',
    remediation: 'Use several independent inference operators (and say so under `operators:`), or run a fallback the chain governs, so that no single operator can stop or censor inference.',
    sources: ['chokepointManifest', 'l2beatRiskView'],
    fixable: false,
  },
  *check({ model }) {
    for (const dependency of model.dependencies) {
      if (dependency.kind !== 'inference' || dependency.operators.length > 1) continue;
      const operator = dependency.operators[0];
      yield {
        at: dependency.operatorsAt ?? dependency.at,
        severity: operator ? 'warning' : 'info',
        ...(operator
          ? {
              message: `Inference through ${dependency.name} is run by one operator, ${operator}.`,
              detail: `It alone can censor, reprice or stop the chain's AI requests, whatever the chain's governance decides. Add independent operators or a fallback the chain governs (${cite('chokepointManifest')}).`,
            }
          : {
              message: `The manifest does not say who runs inference through ${dependency.name}.`,
              detail: 'So Chokepoint cannot tell whether one operator can censor or stop it. List its operators under `operators:`.',
            }),
      };
    }
  },
};
