import { THRESHOLDS } from '../data/thresholds';
import { listOf } from './phrases';
import type { Rule } from './types';

export const permissionedProofs: Rule = {
  meta: {
    id: 'permissioned-proofs',
    title: 'Only permissioned parties can prove or dispute state',
    severity: 'warning',
    category: 'proofs',
    description: 'The proof system that withdrawals trust is permissioned (e.g. OP respectedGameType 1, the legacy L2OutputOracle) or proves nothing (test game types).',
    rationale:
      'With permissioned proofs only whitelisted proposers and challengers take part, so the safety of every withdrawal rests on those few parties being honest and online. L2BEAT requires at least 5 external actors able to submit fraud proofs (Stage 0 item) and a permissionless proof system for Stage 2; its risk rosette scores 1 to 4 whitelisted challengers as bad. A game type that proves nothing (devnet test games) means there is no working proof system at all.',
    remediation:
      'Use the permissionless proof system (OP Stack: respectedGameType 0, CANNON; Orbit: disable the validator whitelist), or at least whitelist 5 or more independent challengers. The quick fix sets the permissionless value where the file has one.',
    sources: ['l2beatStages', 'l2beatRiskView', 'opStandardParams'],
    thresholds: ['proofMinOutsideChallengers'],
    fixable: true,
  },
  *check({ model, entities }) {
    const proof = model.proofSystem;
    if (!proof || proof.kind === 'permissionless-fraud' || proof.kind === 'validity') return;
    const parties = model.grants.filter((g) => g.powers.includes('propose') || g.powers.includes('challenge'));
    const byHolder = new Map<string, string[]>();
    for (const grant of parties) {
      const label = entities.label(entities.entityOf(grant.holder));
      byHolder.set(label, [...(byHolder.get(label) ?? []), grant.title]);
    }
    const who = parties.length > 0 ? ` only ${listOf([...byHolder].map(([label, roles]) => `${label} (${listOf(roles)})`))} can take part, so` : '';
    const consequence = proof.kind === 'none'
      ? `Withdrawals trust ${proof.title}: there is no working proof system, so whoever proposes state decides what users can withdraw.`
      : `Withdrawals trust ${proof.title}:${who} a single absent or colluding party decides which state roots stand.`;
    yield {
      at: proof.at,
      severity: proof.kind === 'none' ? 'error' : 'warning',
      subjects: parties.map((g) => g.holder.key),
      message: `${consequence} L2BEAT Stages require at least ${THRESHOLDS.proofMinOutsideChallengers.value} outside challengers and, for Stage 2, permissionless proofs.`,
      related: parties.map((g) => ({ at: g.at, message: `${g.title}` })),
      fixes: proof.permissionlessValue === undefined ? [] : [{ title: `Trust the permissionless proof system (${String(proof.permissionlessValue)})`, edits: [{ at: proof.at, value: proof.permissionlessValue }] }],
    };
  },
};
