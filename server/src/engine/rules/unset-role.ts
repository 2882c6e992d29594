import { displayName } from '../text/display';
import { withField } from './one-row';
import { byNetwork, powerVerbs } from './phrases';
import type { Rule } from './types';

const WRITTEN = { placeholder: 'a placeholder', empty: 'empty', zero: 'the zero address' } as const;

/**
 * A role written with a placeholder, an empty string or the zero address has no holder yet. Leaving it
 * out of the analysis would report fewer problems on a file that cannot be deployed as it stands, so
 * the role is reported until a real address is there.
 */
export const unsetRole: Rule = {
  meta: {
    id: 'unset-role',
    title: 'A role is not set',
    severity: 'error',
    category: 'roles',
    description: 'A role the file names holds a template placeholder (`<SET_BATCHER_ADDRESS>`, `${GUARDIAN}`, `TODO`), an empty string, or the zero address in a file that plans a deployment.',
    rationale:
      'A placeholder is not a holder. Deploy tooling either rejects it or, worse, deploys the zero address, which leaves the power with nobody or with whatever default the contracts fall back to, often the deployer. Until a real address is written nobody can tell who will be able to use the power or how many parties must collude, so every other verdict about the role is unknown. In a file that describes a chain that exists, the zero address can mean the power was renounced, so it is reported there only for a placeholder or an empty value.',
    remediation: 'Write the address of the holder that will hold the role: for a critical role a multisig or a timelock the chain controls. Declare what it is in .chokepoint.yaml, or run `chokepoint verify` once it is deployed.',
    sources: ['opStandardRoles', 'l2beatRiskView'],
    fixable: false,
  },
  *check({ model, describes, frameworkOf }) {
    for (const role of model.unsetRoles ?? []) {
      if (role.written === 'zero' && describes(role.at) === 'deployment') continue;
      const quoted = displayName(role.value, 40);
      yield {
        at: role.at,
        severity: role.critical ? byNetwork(model.chain.network, 'error', 'warning', 'info') : byNetwork(model.chain.network, 'warning', 'info', 'info'),
        message: `The ${withField(role.title, role.at)} is not set: ${role.written === 'placeholder' ? `"${quoted}" is a placeholder` : `it is ${WRITTEN[role.written]}`}.`,
        detail: `Whoever ends up in this field can ${powerVerbs(role.powers, frameworkOf(role.at))}, and until a real address is written nobody can tell who that is or how many must collude. Write the holder's address: for a critical role, a multisig or timelock the chain controls.`,
      };
    }
  },
};
