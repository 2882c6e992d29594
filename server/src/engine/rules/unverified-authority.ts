import { devKeyFor } from '../data/dev-keys';
import { cite, CONTROL_POWERS, listOf, powerVerbs, resolveHint, someOf, theRoles } from './phrases';
import { fitRow } from './one-row';
import { verifiableOnChain } from './framework-terms';
import { isOperationalKey, operatingVerbs, operatorSource } from './operational-keys';
import { byPower } from './power-rank';
import type { Rule } from './types';

export const unverifiedAuthority: Rule = {
  meta: {
    id: 'unverified-authority',
    title: 'A power is held by an address of unknown nature',
    severity: 'warning',
    category: 'roles',
    description: 'An address holds a power, but nothing says whether it is a single key, a multisig, a timelock or governance.',
    rationale:
      'Whether a role is safe depends on who stands behind the address: one laptop key, a 2-of-3 of colleagues, or a 6-of-8 council behind a 7-day timelock. A config file only shows the address, so Chokepoint cannot count how many parties must collude or how long users have to exit until the holder is verified on chain or declared. L2BEAT assesses every permissioned address the same way, by what controls it. Each holder is reported once per chain, on its most powerful role. Operational keys (a batcher, a sequencer\'s block signer, a proposer, a block author) are one key by design, since a node signs with them as it runs: they are named at information with what they can do, not asked about.',
    remediation:
      'Where the holder acts on an EVM chain (a rollup\'s parent chain, an Avalanche L1), run `chokepoint verify --rpc <URL>` (or **Chokepoint: Verify Addresses On Chain** in VS Code) to read what each address is on chain into `chokepoint.lock.json`, and commit it. Or declare the holder under `entities:` in .chokepoint.yaml (kind, threshold, signers, external signers, delay), or with an inline comment on the address line in YAML, TOML or JSONC: `# chokepoint: multisig 6-of-8 timelock 7d entity security-council`. Once verified or declared, the council, exit-window and role rules check it.',
    sources: ['l2beatStages', 'l2beatRiskView', 'polkadotConsensus', 'cometbftSpec'],
    fixable: false,
  },
  *check({ holders, entities, formatOf, frameworkOf }) {
    for (const holder of holders) {
      const { entity } = holder;
      const undeclaredMultisig = entity.kind === 'multisig' && (entity.threshold === undefined || entity.signers === undefined);
      if (entity.kind !== 'unknown' && !undeclaredMultisig) continue;
      if (entity.addressKeys.some((key) => devKeyFor(key))) continue;
      const [first, ...rest] = byPower(holder.grants);
      const label = entities.label(entity);
      const powers = [...new Set(byPower(holder.grants).flatMap((g) => g.powers))];
      const titles = [first, ...rest].map((g) => g.title);
      const roles = listOf(titles);
      const framework = frameworkOf(first.at);
      const related = rest.map((g) => ({ at: g.at, message: `${label} is also the ${g.title}` }));
      if (entity.kind === 'unknown' && isOperationalKey(holder)) {
        const source = operatorSource(framework, powers);
        const operates = `it can ${operatingVerbs(powers)}`;
        const normal = `One key is normal for such a role, since its node signs with that key as it runs, so Chokepoint does not ask what it is${source ? ` (${cite(source)})` : ''}.`;
        yield {
          at: first.at,
          severity: 'info',
          subjects: entity.addressKeys,
          ...fitRow([
            [`${label} is an operational key (${roles}): ${operates}.`, normal],
            [`${label} is an operational key (${someOf(titles, 1)}): ${operates}.`, `Its roles: ${roles}. ${normal}`],
            [`${label} is an operational key (${first.title}).`, `As ${roles}, ${operates}. ${normal}`],
          ]),
          related,
        };
        continue;
      }
      const control = powers.some((p) => CONTROL_POWERS.has(p));
      const onChain = verifiableOnChain(framework) && holder.grants.some((g) => g.holder.scheme === 'evm');
      const what = undeclaredMultisig ? 'its threshold and signers are undeclared' : 'what it is is undeclared';
      const why = `${undeclaredMultisig ? 'Its threshold and signers are not declared' : 'Nothing declares whether it is a single key, a multisig or a timelock'}, so Chokepoint cannot count who must collude. ${resolveHint(formatOf(first.at), entity, onChain)}.`;
      const can = powerVerbs(powers, framework);
      yield {
        at: first.at,
        severity: control ? 'warning' : 'info',
        subjects: entity.addressKeys,
        ...fitRow([
          [`${label} can ${can}, but ${what}.`, `It is ${theRoles(titles)}. ${why}`],
          [`${label} is ${theRoles([first.title])}${rest.length ? ` and ${rest.length} more` : ''}, but ${what}.`, `As ${theRoles(titles)}, it can ${can}. ${why}`],
        ]),
        related,
      };
    }
  },
};
