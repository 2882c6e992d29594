import { readAt, sourceName } from '../lock/describe';
import type { AppliedSection } from '../lock/verified-view';
import { parseAddress, shortAddress } from '../model/address';
import { isProduction, type ProofSystem } from '../model/schema';
import { sourceFor } from './framework-terms';
import { cite } from './phrases';
import { firstClause, fitRow, withField, withoutAsides } from './one-row';
import type { Rule, RuleContext, RuleFinding } from './types';

/** Weakest first: a proof system the chain respects that is weaker than the file's is worse than one that is stronger. */
const STRENGTH: ProofSystem['kind'][] = ['none', 'permissioned-fraud', 'permissionless-fraud', 'validity'];

export const configDrift: Rule = {
  meta: {
    id: 'config-drift',
    title: 'A config value differs from what the deployed chain reports',
    severity: 'warning',
    category: 'roles',
    description: 'A role the file assigns (the batcher, the SystemConfig owner, the guardian, the proposer, the challenger, the ProxyAdmin owner) is held by another address on the deployed chain, or the file implies another proof system than the one the chain\'s contracts respect, as chokepoint.lock.json or an L2BEAT discovery snapshot read them.',
    rationale:
      'Reviews, stage estimates and incident runbooks start from the config, so a config that no longer describes the deployed chain misleads all of them. Drift appears when a key is rotated on chain but not in the repository, or when a change is merged but never executed. In production, a critical role held by another party than the file names is an error: whoever can act is not whom the file shows. The chain\'s proof system is used for the stage estimate, since it is what withdrawals trust.',
    remediation:
      'Update the file to what the chain reports; or, if the file is the intended state, execute the change on chain. Then run `chokepoint verify` again so the lock records the chain as it is.',
    sources: ['opConfigurability', 'chokepointVerify'],
    fixable: false,
  },
  *check(context) {
    const { verified } = context;
    if (!verified?.roles) return;
    yield* roleDrift(context, verified.roles.values, verified.roles.section);
    if (verified.fileProofSystem && context.model.proofSystem) yield proofDrift(context, verified.fileProofSystem, context.model.proofSystem, verified.roles.section);
  },
};

function* roleDrift({ model, entities, frameworkOf }: RuleContext, roles: Record<string, string | number | null>, section: AppliedSection): Iterable<RuleFinding> {
  for (const grant of model.grants) {
    if (!Object.prototype.hasOwnProperty.call(roles, grant.role)) continue;
    const reported = roles[grant.role];
    if (typeof reported === 'number') continue;
    const onChain = reported === null ? undefined : parseAddress(reported);
    if (onChain?.key === grant.holder.key) continue;
    const named = entities.entityOf(grant.holder);
    const actual = onChain ? entities.entityOf(onChain) : undefined;
    const sameHolder = actual?.id === named.id;
    const critical = grant.critical && !sameHolder && isProduction(model.chain.network);
    const source = cite(sourceFor(frameworkOf(grant.at), { 'op-stack': 'opConfigurability', 'arbitrum-orbit': 'orbitSdk' }, 'chokepointVerify'));
    // An address the chain's model does not name is not written in full anywhere else, so the message writes it in full.
    const label = actual ? entities.label(actual) : 'no holder at all';
    const who = onChain && reported && label === shortAddress(reported) ? reported : label;
    const detail = `The deployed contracts report it ${readAt(section.chainId, section.chain)} (${sourceName(section.source)}; ${source}). ${sameHolder ? 'Both addresses are declared as one entity, so who holds the role is unchanged, but the file is out of date.' : 'Whoever holds the role on chain is not whom the file shows.'} Update the file or execute the change on chain, then run chokepoint verify again.`;
    yield {
      at: grant.at,
      severity: critical ? 'error' : 'warning',
      subjects: [grant.holder.key, ...(onChain ? [onChain.key] : [])],
      ...fitRow([
        [`The file names ${entities.label(named)} as the ${grant.title}, but the deployed chain reports ${who}.`, detail],
        [`The ${grant.title} on chain is ${who}, not ${entities.label(named)} as the file says.`, detail],
      ]),
    };
  }
}

function proofDrift({ model, frameworkOf }: RuleContext, file: ProofSystem, chain: ProofSystem, section: AppliedSection): RuleFinding {
  const weaker = STRENGTH.indexOf(chain.kind) < STRENGTH.indexOf(file.kind);
  const source = cite(sourceFor(frameworkOf(file.at), { 'op-stack': 'opStandardParams' }, 'chokepointVerify'));
  const detail = `Withdrawals on the deployed chain trust ${chain.title} (${sourceName(section.source)}; ${source}). ${weaker ? 'The chain is weaker than the file claims.' : 'The file understates the chain.'} The stage estimate uses the chain's proof system; update the file to match it.`;
  return {
    at: file.at,
    severity: weaker && isProduction(model.chain.network) ? 'error' : 'warning',
    ...fitRow([
      [`The file implies ${file.title}, but the deployed chain trusts ${firstClause(chain.title)}.`, detail],
      [`The file implies ${withField(firstClause(file.title), file.at)}, but the chain trusts ${withoutAsides(firstClause(chain.title))}.`, `The file implies ${file.title}. ${detail}`],
      [`The file implies ${withField(withoutAsides(firstClause(file.title)), file.at)}, but the chain trusts ${withoutAsides(firstClause(chain.title))}.`, `The file implies ${file.title}. ${detail}`],
    ]),
  };
}
