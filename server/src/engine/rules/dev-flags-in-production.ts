import { cite, namedSourceOr } from './phrases';
import { fitRow, withField, withoutAsides } from './one-row';
import type { Rule } from './types';

export const devFlagsInProduction: Rule = {
  meta: {
    id: 'dev-flags-in-production',
    title: 'A development flag is set on a production chain',
    severity: 'error',
    category: 'flags',
    description: 'A flag meant for local development (fundDevAccounts, debug precompiles, test keyrings, signing keys written into the file and the like) is on in a config that is not for a devnet. Settings of one node (an open debug API, Nitro `dangerous` options) are node-hygiene\'s.',
    rationale:
      'Development flags prefund accounts whose keys are public, expose debugging powers or weaken checks. They are correct on a local devnet and dangerous anywhere else: on a live chain, the prefunded test accounts can be drained by anyone and their balances can move governance. The OP Stack\'s op-deployer rejects fundDevAccounts in standard intents for this reason. The Orbit SDK\'s node-config template writes the batch poster\'s and validator\'s private keys into the file: a setting for a first run, not for a live chain. Chokepoint treats a file as production unless its chain ids or name mark it as a testnet or devnet, or .chokepoint.yaml says so.',
    remediation: 'Turn the flag off (the quick fix writes the safe value where there is one); load signing keys from a keystore or the environment rather than the file. If the file really is for a devnet, set `network: devnet` in .chokepoint.yaml.',
    sources: ['opDeployerIntent', 'opConfigurability', 'orbitSdk', 'nitroNodeConfig'],
    fixable: true,
  },
  *check({ model }) {
    const { network, networkReason } = model.chain;
    if (network === 'devnet') return;
    for (const flag of model.flags) {
      if (flag.scope === 'node') continue;
      const chain = `a ${network === 'testnet' ? 'testnet' : 'production'} chain`;
      const value = String(flag.value);
      const why = `It ${flag.why}. ${flag.remedy ?? (flag.safeValue !== undefined ? `Set it to ${String(flag.safeValue)}` : 'Turn it off')} outside local devnets (${cite(namedSourceOr(flag.source, 'opDeployerIntent'))}).`;
      const treated = `The chain counts as ${network === 'testnet' ? 'a testnet' : 'production'}: ${networkReason}.`;
      yield {
        at: flag.at,
        severity: network === 'testnet' ? (flag.secret ? 'warning' : 'info') : 'error',
        ...fitRow([
          [`${flag.title} is ${value} on ${chain} (${networkReason}).`, why],
          [`${flag.title} is ${value} on ${chain}.`, `${treated} ${why}`],
          // A title ends with the path of its key ("The batch poster private key (node.batch-poster…)"); the finding's place shows it.
          [`${flag.title.replace(/ \([^()]*\)$/, '')} is ${value} on ${chain}.`, `It is ${flag.title}. ${treated} ${why}`],
        ], [
          [`${withField(withoutAsides(flag.title), flag.at)} is ${withoutAsides(value)} on ${chain}.`, `${flag.title} is ${value}. ${treated} ${why}`],
        ]),
        fixes: flag.safeValue === undefined ? [] : [{ title: `Set ${flag.title} to ${String(flag.safeValue)}`, changes: 'flag', edits: [{ at: flag.at, value: flag.safeValue }] }],
      };
    }
  },
};
