import { sourceFor } from './framework-terms';
import { cite, listOf, powerVerbs, someOf } from './phrases';
import { fitRow, withoutAsides } from './one-row';
import type { Rule } from './types';
import type { Power } from '../model/schema';

/** Powers that make a fee recipient an operator of the chain rather than a treasury. */
const OPERATOR_POWERS: ReadonlySet<Power> = new Set(['sequence', 'propose', 'challenge', 'upgrade', 'pause', 'set-params', 'mint', 'censor', 'deploy']);

export const feeCapture: Rule = {
  meta: {
    id: 'fee-capture',
    title: 'An operator captures fee revenue',
    severity: 'warning',
    category: 'fees',
    description: 'Fee or revenue recipients are an address that also operates or controls the chain, or a single key.',
    rationale:
      'Sequencer, base-fee and L1-fee vaults (and their equivalents in other stacks) collect the chain\'s revenue. When they pay out to the same key that sequences, upgrades or sets parameters, the operator both earns the revenue and controls the rules that produce it, and the community that governs the chain has no say over the treasury. When they pay out to a single key, one compromise drains the revenue.',
    remediation: 'Point fee recipients at a treasury the chain\'s governance controls: a DAO timelock, a governance-owned splitter, or at least a multisig that is not an operator key.',
    sources: ['opConfigurability', 'orbitSdk', 'subnetEvmPrecompiles', 'polygonZkevm', 'chokepointManifest', 'quantifyingDecentralization'],
    fixable: false,
  },
  *check({ holders, entities, frameworkOf }) {
    for (const holder of holders) {
      const fees = holder.grants.filter((g) => g.powers.includes('receive-fees'));
      if (fees.length === 0) continue;
      const operating = holder.grants.filter((g) => !g.powers.includes('receive-fees') && g.powers.some((p) => OPERATOR_POWERS.has(p)));
      const singleKey = holder.entity.kind === 'eoa';
      if (operating.length === 0 && !singleKey) continue;
      const who = entities.label(holder.entity);
      const operatorPowers = new Set(operating.flatMap((g) => g.powers).filter((p) => p !== 'receive-fees'));
      const verbs = powerVerbs(operatorPowers, frameworkOf(fees[0].at));
      const source = sourceFor(frameworkOf(fees[0].at), { 'op-stack': 'opConfigurability', 'arbitrum-orbit': 'orbitSdk', avalanche: 'subnetEvmPrecompiles', polygon: 'polygonZkevm', 'appchain-manifest': 'chokepointManifest' }, 'quantifyingDecentralization');
      const titles = fees.map((g) => g.title);
      const pay = (recipients: string, to = who) => `${recipients} pay${fees.length === 1 ? 's' : ''} ${to}`;
      const remedy = `Send fees to a treasury the chain's governance controls (${cite(source)}).`;
      const all = titles.length > 2 ? ` It is the ${listOf(titles)}.` : '';
      yield {
        at: fees[0].at,
        subjects: holder.entity.addressKeys,
        ...(operating.length > 0
          ? fitRow([
            [`${pay(listOf(titles))}, which can also ${verbs}.`, `The chain's revenue goes to a party that runs it rather than to its governance. ${remedy}`],
            [`${pay(someOf(titles, 1))}, which can also ${verbs}.`, `The chain's revenue goes to a party that runs it rather than to its governance.${all} ${remedy}`],
            [`${pay(someOf(titles, 1))}, which also operates the chain.`, `It can also ${verbs}: the chain's revenue goes to a party that runs it rather than to its governance.${all} ${remedy}`],
          ], [
            [`${pay(someOf(titles, 1), withoutAsides(who))}, which also operates the chain.`, `It is ${who} and can also ${verbs}: the chain's revenue goes to a party that runs it rather than to its governance.${all} ${remedy}`],
          ])
          : fitRow([
            [`${pay(listOf(titles))}, a single key.`, `One compromise drains the chain's revenue. ${remedy}`],
            [`${pay(someOf(titles, 1))}, a single key.`, `One compromise drains the chain's revenue.${all} ${remedy}`],
          ], [
            [`${pay(someOf(titles, 1), withoutAsides(who))}, a single key.`, `It is ${who}: one compromise drains the chain's revenue.${all} ${remedy}`],
          ])),
        related: [...fees.slice(1), ...operating].map((g) => ({ at: g.at, message: `${who} is also the ${g.title}` })),
      };
    }
  },
};
