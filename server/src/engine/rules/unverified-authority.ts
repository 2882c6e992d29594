import { devKeyFor } from '../data/dev-keys';
import { CONTROL_POWERS, declareHint, powerVerbs, roleTitles } from './phrases';
import type { Rule } from './types';

export const unverifiedAuthority: Rule = {
  meta: {
    id: 'unverified-authority',
    title: 'A power is held by an address of unknown nature',
    severity: 'warning',
    category: 'roles',
    description: 'An address holds a power, but nothing says whether it is a single key, a multisig, a timelock or governance.',
    rationale:
      'Whether a role is safe depends on who stands behind the address: one laptop key, a 2-of-3 of colleagues, or a 6-of-8 council behind a 7-day timelock. A config file only shows the address, so Chokepoint cannot count how many parties must collude or how long users have to exit until the holder is declared. L2BEAT assesses every permissioned address the same way, by what controls it.',
    remediation:
      'Declare the holder under `entities:` in .chokepoint.yaml (kind, threshold, signers, external signers, delay), or with an inline comment on the address line in YAML, TOML or JSONC: `# chokepoint: multisig 6-of-8 timelock 7d entity security-council`. Once declared, the council, exit-window and role rules check it.',
    sources: ['l2beatStages', 'l2beatRiskView'],
    fixable: false,
  },
  *check({ holders, entities, formatOf, frameworkOf }) {
    for (const holder of holders) {
      const { entity } = holder;
      const undeclaredMultisig = entity.kind === 'multisig' && (entity.threshold === undefined || entity.signers === undefined);
      if (entity.kind !== 'unknown' && !undeclaredMultisig) continue;
      if (entity.addressKeys.some((key) => devKeyFor(key))) continue;
      const control = [...holder.powers].some((p) => CONTROL_POWERS.has(p));
      const [first, ...rest] = holder.grants;
      const what = undeclaredMultisig ? 'its threshold and signers are not declared' : 'nothing declares whether it is a single key, a multisig or a timelock';
      yield {
        at: first.at,
        severity: control ? 'warning' : 'info',
        subjects: entity.addressKeys,
        message: `${entities.label(entity)} can ${powerVerbs(holder.powers, frameworkOf(first.at))} (${roleTitles(holder.grants)}), but ${what}, so Chokepoint cannot count who must collude. ${declareHint(formatOf(first.at), entity)}.`,
        related: rest.map((g) => ({ at: g.at, message: `${entities.label(entity)} is also the ${g.title}` })),
      };
    }
  },
};
