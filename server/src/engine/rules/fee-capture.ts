import { sourceFor } from './framework-terms';
import { cite, listOf, powerVerbs } from './phrases';
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
      const why = operating.length > 0
        ? `which can also ${powerVerbs(operatorPowers, frameworkOf(fees[0].at))}: the chain's revenue goes to a party that runs it rather than to its governance`
        : 'a single key, so one compromise drains the chain\'s revenue';
      const source = sourceFor(frameworkOf(fees[0].at), { 'op-stack': 'opConfigurability', 'arbitrum-orbit': 'orbitSdk', avalanche: 'subnetEvmPrecompiles', polygon: 'polygonZkevm', 'appchain-manifest': 'chokepointManifest' }, 'quantifyingDecentralization');
      yield {
        at: fees[0].at,
        subjects: holder.entity.addressKeys,
        message: `${listOf(fees.map((g) => g.title))} pay${fees.length === 1 ? 's' : ''} ${who}, ${why}. Send fees to a treasury the chain's governance controls (${cite(source)}).`,
        related: [...fees.slice(1), ...operating].map((g) => ({ at: g.at, message: `${who} is also the ${g.title}` })),
      };
    }
  },
};
