import { cite } from './phrases';
import type { Rule } from './types';
import type { Dependency } from '../model/schema';

const NEEDS_FALLBACK: ReadonlySet<Dependency['kind']> = new Set(['inference', 'storage', 'data-availability', 'oracle', 'model']);

const WHAT: Partial<Record<Dependency['kind'], string>> = {
  inference: 'inference',
  storage: 'storage',
  'data-availability': 'data availability',
  oracle: 'oracle data',
};

export const dependencyWithoutFallback: Rule = {
  meta: {
    id: 'dependency-without-fallback',
    title: 'A shared dependency has no fallback',
    severity: 'warning',
    category: 'dependencies',
    description: 'A shared provider the chain depends on (inference, models, storage, data availability, oracles) has no fallback, or the manifest names none.',
    rationale:
      'A chain that calls itself sovereign but cannot run without one shared provider is sovereign in design and interdependent in execution: when the provider stops, changes terms or is captured, so does the chain. A fallback the chain can switch to is what keeps the dependency a convenience rather than a chokepoint.',
    remediation: 'Name a fallback under `fallback:` (another provider, a self-hosted node, Ethereum for data availability) and make sure governance can switch to it. If there truly is none, write `fallback: none` and suppress the finding with a reason, so reviewers see the accepted risk.',
    sources: ['chokepointManifest'],
    fixable: false,
  },
  *check({ model, frameworkOf }) {
    for (const dependency of model.dependencies) {
      if (!NEEDS_FALLBACK.has(dependency.kind) || !dependency.shared || (dependency.fallback !== undefined && dependency.fallback !== null)) continue;
      // Only the manifest has a way to name a fallback; other formats' silence says nothing about one.
      if (frameworkOf(dependency.at) !== 'appchain-manifest') continue;
      const what = WHAT[dependency.kind];
      const provider = dependency.provider ? ` (${dependency.provider})` : '';
      if (dependency.kind === 'model') {
        yield {
          at: dependency.at,
          message: `Model ${dependency.name} has no fallback${dependency.fallback === null ? '' : ' named'}, so its host can stop the chain's AI features.`,
          detail: `If its host withdraws or changes it, the chain's AI features stop. Name a fallback model under \`fallback:\` (${cite('chokepointManifest')}).`,
        };
        continue;
      }
      yield {
        at: dependency.at,
        ...(dependency.fallback === null
          ? {
              message: `${dependency.name}${provider} is the chain's only source of ${what} and has no fallback.`,
              detail: `If it stops or changes terms, so does the chain. Add a fallback the chain's governance can switch to (${cite('chokepointManifest')}).`,
            }
          : {
              message: `${dependency.name}${provider} supplies ${what} and the manifest names no fallback.`,
              detail: `If it stops or changes terms, so may the chain. Name one under \`fallback:\` (${cite('chokepointManifest')}).`,
            }),
      };
    }
  },
};
