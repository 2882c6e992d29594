/** An OP Stack deploy config with one owner in every role: role-collapse fires on it. */
export const COLLAPSED_DEPLOY_CONFIG = JSON.stringify(
  {
    l1ChainID: 1,
    l2ChainID: 48213,
    proxyAdminOwner: '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8',
    finalSystemOwner: '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8',
    superchainConfigGuardian: '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8',
    batchSenderAddress: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  },
  null,
  2,
);
