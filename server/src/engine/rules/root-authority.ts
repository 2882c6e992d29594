import { isRollupFamily, namedSource, sourceFor } from './framework-terms';
import { byNetwork, cite, powerVerbs } from './phrases';
import { fitRow } from './one-row';
import type { Rule } from './types';

export const rootAuthority: Rule = {
  meta: {
    id: 'root-authority',
    title: 'A root key can do anything, bypassing governance',
    severity: 'error',
    category: 'roles',
    description: 'A key holds unrestricted power (Substrate sudo, an x/circuit super admin, a module authority override, a manifest role marked root) on a chain that is not a devnet.',
    rationale:
      'A root key dispatches any call as the chain itself: it can replace the runtime, mint, change any parameter and move any account, and governance cannot stop it. It is the usual bootstrap for a new chain and the usual way a "decentralized" chain stays controlled by one key after launch. Substrate\'s own templates give sudo to the dev account Alice.',
    remediation: 'Remove the root role before a production launch (delete the sudo section, drop the authority override, revoke the super admin) and let governance hold those powers; if it must stay for a while, give it to a multisig behind a timelock and suppress this finding with a reason and an expiry date.',
    sources: ['substrateSudo', 'cosmosCircuit', 'cosmosModuleAuthority', 'chokepointManifest', 'l2beatStages', 'quantifyingDecentralization'],
    fixable: false,
  },
  *check({ model, entities, frameworkOf }) {
    const severity = byNetwork(model.chain.network, 'error', 'warning', 'info');
    for (const grant of model.grants) {
      if (!grant.root) continue;
      const entity = entities.entityOf(grant.holder);
      // Sudo and an upgrade authority reach everything; a circuit admin or a params authority reaches its own powers.
      const everything = grant.powers.includes('upgrade');
      const reach = everything ? 'it can do anything on the chain' : `it can ${powerVerbs(grant.powers, frameworkOf(grant.at))} on its own`;
      const network = model.chain.network === 'testnet' ? 'a testnet' : model.chain.network === 'devnet' ? 'a devnet' : 'production';
      const detail = `${everything ? 'It can upgrade the chain, mint and change any parameter, and governance' : 'Governance'} cannot stop it, on a chain treated as ${network} (${model.chain.networkReason}). Remove the root role before launch, or put it behind a multisig and a timelock (${cite(sourceOf(grant.source, frameworkOf(grant.at)))}).`;
      yield {
        at: grant.at,
        severity,
        subjects: entity.addressKeys,
        ...fitRow([
          [`${entities.who(entity)} is the ${grant.title}: ${reach}, and governance cannot stop it.`, detail],
          [`${entities.label(entity)} is the ${grant.title}: ${reach}, and governance cannot stop it.`, `It is ${entities.describe(entity)}. ${detail}`],
          [`${entities.label(entity)} is the ${grant.title}: ${reach}.`, `It is ${entities.describe(entity)}. ${detail}`],
        ]),
      };
    }
  },
};

/** The source the adapter names for the role, else the framework's own account of root powers. */
function sourceOf(id: string | undefined, framework: string) {
  const fallback = isRollupFamily(framework) ? 'l2beatStages' : 'quantifyingDecentralization';
  return namedSource(id, framework) ?? sourceFor(framework, { substrate: 'substrateSudo', 'cosmos-sdk': 'cosmosModuleAuthority', 'appchain-manifest': 'chokepointManifest' }, fallback);
}
