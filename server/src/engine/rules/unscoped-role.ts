import { namingEntity } from './phrases';
import type { Rule } from './types';

/**
 * A role the file names in a module or contract Chokepoint does not know: the adapter records who
 * holds it, not what it can do, so the reader is told where to look rather than given a guess.
 */
export const unscopedRole: Rule = {
  meta: {
    id: 'unscoped-role',
    title: 'An address holds a role whose powers Chokepoint does not know',
    severity: 'info',
    category: 'roles',
    description: 'A module or contract Chokepoint does not read names an address as its admin, owner, authority, minter, operator, guardian or the like.',
    rationale:
      'Chains add their own modules and contracts, and give single addresses roles in them: a minter of a liquid-vesting module, a custom module\'s admin, an unknown key of a deploy config. Such a role can be harmless or can mint, pause or upgrade; only the module\'s code says. Guessing would be a verdict the evidence does not support, so Chokepoint names the role and its holder and leaves the judgement to a reader who can look at that code.',
    remediation: 'Read what the module or contract lets the role do. If it changes or stops the chain, put the role behind on-chain governance or a multisig with a timelock, and declare the holder in .chokepoint.yaml so who must collude can be counted.',
    sources: ['cosmosModuleAuthority'],
    fixable: false,
  },
  *check({ model, entities }) {
    for (const grant of model.grants) {
      if (grant.powers.length !== 1 || grant.powers[0] !== 'unscoped') continue;
      const entity = entities.entityOf(grant.holder);
      const { message, about } = namingEntity(entities, entity, (name) => `${name} is the ${grant.title}, a role whose powers Chokepoint does not know.`);
      yield {
        at: grant.at,
        subjects: entity.addressKeys,
        message,
        detail: `${about}If the role can mint, pause or upgrade, one party holds that power. Read the module's code for what the role can do.`,
      };
    }
  },
};
