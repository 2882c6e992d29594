import { consensusTerms, namedSource } from './framework-terms';
import { cite, listOf, someOf } from './phrases';
import { fieldOf, firstClause, fitRow, type Row, withField, withoutAsides } from './one-row';
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
    // `how` can run to a paragraph; its first clause names the mechanism ("proof of authority").
    const mechanism = firstClause(set.how);
    if (set.admission === 'inherited') {
      const provider = model.dependencies.find((d) => d.kind === 'validator-set')?.name;
      const detail = `It is ${set.how}: the provider's validators and governance secure this chain, not its own (${cite(source)}). Review the provider as part of this chain's security.`;
      yield {
        at: set.at,
        severity: 'info',
        ...fitRow([
          ...(provider ? [[`The validator set is inherited from ${provider}: its validators and governance secure this chain.`, detail] as Row] : []),
          [`The validator set is inherited (${set.how}): the provider's validators and governance secure this chain.`, `This chain's own validators and governance do not (${cite(source)}). Review the provider as part of this chain's security.`],
          [`The validator set is inherited (${set.how}).`, detail],
          [`The validator set is inherited (${withField(mechanism, set.at)}): the provider's validators secure this chain.`, detail],
        ]),
      };
      return;
    }
    const admit = `admit${who.length === 1 ? 's' : ''} validators by permission`;
    const detail = `Validators are admitted by permission (${set.how})${who.length ? `: ${listOf(who)} decide${who.length === 1 ? 's' : ''} who validates` : ''}, so they can censor by choosing validators and halt or take over the chain by removing or adding them (${cite(source)}). Open admission to stakers, or put the admin behind governance and a timelock.`;
    // What the message names the set by: its key, or else (a raw chain spec's storage key) the role it holds.
    const field = fieldOf(set.at) ?? model.grants.find((g) => g.at.file === set.at.file && JSON.stringify(g.at.path) === JSON.stringify(set.at.path))?.title;
    const validators = `Validators${field ? ` (${field})` : ''} are admitted by permission`;
    yield {
      at: set.at,
      subjects: admins.map((g) => g.holder.key),
      ...(who.length
        ? fitRow(
          [[`${listOf(who)} ${admit} (${mechanism}), not by stake.`, detail], [`${someOf(who, 2)} ${admit}, not by stake.`, detail]],
          [[`${someOf(who.map(withoutAsides), 2)} ${admit}, not by stake.`, detail]],
        )
        : fitRow([
          [`${validators} (${mechanism}), not by stake: whoever admits them can censor or halt the chain.`, detail],
          [`${validators} (${mechanism}), not by stake.`, detail],
          [`${validators}, not by stake: whoever admits them can censor or halt the chain.`, detail],
        ])),
      related: admins.map((g) => ({ at: g.at, message: `${entities.label(entities.entityOf(g.holder))} can choose the validators (${g.title})` })),
    };
  },
};
