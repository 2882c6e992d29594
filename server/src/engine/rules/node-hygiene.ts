import { cite, namedSourceOr } from './phrases';
import type { Rule } from './types';

/**
 * Operational risks of one machine: the adapter records them only for a node that sequences,
 * posts batches or validates, since on a replica they are its operator's business.
 */
export const nodeHygiene: Rule = {
  meta: {
    id: 'node-hygiene',
    title: 'A node that runs the chain is exposed or runs without a safety check',
    severity: 'info',
    category: 'flags',
    description: 'The config of a node that sequences, posts batches or validates opens its debug API to any host, or switches off a safety check with a Nitro `dangerous` option.',
    rationale:
      'These are risks of one machine, not concentrations of the chain\'s power, so they are information, not errors. But the machine is the one that orders the chain\'s transactions, posts its data or defends its state: an open debug API lets anyone reach it with calls heavy enough to take it down, and running the sequencer without its coordinator leaves no standby to take over. A replica\'s config is not reported, since the chain does not depend on it.',
    remediation: 'Serve the debug namespace only on localhost or behind authentication, and run the sequencer under the sequencer coordinator with a standby; keep `dangerous` options for test setups.',
    sources: ['nitroNodeConfig'],
    fixable: false,
  },
  *check({ model }) {
    if (model.chain.network === 'devnet') return;
    for (const flag of model.flags) {
      if (flag.scope !== 'node') continue;
      yield {
        at: flag.at,
        message: `${flag.title} is ${String(flag.value)} on a node that ${flag.node ?? 'runs the chain'}: it ${flag.why}. ${flag.remedy ?? (flag.safeValue !== undefined ? `Set it to ${String(flag.safeValue)}` : 'Turn it off')} (${cite(namedSourceOr(flag.source, 'nitroNodeConfig'))}).`,
        fixes: flag.safeValue === undefined ? [] : [{ title: `Set ${flag.title} to ${String(flag.safeValue)}`, changes: 'flag', edits: [{ at: flag.at, value: flag.safeValue }] }],
      };
    }
  },
};
