import { cite, namedSourceOr } from './phrases';
import { fitRow, withField, withoutAsides } from './one-row';
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
      const node = `a node that ${flag.node ?? 'runs the chain'}`;
      const value = String(flag.value);
      const why = `It ${flag.why}. ${flag.remedy ?? (flag.safeValue !== undefined ? `Set it to ${String(flag.safeValue)}` : 'Turn it off')} (${cite(namedSourceOr(flag.source, 'nitroNodeConfig'))}).`;
      yield {
        at: flag.at,
        ...fitRow([
          [`${flag.title} is ${value} on ${node}.`, why],
          [`${flag.title} is ${withoutAsides(value)} on ${node}.`, `It is ${value}. ${why}`],
          [`${flag.title} is ${value} on a node that runs the chain.`, `The node ${flag.node ?? 'runs the chain'}. ${why}`],
          [`${flag.title} is ${withoutAsides(value)} on a node that runs the chain.`, `It is ${value}, and the node ${flag.node ?? 'runs the chain'}. ${why}`],
        ], [
          [`${withField(withoutAsides(flag.title), flag.at)} is ${withoutAsides(value)} on a node that runs the chain.`, `${flag.title} is ${value} on ${node}. ${why}`],
        ]),
        fixes: flag.safeValue === undefined ? [] : [{ title: `Set ${flag.title} to ${String(flag.safeValue)}`, changes: 'flag', edits: [{ at: flag.at, value: flag.safeValue }] }],
      };
    }
  },
};
