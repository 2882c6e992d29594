import { ModelBuilder } from '../../model/builder';
import { isRecord, numberFrom } from '../../model/read';
import type { ParsedDocument, Path } from '../../parse';
import { evmIdentity, evmParent, identify } from '../identity';
import { classifyNetwork, networkFromChainId } from '../networks';
import type { Adapter } from '../types';
import { altDaDependency, fundDevAccountsFlag, proofSystemFromGameType, sequencerWindow, withdrawalDelay } from './common';
import { FEE_RECIPIENTS, OP_ROLES, type OpRole } from './roles';

/** `[superchainRoles]` keys: current names, then the older lower-case ones (op-deployer intent.go). */
const SUPERCHAIN_ROLES: [string, OpRole][] = [
  ['SuperchainProxyAdminOwner', 'superchainProxyAdminOwner'],
  ['proxyAdminOwner', 'superchainProxyAdminOwner'],
  ['SuperchainGuardian', 'guardian'],
  ['guardian', 'guardian'],
  ['ProtocolVersionsOwner', 'protocolVersionsOwner'],
  ['protocolVersionsOwner', 'protocolVersionsOwner'],
];

const CHAIN_ROLES: OpRole[] = ['l1ProxyAdminOwner', 'l2ProxyAdminOwner', 'systemConfigOwner', 'unsafeBlockSigner', 'batcher', 'proposer', 'challenger'];

export const opDeployerIntent: Adapter = {
  id: 'op-deployer-intent',
  framework: 'OP Stack',
  title: 'op-deployer intent',
  describes: 'plan',
  sniff: /\bchains\b/,
  detect(value) {
    if (!isRecord(value) || !Array.isArray(value.chains)) return 0;
    const markers = ['configType', 'l1ContractsLocator', 'l2ContractsLocator', 'opcmAddress', 'superchainRoles', 'fundDevAccounts', 'l1ChainID'];
    const chainLike = value.chains.some((chain) => isRecord(chain) && (isRecord(chain.roles) || 'baseFeeVaultRecipient' in chain));
    return chainLike && markers.some((key) => key in value) ? 0.95 : 0;
  },
  build(doc: ParsedDocument) {
    const value = doc.value as Record<string, unknown>;
    const chains = Array.isArray(value.chains) ? value.chains : [];
    const ids = chains.map((chain) => (isRecord(chain) ? chain.id : undefined));
    const network = classifyNetwork([...(ids.length === 1 ? [networkFromChainId(ids[0], 'chain')] : []), networkFromChainId(value.l1ChainID, 'L1')]);
    const builder = new ModelBuilder(doc, { framework: 'op-stack', network: network.network, networkReason: network.reason });
    evmParent(builder, ['l1ChainID']);
    identify(builder, ids.map(evmIdentity), [], chains.length > 1);
    for (const [key, role] of SUPERCHAIN_ROLES) builder.grant(['superchainRoles', key], OP_ROLES[role]);
    fundDevAccountsFlag(builder, ['fundDevAccounts']);
    readOverrides(builder, ['globalDeployOverrides']);

    chains.forEach((chain, i) => {
      if (!isRecord(chain)) {
        builder.problem(['chains', i], 'Each [[chains]] entry should be a table.');
        return;
      }
      if (i === 0 && chain.id !== undefined) builder.model.chain.chainId = String(numberFrom(chain.id) ?? chain.id);
      for (const role of CHAIN_ROLES) builder.grant(['chains', i, 'roles', role], OP_ROLES[role]);
      for (const field of FEE_RECIPIENTS) builder.grant(['chains', i, field], OP_ROLES[field]);
      readOverrides(builder, ['chains', i, 'deployOverrides']);
      const altDa = ['chains', i, 'dangerousAltDAConfig'];
      if (builder.boolean([...altDa, 'useAltDA'], 'useAltDA')) {
        altDaDependency(builder, { on: [...altDa, 'useAltDA'], commitment: [...altDa, 'daCommitmentType'], challengeWindow: [...altDa, 'daChallengeWindow'], resolveWindow: [...altDa, 'daResolveWindow'] });
      }
    });
    return { model: builder.model, problems: builder.problems };
  },
};

/** Deploy overrides use the legacy deploy-config names. */
function readOverrides(builder: ModelBuilder, base: Path): void {
  if (!isRecord(builder.get(base))) return;
  if (builder.get([...base, 'sequencerWindowSize']) !== undefined) sequencerWindow(builder, [...base, 'sequencerWindowSize'], numberFrom(builder.get([...base, 'l1BlockTime'])));
  if (builder.get([...base, 'proofMaturityDelaySeconds']) !== undefined) withdrawalDelay(builder, [...base, 'proofMaturityDelaySeconds'], 'Proof maturity delay');
  if (builder.get([...base, 'respectedGameType']) !== undefined) proofSystemFromGameType(builder, [...base, 'respectedGameType']);
}
