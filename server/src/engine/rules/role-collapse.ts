import { isRollupFamily } from './framework-terms';
import type { Power } from '../model/schema';
import { cite, powerVerbs, roleTitles, theRoles } from './phrases';
import { fitRow, withoutAsides } from './one-row';
import type { Rule } from './types';

/** Pairs of powers meant to check each other, with why one holder of both defeats the check, in full and in brief. */
const CONFLICTS: [Power, Power, string, string][] = [
  ['propose', 'challenge', 'it can propose a state root and is also the one who would challenge it, so a false root goes unchallenged', 'a false root goes unchallenged'],
  ['upgrade', 'pause', 'the holder that upgrades is also the one meant to stop a bad upgrade, so nothing checks it', 'nothing checks its upgrades'],
];

export const roleCollapse: Rule = {
  meta: {
    id: 'role-collapse',
    title: 'One holder collapses critical roles',
    severity: 'warning',
    category: 'roles',
    description: 'One entity holds several critical roles that the framework keeps separate, e.g. ProxyAdmin owner = Guardian = Challenger.',
    rationale:
      'Rollup security models assume critical roles check each other: the Challenger disputes the Proposer, the Guardian can stop a bad upgrade, the SystemConfig owner cannot upgrade. When one key or one multisig holds several of them, one compromise, one coerced signer set or one mistake exercises all of them at once. The OP Stack standard assigns each role to a different holder, and L2BEAT\'s Stage 1 principle requires that only a Security Council supermajority can push an invalid state or block exits.',
    remediation:
      'Give each role its own holder. Addresses controlled by the same organization count as one holder, so declare them as one entity in .chokepoint.yaml if they are.',
    sources: ['opConfigurability', 'opStandardRoles', 'l2beatStages', 'quantifyingDecentralization'],
    fixable: false,
  },
  *check({ holders, entities, frameworkOf }) {
    for (const holder of holders) {
      const critical = holder.grants.filter((g) => g.critical);
      const powers = new Set(critical.flatMap((g) => g.powers));
      // One role with several powers (an Orbit chain owner upgrades and sets parameters) is no collapse; nor is one role written in two files.
      if (powers.size < 2 || new Set(critical.map((g) => g.role)).size < 2) continue;
      const conflict = CONFLICTS.find(([a, b]) => powers.has(a) && powers.has(b));
      const proper = entities.isProperCouncil(holder.entity);
      const who = entities.who(holder.entity);
      const why = conflict ? `: ${conflict[2]}` : `, so one compromise exercises all of them`;
      const brief = conflict ? conflict[3] : 'one compromise exercises all of them';
      const [first, ...rest] = critical;
      // L2BEAT's stages speak for rollups; elsewhere the point is the Nakamoto count of who must collude.
      const source = isRollupFamily(frameworkOf(first.at)) ? 'l2beatStages' : 'quantifyingDecentralization';
      const titles = [...new Set(critical.map((g) => g.title))];
      const roles = theRoles(titles);
      const label = entities.label(holder.entity);
      const described = entities.describe(holder.entity);
      const detail = `It holds ${critical.length} critical roles (${roleTitles(critical)}) and can ${powerVerbs(powers, frameworkOf(first.at))}${why}. Critical roles must check each other (${cite(source)}); give each its own holder.`;
      yield {
        at: first.at,
        severity: conflict && !proper ? 'error' : 'warning',
        subjects: holder.entity.addressKeys,
        ...fitRow([
          [`${who} is ${roles}: ${brief}.`, detail],
          [`${label} is ${roles}: ${brief}.`, `It is ${described}. ${detail}`],
          [`${label} is ${theRoles(titles.map(withoutAsides))}: ${brief}.`, `It is ${described}. ${detail}`],
          [`${label} holds ${titles.length} critical roles, among them the ${withoutAsides(titles[0])}: ${brief}.`, `It is ${described}. ${detail}`],
        ], [
          [`${withoutAsides(label)} is ${theRoles(titles.map(withoutAsides))}: ${brief}.`, `It is ${label}, ${described}. ${detail}`],
          [`${withoutAsides(label)} holds ${titles.length} critical roles, among them the ${withoutAsides(titles[0])}: ${brief}.`, `It is ${label}, ${described}. ${detail}`],
          [`${withoutAsides(label)} holds ${titles.length} critical roles: ${brief}.`, `It is ${label}, ${described}. ${detail}`],
        ]),
        related: rest.map((g) => ({ at: g.at, message: `${label} is also the ${g.title}` })),
      };
    }
  },
};
