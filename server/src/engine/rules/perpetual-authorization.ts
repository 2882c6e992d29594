import { byNetwork, cite, namingEntity, powerVerbs } from './phrases';
import type { Rule } from './types';

export const perpetualAuthorization: Rule = {
  meta: {
    id: 'perpetual-authorization',
    title: 'A delegated power never expires',
    severity: 'warning',
    category: 'roles',
    description: 'A power over governance, upgrades, staking or parameters is delegated to another account (a Cosmos SDK x/authz grant) with no expiration.',
    rationale:
      'x/authz lets a granter authorize a grantee to send Msgs in its name. A GenericAuthorization is unrestricted for its Msg type, and a grant whose expiration is null lasts until the granter revokes it. Written into a genesis, such grants are easily forgotten: a launch helper keeps voting, delegating or upgrading for a foundation or a validator long after launch, and whoever compromises the grantee inherits the power. Grants over governance, upgrade and staking Msgs delegate exactly the powers a chain\'s decentralization rests on.',
    remediation:
      'Give every grant an expiration (an RFC 3339 time shortly after launch), narrow it to what is needed (a StakeAuthorization with an allow list and a token limit rather than a GenericAuthorization), or drop it from the genesis and let the granter sign for itself.',
    sources: ['cosmosAuthz'],
    fixable: false,
  },
  *check({ model, entities, frameworkOf }) {
    const severity = byNetwork(model.chain.network, 'warning', 'info', 'info');
    for (const grant of model.grants) {
      if (grant.expiresAt !== null) continue;
      const entity = entities.entityOf(grant.holder);
      const { message, about } = namingEntity(entities, entity, (name) => `${name} is the ${grant.title}, and the grant never expires.`);
      yield {
        at: grant.at,
        severity,
        subjects: entity.addressKeys,
        message,
        detail: `${about}It can ${powerVerbs(grant.powers, frameworkOf(grant.at))} in the granter's name until someone revokes it (${cite('cosmosAuthz')}). Set an expiration, or drop the grant from the genesis.`,
      };
    }
  },
};
