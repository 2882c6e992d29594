import { ModelBuilder } from '../../model/builder';
import { chainIdFrom, isRecord } from '../../model/read';
import type { ParsedDocument } from '../../parse';
import { evmIdentity, evmParent, identify } from '../identity';
import type { Adapter } from '../types';
import { ORBIT_ROLES, orbitNetwork } from './common';

/** orbit-setup-script `config/orbitSetupScriptConfig.json` keys (scripts/l3ConfigType.ts). */
const KEYS = [
  'chainOwner', 'rollup', 'inbox', 'outbox', 'adminProxy', 'sequencerInbox', 'bridge', 'utils', 'validatorWalletCreator', 'deployedAtBlockNumber',
  'minL2BaseFee', 'networkFeeReceiver', 'infrastructureFeeCollector', 'batchPoster', 'staker', 'chainId', 'chainName', 'parentChainId', 'parent-chain-node-url', 'nativeToken',
];

export const orbitSetupConfig: Adapter = {
  id: 'orbit-setup-config',
  framework: 'Arbitrum Orbit',
  duplicateKeys: "the orbit-setup-script reads it with JavaScript's JSON.parse, which keeps the last value",
  title: 'Orbit setup-script config',
  sniff: /chainOwner|networkFeeReceiver|infrastructureFeeCollector/,
  detect(value) {
    if (!isRecord(value)) return 0;
    const hits = KEYS.filter((key) => key in value).length;
    const roles = ['chainOwner', 'networkFeeReceiver', 'infrastructureFeeCollector'].some((key) => key in value);
    return roles && hits >= 6 ? 0.95 : roles && hits >= 3 ? 0.6 : 0;
  },
  build(doc: ParsedDocument) {
    const value = doc.value as Record<string, unknown>;
    const network = orbitNetwork(value.chainId, value.parentChainId, value.chainName);
    const builder = new ModelBuilder(doc, {
      framework: 'arbitrum-orbit',
      name: typeof value.chainName === 'string' ? value.chainName : undefined,
      chainId: chainIdFrom(value.chainId),
      network: network.network,
      networkReason: network.reason,
    });
    builder.checkChainId(['chainId'], 'Chain id');
    evmParent(builder, ['parentChainId']);
    identify(builder, [evmIdentity(value.chainId)]);
    // transferOwnership makes the UpgradeExecutor a chain owner and removes the deployer; until it runs, chainOwner is the deployer key.
    builder.grant(['chainOwner'], ORBIT_ROLES.chainOwner);
    builder.grant(['networkFeeReceiver'], ORBIT_ROLES.networkFeeReceiver);
    builder.grant(['infrastructureFeeCollector'], ORBIT_ROLES.infrastructureFeeCollector);
    builder.grant(['batchPoster'], ORBIT_ROLES.batchPoster);
    const staker = builder.grant(['staker'], ORBIT_ROLES.staker);
    if (staker) {
      // The setup script's rollup is created with the staker as its only whitelisted validator.
      builder.model.proofSystem = {
        kind: 'permissioned-fraud',
        title: 'Arbitrum fraud proofs with the staker as the one whitelisted validator (Orbit rollups whitelist their validators unless validatorWhitelistDisabled is set)',
        at: builder.origin(['staker']),
      };
    }
    return { model: builder.model, problems: builder.problems };
  },
};
