import { consensusTerms, namedSource } from './framework-terms';
import { cite, listOf } from './phrases';
import type { Rule } from './types';

export const permissionedValidatorSet: Rule = {
  meta: {
    id: 'permissioned-validator-set',
    title: 'Who validates is decided by an admin or another chain',
    severity: 'warning',
    category: 'councils',
    description: 'The validator set is permissioned (proof of authority, invulnerable-only collators, a validator manager with an owner) or inherited from a provider chain.',
    rationale:
      'When an admin decides who validates, that admin can censor by choosing validators, halt the chain by removing them, and take it over by adding its own; staking does not limit it. An inherited validator set (Interchain Security, shared sequencing) is secured by the provider, whose governance and validators the chain does not control. Both may be the right design, but the chain then borrows its security and the reader should see from whom.',
    remediation: 'Move to permissionless validator admission, or put the admin powers behind on-chain governance or a multisig with a timelock; for an inherited set, review the provider\'s validator distribution and governance as part of the chain\'s.',
    sources: ['strangelovePoa', 'substrateCollatorSelection', 'substrateStaking', 'substrateChainSpec', 'avalancheValidatorManager', 'icsConsumer', 'chokepointManifest', 'pbft'],
    fixable: false,
  },
  *check({ model, entities, frameworkOf }) {
    const set = model.validatorSet;
    if (!set || set.admission === 'permissionless') return;
    const framework = frameworkOf(set.at);
    const source = namedSource(set.source, framework) ?? consensusTerms(framework).source;
    const admins = model.grants.filter((g) => g.powers.includes('set-validators'));
    const who = [...new Set(admins.map((g) => entities.label(entities.entityOf(g.holder))))];
    if (set.admission === 'inherited') {
      yield { at: set.at, severity: 'info', message: `The validator set is inherited (${set.how}): the provider's validators and governance secure this chain, not its own (${cite(source)}). Review the provider as part of this chain's security.` };
      return;
    }
    yield {
      at: set.at,
      subjects: admins.map((g) => g.holder.key),
      message: `Validators are admitted by permission (${set.how})${who.length ? `: ${listOf(who)} decide${who.length === 1 ? 's' : ''} who validates` : ''}, so they can censor by choosing validators and halt or take over the chain by removing or adding them (${cite(source)}). Open admission to stakers, or put the admin behind governance and a timelock.`,
      related: admins.map((g) => ({ at: g.at, message: `${entities.label(entities.entityOf(g.holder))} can choose the validators (${g.title})` })),
    };
  },
};
