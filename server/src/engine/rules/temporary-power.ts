import { namedSource, sourceFor } from './framework-terms';
import { cite, powerVerbs } from './phrases';
import { fitRow } from './one-row';
import type { Rule } from './types';

/** "2026-01-07 11:30 UTC" from an RFC 3339 time. */
function when(time: string): string {
  const parsed = new Date(time);
  if (Number.isNaN(parsed.getTime())) return time;
  return parsed.toISOString().replace(/:00\.000Z$|\.000Z$/, 'Z').replace('T', ' ').replace(/Z$/, ' UTC');
}

export const temporaryPower: Rule = {
  meta: {
    id: 'temporary-power',
    title: 'A power was held only for a window',
    severity: 'info',
    category: 'roles',
    description: 'A role that a later change in the chain\'s files ends, such as an allow-list admin of a Subnet-EVM precompile that an upgrade disables: the holder holds nothing at the end, but held the power for a time.',
    rationale:
      'Chokepoint judges the final state of a chain\'s timeline: a precompile that an upgrade disables gives its admins nothing afterwards, so no other rule counts them. What they did while they held the role stays done, though: coins minted, contracts deployed or fee settings changed in that window outlive the role, and a window that is still ahead is a power held until then.',
    remediation:
      'Nothing to change in the configuration. Review what the holder did in the window (the chain\'s history between the two times), and if the window is still ahead, treat the holder as holding the power until it closes.',
    sources: ['subnetEvmPrecompileUpgrades'],
    fixable: false,
  },
  *check({ model, entities, frameworkOf }) {
    for (const grant of model.endedGrants ?? []) {
      const framework = frameworkOf(grant.at);
      const source = namedSource(grant.endedBy.source, framework) ?? sourceFor(framework, { avalanche: 'subnetEvmPrecompileUpgrades' }, 'quantifyingDecentralization');
      const entity = entities.entityOf(grant.holder);
      const start = grant.from ? `from ${when(grant.from)}` : 'from genesis';
      const could = `could ${powerVerbs(grant.powers, framework)} as ${grant.title}`;
      const what = `${entities.label(entity)} is ${entities.describe(entity)}.`;
      const ends = `${grant.endedBy.title} ends the role (${cite(source)}). It holds nothing after that, but what it did in that window stays done: review the chain's history for it.`;
      yield {
        at: grant.at,
        severity: 'info',
        subjects: entity.addressKeys,
        ...fitRow([
          [`${entities.who(entity)} ${could} ${start} until ${when(grant.until)}.`, `Then ${ends}`],
          [`${entities.label(entity)} ${could} ${start} until ${when(grant.until)}.`, `Then ${ends} ${what}`],
          [`${entities.label(entity)} ${could} until ${when(grant.until)}.`, `It held the role ${start}; then ${ends} ${what}`],
        ]),
        related: [{ at: grant.endedBy.at, message: `${grant.endedBy.title} ends the ${grant.title} role of ${grant.holder.raw} here` }],
      };
    }
  },
};
