import type { RoleSpec } from '../../model/builder';

/** OP Stack roles and their powers (OP specs, configurability.md; standard-config-roles). */
export const OP_ROLES = {
  l1ProxyAdminOwner: { role: 'l1ProxyAdminOwner', title: 'L1 ProxyAdmin owner', powers: ['upgrade'], layer: 'settlement', critical: true },
  l2ProxyAdminOwner: { role: 'l2ProxyAdminOwner', title: 'L2 ProxyAdmin owner', powers: ['upgrade'], layer: 'execution', critical: true },
  systemConfigOwner: { role: 'systemConfigOwner', title: 'SystemConfig owner', powers: ['set-params'], layer: 'execution', critical: true },
  guardian: { role: 'guardian', title: 'Guardian', powers: ['pause'], layer: 'settlement', critical: true },
  challenger: { role: 'challenger', title: 'Challenger', powers: ['challenge'], layer: 'settlement', critical: true },
  proposer: { role: 'proposer', title: 'Proposer', powers: ['propose'], layer: 'settlement', critical: true },
  batcher: { role: 'batcher', title: 'Batcher', powers: ['sequence'], layer: 'execution', critical: true },
  unsafeBlockSigner: { role: 'unsafeBlockSigner', title: 'Unsafe block signer (sequencer)', powers: ['sequence'], layer: 'execution', critical: true },
  protocolVersionsOwner: { role: 'protocolVersionsOwner', title: 'ProtocolVersions owner', powers: ['set-params'], layer: 'governance', critical: true },
  superchainProxyAdminOwner: { role: 'superchainProxyAdminOwner', title: 'Superchain ProxyAdmin owner', powers: ['upgrade'], layer: 'settlement', critical: true },
  // Early Bedrock (2022-23): the L2OutputOracle's owner deleted outputs and replaced the proposer, the Challenger's predecessor.
  l2OutputOracleOwner: { role: 'l2OutputOracleOwner', title: 'L2OutputOracle owner', powers: ['challenge', 'set-params'], layer: 'settlement', critical: true },
  // Early Bedrock: the owner of the L2 messenger could pause it, and the GasPriceOracle owner set the L1 fee overhead and scalar.
  l2CrossDomainMessengerOwner: { role: 'l2CrossDomainMessengerOwner', title: 'L2CrossDomainMessenger owner', powers: ['pause'], layer: 'execution', critical: true },
  gasPriceOracleOwner: { role: 'gasPriceOracleOwner', title: 'GasPriceOracle owner', powers: ['set-params'], layer: 'execution', critical: false },
  // The Bedrock migration's SystemDictator ran its steps at the controller's call while it owned the ProxyAdmin.
  systemDictatorController: { role: 'systemDictatorController', title: 'SystemDictator controller (migration)', powers: ['upgrade'], layer: 'settlement', critical: true },
  governanceTokenOwner: { role: 'governanceTokenOwner', title: 'Governance token owner', powers: ['mint'], layer: 'governance', critical: false },
  baseFeeVaultRecipient: { role: 'baseFeeVaultRecipient', title: 'Base fee vault recipient', powers: ['receive-fees'], layer: 'execution', critical: false },
  l1FeeVaultRecipient: { role: 'l1FeeVaultRecipient', title: 'L1 fee vault recipient', powers: ['receive-fees'], layer: 'execution', critical: false },
  sequencerFeeVaultRecipient: { role: 'sequencerFeeVaultRecipient', title: 'Sequencer fee vault recipient', powers: ['receive-fees'], layer: 'execution', critical: false },
  operatorFeeVaultRecipient: { role: 'operatorFeeVaultRecipient', title: 'Operator fee vault recipient', powers: ['receive-fees'], layer: 'execution', critical: false },
  chainFeesRecipient: { role: 'chainFeesRecipient', title: 'Chain fees recipient', powers: ['receive-fees'], layer: 'execution', critical: false },
} satisfies Record<string, RoleSpec>;

export type OpRole = keyof typeof OP_ROLES;

export const FEE_RECIPIENTS = ['baseFeeVaultRecipient', 'l1FeeVaultRecipient', 'sequencerFeeVaultRecipient', 'operatorFeeVaultRecipient', 'chainFeesRecipient'] as const;
