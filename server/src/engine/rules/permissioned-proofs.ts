import { THRESHOLDS } from '../data/thresholds';
import type { EntityIndex } from '../entities';
import { formatDuration } from '../model/duration';
import type { AuthorityModel } from '../model/schema';
import { listOf, someOf } from './phrases';
import { firstClause, fitRow, type Row, withField, withoutAsides } from './one-row';
import type { Rule, RuleFinding } from './types';

export const permissionedProofs: Rule = {
  meta: {
    id: 'permissioned-proofs',
    title: 'Only permissioned parties can prove or dispute state',
    severity: 'warning',
    category: 'proofs',
    description: 'The proof system that withdrawals trust is permissioned (e.g. OP respectedGameType 1, the legacy L2OutputOracle), proves nothing (test game types, a mock verifier), or takes validity proofs from whitelisted provers only (a Polygon zkEVM trusted aggregator).',
    rationale:
      'With permissioned proofs only whitelisted proposers and challengers take part, so the safety of every withdrawal rests on those few parties being honest and online. L2BEAT requires at least 5 external actors able to submit fraud proofs (Stage 0 item) and a permissionless proof system for Stage 2; its risk rosette scores 1 to 4 whitelisted challengers as bad. A game type that proves nothing (devnet test games) or a mock verifier means there is no working proof system at all. Validity proofs stop a prover from finalizing a false state, but when only whitelisted provers may submit them, a prover that stops freezes withdrawals; L2BEAT\'s proposer-failure risk is good only if anyone may prove after a bounded delay, and Stage 1 requires that users can exit without the permissioned operators.',
    remediation:
      'Use the permissionless proof system (OP Stack: respectedGameType 0, CANNON; Orbit: disable the validator whitelist), or at least whitelist 5 or more independent challengers; with validity proofs (Polygon zkEVM), keep the delay after which anyone may prove (trustedAggregatorTimeout) short. The quick fix sets the permissionless value where the file has one.',
    sources: ['l2beatStages', 'l2beatRiskView', 'opStandardParams'],
    thresholds: ['proofMinOutsideChallengers', 'stage1ExitWindow'],
    fixable: true,
  },
  *check({ model, entities }) {
    const proof = model.proofSystem;
    if (!proof || proof.kind === 'permissionless-fraud') return;
    if (proof.kind === 'validity') {
      yield* permissionedProvers(model, entities);
      return;
    }
    const parties = model.grants.filter((g) => g.powers.includes('propose') || g.powers.includes('challenge'));
    const byHolder = new Map<string, string[]>();
    for (const grant of parties) {
      const label = entities.label(entities.entityOf(grant.holder));
      byHolder.set(label, [...(byHolder.get(label) ?? []), grant.title]);
    }
    const stages = `L2BEAT Stages require at least ${THRESHOLDS.proofMinOutsideChallengers.value} outside challengers and, for Stage 2, permissionless proofs.`;
    const trusts = (title: string) => `Withdrawals trust ${title}`;
    const shorter = firstClause(proof.title);
    // Without the parties to name, the message names the field the proof system is read from.
    const field = withField(shorter, proof.at);
    const named = `The proof system: ${proof.title}.`;
    const rows: Row[] = [];
    const lastResort: Row[] = [];
    if (proof.kind === 'none') {
      const tail = `Whoever proposes state decides what users can withdraw. ${stages}`;
      rows.push([`${trusts(proof.title)}: there is no working proof system.`, tail], [`${trusts(field)}: there is no working proof system.`, `${named} ${tail}`]);
    } else if (byHolder.size === 0) {
      const tail = `A single absent or colluding party decides which state roots stand. ${stages}`;
      rows.push([`${trusts(proof.title)}: only whitelisted parties can take part.`, tail], [`${trusts(field)}: only whitelisted parties can take part.`, `${named} ${tail}`]);
    } else {
      const full = listOf([...byHolder].map(([label, roles]) => `${label} (${listOf(roles)})`));
      const tail = `A single absent or colluding party among them decides which state roots stand. ${stages}`;
      const detail = `${named} Only ${full} can take part, so a single absent or colluding party decides which state roots stand. ${stages}`;
      rows.push(
        [`${trusts(proof.title)}: only ${full} can take part.`, tail],
        [`${trusts(shorter)}: only ${full} can take part.`, `${named} ${tail}`],
        [`${trusts(shorter)}: only ${listOf([...byHolder.keys()])} can take part.`, detail],
        [`${trusts(withoutAsides(shorter))}: only ${someOf([...byHolder.keys()], 2)} can take part.`, detail],
      );
      lastResort.push([`${trusts(withoutAsides(shorter))}: only ${someOf([...byHolder.keys()].map(withoutAsides), 2)} can take part.`, detail]);
    }
    yield {
      at: proof.at,
      severity: proof.kind === 'none' ? 'error' : 'warning',
      subjects: parties.map((g) => g.holder.key),
      ...fitRow(rows, lastResort),
      related: parties.map((g) => ({ at: g.at, message: `${g.title}` })),
      fixes: proof.permissionlessValue === undefined ? [] : [{ title: `Trust the permissionless proof system (${String(proof.permissionlessValue)})`, changes: 'proof-system', edits: [{ at: proof.at, value: proof.permissionlessValue }] }],
    };
  },
};

/**
 * Validity proofs with a whitelisted prover: no false state can be finalized, but the prover decides
 * when state is finalized. Fine when anyone may prove after a short delay, a liveness risk otherwise.
 */
function* permissionedProvers(model: AuthorityModel, entities: EntityIndex): Iterable<RuleFinding> {
  const provers = model.grants.filter((g) => g.powers.includes('propose'));
  if (provers.length === 0) return;
  const labels = listOf(provers.map((g) => `${entities.label(entities.entityOf(g.holder))} (${g.title})`));
  const bare = someOf(provers.map((g) => entities.label(entities.entityOf(g.holder))), 2);
  const escape = model.delays.find((d) => d.kind === 'self-propose' && d.seconds !== null);
  const limit = THRESHOLDS.stage1ExitWindow.value;
  const base = {
    at: provers[0].at,
    subjects: provers.map((g) => g.holder.key),
    related: [...provers.slice(1).map((g) => ({ at: g.at, message: g.title })), ...(escape ? [{ at: escape.at, message: `${escape.title}: ${formatDuration(escape.seconds ?? 0)}` }] : [])],
  };
  if (!escape || escape.seconds === null) {
    const tail = 'Validity proofs check every state root, but if the prover stops, withdrawals stop. L2BEAT Stage 1 requires that users can exit without the permissioned operators; let anyone prove after a bounded delay.';
    yield {
      ...base,
      severity: 'warning',
      ...fitRow([
        [`Only ${labels} may submit validity proofs, and nothing lets anyone else prove.`, tail],
        [`Only ${bare} may submit validity proofs, and nothing lets anyone else prove.`, `The provers: ${labels}. ${tail}`],
      ]),
    };
    return;
  }
  const seconds = escape.seconds;
  const long = seconds >= limit;
  const tail = long
    ? `A prover that stops freezes withdrawals at least as long as the ${formatDuration(limit)} exit window L2BEAT Stage 1 requires. Shorten the delay after which anyone may prove.`
    : 'Validity proofs keep it from finalizing a false state, but if it stops, withdrawals wait that long. L2BEAT\'s proposer-failure risk counts on that escape; keep it short and admit more provers.';
  const first = `for the first ${formatDuration(seconds)}`;
  yield {
    ...base,
    severity: long ? 'warning' : 'info',
    ...fitRow([
      [`Only ${labels} may prove state ${first} (${escape.title}).`, tail],
      [`Only ${labels} may prove state ${first}.`, `That delay is the ${escape.title}. ${tail}`],
      [`Only ${bare} may prove state ${first}.`, `The provers: ${labels}; that delay is the ${escape.title}. ${tail}`],
    ]),
  };
}
