import { THRESHOLDS } from '../data/thresholds';
import { ageInDays, readAt, sourceName } from '../lock/describe';
import { cite } from './phrases';
import { fitRow, type Row } from './one-row';
import type { Rule } from './types';

const DEFAULT_DAYS = THRESHOLDS.verifiedMaxAge.value / 86_400;

export const staleVerification: Rule = {
  meta: {
    id: 'stale-verification',
    title: 'The facts verified on chain are old',
    severity: 'info',
    category: 'roles',
    description: `chokepoint.lock.json or an L2BEAT discovery snapshot read the chain longer ago than the configured age (${DEFAULT_DAYS} days by default), or does not record when it read it.`,
    rationale:
      'Safe owners and thresholds, timelock delays and role holders change with a single transaction. Facts read on chain are only as good as their age: a lock read months ago may count signers who have since left. Reading the chain again on a schedule keeps the lint\'s verdicts about the chain as it is.',
    remediation:
      'Run `chokepoint verify` again and commit the new lock (or use a newer L2BEAT snapshot), and check it on a schedule with `chokepoint verify --check`. Raise `maxAgeDays` where the chain rarely changes.',
    sources: ['chokepointVerify', 'safeOwnerManager'],
    thresholds: ['verifiedMaxAge'],
    options: { maxAgeDays: `Days after which verified facts are reported (default ${DEFAULT_DAYS}).` },
    fixable: false,
  },
  *check({ verified, model, entities, options, now }) {
    if (!verified) return;
    const maxAge = typeof options.maxAgeDays === 'number' && options.maxAgeDays >= 0 ? options.maxAgeDays : DEFAULT_DAYS;
    const seen = new Set<string>();
    for (const section of verified.sections) {
      if (seen.has(section.source.file)) continue;
      seen.add(section.source.file);
      const age = ageInDays(section.chain.block.timestamp, now);
      if (age !== undefined && age <= maxAge) continue;
      // On the first role whose holder these facts verified, in the chain's first file; else that file's first line.
      const grant = model.grants.find((g) => entities.entityOf(g.holder).declared?.file === section.source.file);
      const holder = grant ? entities.label(entities.entityOf(grant.holder)) : undefined;
      const what = holder ? `what ${holder} and the chain's other verified holders are` : 'the holders of this chain';
      const when = age === undefined
        ? `but does not record when, so how old its facts are cannot be told`
        : `on ${section.chain.block.timestamp.slice(0, 10)}, ${age.toLocaleString('en-US')} days ago, more than the ${maxAge} days this lint accepts`;
      const source = sourceName(section.source);
      const detail = `${section.source.kind === 'lock' ? `The lock ${source}` : source.replace(/^the /, 'The ')} read ${what} ${readAt(section.chainId, section.chain)}, ${when} (${cite('chokepointVerify')}). Owners, thresholds and delays may have changed since; run chokepoint verify again and commit the lock.`;
      const facts = (on: string) => (age === undefined
        ? `The facts on ${on} in ${source} do not record when they were read.`
        : `The facts on ${on} in ${source} are ${age.toLocaleString('en-US')} days old, more than the ${maxAge} days this lint accepts.`);
      yield {
        at: grant?.at ?? { file: model.chain.at.file, path: [] },
        subjects: grant ? [grant.holder.key] : [],
        ...fitRow([[facts(holder ?? "this chain's holders"), detail], ...(grant ? [[facts(`the ${grant.title}`), detail] as Row] : [])]),
      };
    }
  },
};
