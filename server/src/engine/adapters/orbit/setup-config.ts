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
  describes: 'deployment',
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
    const owner = builder.grant(['chainOwner'], ORBIT_ROLES.chainOwner);
    // The setup script signs the chain's setup transactions with the chain owner's private key, and
    // then makes that key the executor of the UpgradeExecutor: the owner is one key.
    if (owner) {
      builder.model.addressFacts = [{ address: owner.holder, kind: 'eoa', why: 'the orbit-setup-script signs with the chain owner\'s private key, then makes that key the UpgradeExecutor\'s executor', at: owner.at }];
    }
    builder.grant(['networkFeeReceiver'], ORBIT_ROLES.networkFeeReceiver);
    builder.grant(['infrastructureFeeCollector'], ORBIT_ROLES.infrastructureFeeCollector);
    builder.grant(['batchPoster'], ORBIT_ROLES.batchPoster);
    // Hand-edited setups list several stakers; each is a whitelisted validator.
    const listed = builder.get(['staker']);
    const stakers = Array.isArray(listed)
      ? listed.map((_, i) => builder.grant(['staker', i], ORBIT_ROLES.staker)).filter((g) => g !== undefined)
      : [builder.grant(['staker'], ORBIT_ROLES.staker)].filter((g) => g !== undefined);
    const staker = stakers[0];
    if (staker) {
      // The setup script's rollup is created with the staker as its only whitelisted validator.
      builder.model.proofSystem = {
        kind: 'permissioned-fraud',
        title: `Arbitrum fraud proofs with ${stakers.length === 1 ? 'the staker as the one whitelisted validator' : `${stakers.length} whitelisted validators`} (Orbit rollups whitelist their validators unless validatorWhitelistDisabled is set)`,
        at: staker.at,
      };
    }
    return { model: builder.model, problems: builder.problems };
  },
};
