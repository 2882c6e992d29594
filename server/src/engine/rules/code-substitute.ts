import { byNetwork, cite } from './phrases';
import type { Rule } from './types';

export const codeSubstitute: Rule = {
  meta: {
    id: 'code-substitute',
    title: 'Nodes run code the chain\'s own state does not hold',
    severity: 'warning',
    category: 'roles',
    description: 'The config makes nodes execute code in place of the runtime the chain\'s state holds (Substrate `codeSubstitutes`).',
    rationale:
      'A Substrate chain spec\'s `codeSubstitutes` maps a block to a runtime that nodes using the spec execute from that block on, instead of the runtime on chain, until the chain\'s own runtime version changes. It exists to recover from a runtime bug that governance cannot fix because the chain no longer runs, and it bypasses governance entirely: whoever publishes the chain spec or the node binary that embeds it decides what code runs. One left in a spec after the emergency, or added without a public decision, is control held outside the chain.',
    remediation: 'Remove the substitute once an on-chain runtime upgrade has replaced the faulty code; while it is needed, document who approved it and publish the substituted code\'s hash, and suppress this finding with that reason and an expiry date.',
    sources: ['substrateChainSpec'],
    fixable: false,
  },
  *check({ model }) {
    const severity = byNetwork(model.chain.network, 'warning', 'warning', 'info');
    for (const override of model.codeOverrides ?? []) {
      const from = override.from === undefined ? '' : ` from block ${override.from}`;
      yield {
        at: override.at,
        part: 'key',
        severity,
        message: `The chain spec substitutes the runtime code${from}, so whoever ships the spec decides what nodes execute.`,
        detail: `Nodes using this spec run that code instead of the runtime on chain, outside on-chain governance (${cite('substrateChainSpec')}). Remove the substitute once an on-chain upgrade has fixed the runtime, and document who approved it until then.`,
      };
    }
  },
};
