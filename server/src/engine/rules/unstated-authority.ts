import { byNetwork, capitalized, cite, listOf, namedSourceOr } from './phrases';
import { firstClause, fitRow } from './one-row';
import type { Rule } from './types';

/**
 * A power the chain has whose holder the file does not state. Saying nothing would read as "no
 * problem"; guessing a holder would be a verdict without evidence. So the finding says the holder is
 * unknown, names the fact that would settle it, and lists the roles the file does give that could be
 * it, without judging any of them.
 */
export const unstatedAuthority: Rule = {
  meta: {
    id: 'unstated-authority',
    title: 'Who holds a power is not in the configuration',
    severity: 'warning',
    category: 'roles',
    description: 'The chain has a power, such as upgrading it, whose holder the configuration does not state and the framework\'s default does not settle: a Cosmos genesis with x/upgrade but no x/gov module.',
    rationale:
      'A Cosmos SDK module takes its authority from the app\'s wiring, and the SDK\'s default is the x/gov module account, so a genesis with x/gov says that upgrades and parameter changes go through a vote. Without x/gov that default cannot hold: the binary gives the authority to someone else (a group, an admin module, a key), or to no one. The genesis alone does not say which, so any verdict on who can upgrade the chain, or on its stage of decentralization, would be unsupported. Chokepoint reports it as unknown and names what would settle it.',
    remediation: 'Find who holds the power: run `<daemon> query upgrade authority` on a node of the chain, or read the authority the app passes to its upgrade keeper. Then suppress this finding with a reason that names the holder, and declare what that holder is (a key, a multisig, a group) under `entities:` in .chokepoint.yaml so other rules can count who must collude.',
    sources: ['cosmosModuleAuthority'],
    fixable: false,
  },
  *check({ model, entities }) {
    for (const unstated of model.unstated ?? []) {
      const candidates = unstated.candidates.map((c) => `${entities.label(entities.entityOf(c.address))}, ${c.role}`);
      const named = candidates.length > 0 ? ` ${candidates.length === 1 ? 'A candidate the file names' : 'Candidates the file names'}: ${listOf(candidates)}.` : '';
      const detail = `${capitalized(unstated.why)} (${cite(namedSourceOr(unstated.source, 'cosmosModuleAuthority'))}).${named} To settle it, ${unstated.find}, then suppress this finding with a reason naming the holder.`;
      yield {
        at: unstated.at,
        severity: byNetwork(model.chain.network, 'warning', 'info', 'info'),
        subjects: unstated.candidates.map((c) => c.address.key),
        ...fitRow([[`Who can ${unstated.title} is unknown: ${firstClause(unstated.why)}.`, detail], [`Who can ${unstated.title} is unknown.`, detail]]),
        related: unstated.candidates.map((c) => ({ at: c.at, message: `A candidate for who can ${unstated.title}: ${entities.label(entities.entityOf(c.address))}` })),
      };
    }
  },
};
