import { THRESHOLDS } from '../data/thresholds';
import { byNetwork, capitalized, cite, listOf } from './phrases';
import { fitRow, withoutAsides } from './one-row';
import type { Rule } from './types';

export const weakDac: Rule = {
  meta: {
    id: 'weak-dac',
    title: 'A data-availability committee is too small or trusts too few members',
    severity: 'warning',
    category: 'dependencies',
    description: 'A data-availability committee (e.g. an AnyTrust DAC) has a single member, fewer than 6 members, placeholder keys, fewer than 5 external members, or a keyset that assumes more than a third of its members honest.',
    rationale:
      'A chain whose data sits with a committee instead of its parent chain is only as safe as that committee: if enough members withhold the data, nobody can rebuild the state or prove a withdrawal, and if enough of them sign, the sequencer can post batches whose data was never published. An AnyTrust keyset that assumes H of N members honest accepts a certificate signed by N + 1 − H of them. L2BEAT rates a committee as bad when it has fewer than 6 members, fewer than 5 of them external, or when more than a third of its members must be honest (H/N > 1/3). The Orbit SDK\'s node-config template writes a committee of one with a placeholder key: a 1-of-1 committee is the operator alone.',
    remediation:
      'Add independent members (at least 6, of which at least 5 outside the organization that runs the chain), replace placeholder keys with the members\' BLS keys, and recompute the keyset with the Orbit SDK\'s prepareKeyset so that at most a third of the members must be honest (e.g. 8 members with assumed-honest 2). Or post data to the parent chain (rollup mode).',
    sources: ['l2beatDac', 'arbitrumAnyTrust', 'orbitSdk'],
    thresholds: ['dacMinMembers', 'dacMaxAssumedHonestShare', 'dacMinExternalMembers'],
    fixable: false,
  },
  *check({ model }) {
    const minMembers = THRESHOLDS.dacMinMembers.value;
    const maxShare = THRESHOLDS.dacMaxAssumedHonestShare.value;
    const minExternal = THRESHOLDS.dacMinExternalMembers.value;
    for (const dependency of model.dependencies) {
      const committee = dependency.committee;
      if (!committee) continue;
      const { size, assumedHonest, placeholderKeys, external } = committee;
      const keyset = `${size + 1 - assumedHonest}-of-${size}`;
      const related = [
        ...(committee.assumedHonestAt ? [{ at: committee.assumedHonestAt, message: `assumed-honest is ${assumedHonest}` }] : []),
        ...(committee.placeholderAt ? [{ at: committee.placeholderAt, message: 'a placeholder key' }] : []),
        { at: dependency.at, message: `the chain depends on ${dependency.name}` },
      ];
      const at = committee.assumedHonestAt ?? committee.at;
      const advice = `L2BEAT rates a committee under ${minMembers} members, or one where more than a third must be honest, as bad (${cite('l2beatDac')}); add independent members and raise the signatures a batch needs, or post data to the parent chain.`;
      // A name may be a phrase ("the CDKDataCommittee (validium: …)"); a message starts with a capital.
      const name = dependency.name.replace(/^the /, 'The ');
      if (size === 0) {
        const detail = `No keyset can be formed, so nothing guarantees the chain's data is available. ${advice}`;
        yield {
          at: committee.at,
          severity: byNetwork(model.chain.network, 'error', 'warning', 'info'),
          related,
          ...fitRow(
            [[`${name} lists no members, so nothing guarantees the chain's data is available.`, detail]],
            [[`${withoutAsides(name)} lists no members, so nothing guarantees the chain's data is available.`, `${name} lists no members. ${detail}`]],
          ),
        };
        continue;
      }
      if (size === 1 || size + 1 - assumedHonest <= 1) {
        const honest = `assumed-honest ${assumedHonest}`;
        const alone = size === 1 ? 'that member' : 'any one member';
        const detail = `${capitalized(alone)} alone can certify batches whose data was never published, or withhold the data it certified, and with it users' withdrawals${placeholderKeys > 0 ? `; its key is a placeholder` : ''}. ${advice}`;
        const what = (named: string) => (size === 1
          ? `${named} has one member (${honest}), who alone can certify or withhold the chain's data.`
          : `${named} is a ${keyset} keyset (${honest}): any one member can certify or withhold the chain's data.`);
        yield {
          at,
          severity: byNetwork(model.chain.network, 'error', 'warning', 'info'),
          related,
          ...fitRow([[what(name), detail]], [[what(withoutAsides(name)), `Its full name: ${name}. ${detail}`]]),
        };
        continue;
      }
      const reasons: string[] = [];
      if (placeholderKeys > 0) reasons.push(`${placeholderKeys} placeholder key${placeholderKeys === 1 ? '' : 's'}`);
      if (size < minMembers) reasons.push(`only ${size} members`);
      if (assumedHonest / size > maxShare) reasons.push(`assumed-honest ${assumedHonest} of ${size} (more than a third must be honest)`);
      if (external !== undefined && external < minExternal) reasons.push(`only ${external} external member${external === 1 ? '' : 's'}`);
      if (reasons.length === 0) continue;
      const colluding = `${size + 1 - assumedHonest} colluding members can certify batches whose data was never published, and with it block users' withdrawals. ${advice}`;
      yield {
        at: placeholderKeys > 0 && committee.placeholderAt ? committee.placeholderAt : at,
        severity: placeholderKeys > 0 ? byNetwork(model.chain.network, 'error', 'warning', 'info') : byNetwork(model.chain.network, 'warning', 'warning', 'info'),
        related,
        ...fitRow(
          [
            [`${name} is a ${keyset} keyset with ${listOf(reasons)}.`, colluding],
            [`${name} is a ${keyset} keyset with ${withoutAsides(listOf(reasons))}.`, `It has ${listOf(reasons)}: ${colluding}`],
          ],
          [[`${withoutAsides(name)} is a ${keyset} keyset with ${withoutAsides(listOf(reasons))}.`, `${name} has ${listOf(reasons)}: ${colluding}`]],
        ),
      };
    }
  },
};
