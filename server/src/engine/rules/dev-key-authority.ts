import { devKeyFor } from '../data/dev-keys';
import { byNetwork, cite, fitting, powerVerbs } from './phrases';
import type { Rule } from './types';

export const devKeyAuthority: Rule = {
  meta: {
    id: 'dev-key-authority',
    title: 'A well-known development key holds authority',
    severity: 'error',
    category: 'keys',
    description: 'A role, council seat or validator slot is held by a development key whose private key is published (Anvil/Hardhat, Substrate //Alice, EWOQ, nitro-testnode, Cosmos-EVM dev keys).',
    rationale:
      'Development keys come from public mnemonics printed in framework docs and tools. Anyone can sign with them, so a role held by one is held by everyone: a production chain with a dev key as its ProxyAdmin owner can be upgraded by any stranger. Templates such as the OP devnet config use them for every role, and they leak into real deployments when a template is copied.',
    remediation:
      'Replace the key with an address the chain controls, ideally a multisig or timelock. There is no quick fix: a placeholder would hide the role from the analysis while the file still cannot be deployed, so choose the real holder. On devnets this is reported as information only.',
    sources: ['foundryAnvil', 'substrateDevAccounts', 'substrateZeroAccount', 'avalancheEwoq', 'nitroTestnode', 'ogEvmLocalNode', 'opDevnetTemplate'],
    fixable: false,
  },
  *check({ model, frameworkOf }) {
    const severity = byNetwork(model.chain.network, 'error', 'warning', 'info');
    for (const grant of model.grants) {
      const key = devKeyFor(grant.holder.key);
      if (!key) continue;
      yield {
        at: grant.at,
        severity,
        subjects: [grant.holder.key],
        message: fitting(`The ${grant.title} is ${key.label}, whose private key is public.`, `The ${grant.title} is ${key.label}, a published key.`),
        detail: `The key is published (${cite(key.source)}), so anyone can ${powerVerbs(grant.powers, frameworkOf(grant.at))}. Replace it with an address the chain controls.`,
      };
    }
    for (const council of model.councils) {
      for (const member of council.members) {
        const key = devKeyFor(member.key);
        if (!key) continue;
        yield {
          at: council.at,
          severity,
          subjects: [member.key],
          message: `${council.name} counts ${key.label} as a member, but its private key is public.`,
          detail: `The key is published (${cite(key.source)}), so that seat is open to anyone. Replace it with a signer who holds their own key.`,
        };
      }
    }
  },
};
