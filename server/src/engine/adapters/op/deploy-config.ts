import { ModelBuilder } from '../../model/builder';
import { chainIdFrom, isRecord, numberFrom } from '../../model/read';
import type { ParsedDocument } from '../../parse';
import { evmIdentity, evmParent, identify } from '../identity';
import { classifyNetwork, networkFromChainId } from '../networks';
import type { Adapter } from '../types';
import { altDaDependency, fundDevAccountsFlag, proofSystemFromGameType, sequencerWindow, withdrawalDelay } from './common';
import { OP_ROLES, type OpRole } from './roles';

/**
 * Deploy-config field → role, across the generations of op-chain-ops' DeployConfig and the
 * contracts' deploy-config files: the hardhat-era names of 2022 (sequencerAddress, ownerAddress,
 * outputOracleOwner, optimism*FeeRecipient), the early Bedrock genesis config (proxyAdmin, the L2
 * messenger and GasPriceOracle owners), the migration's controller, portalGuardian (March to November
 * 2023, then superchainConfigGuardian) and today's names (OP specs, configurability.md).
 */
const FIELDS: [string, OpRole][] = [
  ['proxyAdminOwner', 'l1ProxyAdminOwner'],
  ['proxyAdmin', 'l2ProxyAdminOwner'],
  ['finalSystemOwner', 'systemConfigOwner'],
  ['systemConfigOwner', 'systemConfigOwner'],
  ['superchainConfigGuardian', 'guardian'],
  ['portalGuardian', 'guardian'],
  ['l2OutputOracleChallenger', 'challenger'],
  ['l2OutputOracleProposer', 'proposer'],
  ['sequencerAddress', 'proposer'],
  ['l2OutputOracleOwner', 'l2OutputOracleOwner'],
  ['outputOracleOwner', 'l2OutputOracleOwner'],
  ['ownerAddress', 'l2OutputOracleOwner'],
  ['controller', 'systemDictatorController'],
  ['l2CrossDomainMessengerOwner', 'l2CrossDomainMessengerOwner'],
  ['gasPriceOracleOwner', 'gasPriceOracleOwner'],
  ['batchSenderAddress', 'batcher'],
  ['p2pSequencerAddress', 'unsafeBlockSigner'],
  ['governanceTokenOwner', 'governanceTokenOwner'],
  ['baseFeeVaultRecipient', 'baseFeeVaultRecipient'],
  ['optimismBaseFeeRecipient', 'baseFeeVaultRecipient'],
  ['optimsismBaseFeeRecipient', 'baseFeeVaultRecipient'],
  ['l1FeeVaultRecipient', 'l1FeeVaultRecipient'],
  ['optimismL1FeeRecipient', 'l1FeeVaultRecipient'],
  ['sequencerFeeVaultRecipient', 'sequencerFeeVaultRecipient'],
  ['optimismL2FeeRecipient', 'sequencerFeeVaultRecipient'],
  ['operatorFeeVaultRecipient', 'operatorFeeVaultRecipient'],
  ['chainFeesRecipient', 'chainFeesRecipient'],
];

/**
 * Address fields that are not roles: contracts the config points at (the batch inbox, a custom gas
 * token, deployed proxies), the genesis blocks' coinbase, and the signer of a local L1 devnet.
 */
const NOT_ROLES = new Set(['batchInboxAddress', 'customGasTokenAddress', 'l1GenesisBlockCoinbase', 'l2GenesisBlockCoinbase', 'cliqueSignerAddress', 'daChallengeProxy', 'daChallengeContractAddress']);
const CONTRACT_KEY = /(Proxy|Impl|Implementation)$|^(addressManager|l1StandardBridge|l1CrossDomainMessenger|l1ERC721Bridge|optimismPortal2?|systemConfig|l2OutputOracle|disputeGameFactory|anchorStateRegistry|delayedWETH|protocolVersions|superchainConfig|optimismMintableERC20Factory|preimageOracle|mips|dataAvailabilityChallenge|permissionedDisputeGame|faultDisputeGame|blockOracle|opcm)(Address)?$/i;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

const MARKERS = [
  'l1ChainID', 'l2ChainID', 'l2BlockTime', 'sequencerWindowSize', 'p2pSequencerAddress', 'batchSenderAddress', 'batchInboxAddress',
  'l2OutputOracleProposer', 'l2OutputOracleChallenger', 'finalSystemOwner', 'proxyAdminOwner', 'superchainConfigGuardian', 'portalGuardian', 'maxSequencerDrift', 'channelTimeout',
];

export const opDeployConfig: Adapter = {
  id: 'op-deploy-config',
  framework: 'OP Stack',
  duplicateKeys: "op-deployer and op-node read it with Go's encoding/json, which keeps the last value",
  title: 'OP Stack deploy config',
  describes: 'plan',
  sniff: /\"(l2OutputOracleProposer|p2pSequencerAddress|batchSenderAddress|sequencerWindowSize|finalSystemOwner|proxyAdminOwner|l1ChainID|l2ChainID)\"|\b(l2OutputOracleProposer|p2pSequencerAddress|batchSenderAddress|sequencerWindowSize|finalSystemOwner|proxyAdminOwner)\b/,
  detect(value) {
    if (!isRecord(value)) return 0;
    const hits = MARKERS.filter((key) => key in value).length;
    return hits >= 4 ? 0.9 : hits >= 2 ? 0.5 : 0;
  },
  build(doc: ParsedDocument) {
    const value = doc.value as Record<string, unknown>;
    const network = classifyNetwork([networkFromChainId(value.l2ChainID, 'chain'), networkFromChainId(value.l1ChainID, 'L1')]);
    const builder = new ModelBuilder(doc, {
      framework: 'op-stack',
      chainId: chainIdFrom(value.l2ChainID),
      network: network.network,
      networkReason: network.reason,
    });
    builder.checkChainId(['l2ChainID'], 'L2 chain id');
    evmParent(builder, ['l1ChainID']);
    identify(builder, [evmIdentity(value.l2ChainID)]);
    for (const [field, role] of FIELDS) builder.grant([field], OP_ROLES[role]);
    unknownRoles(builder, value);

    const l1BlockTime = numberFrom(value.l1BlockTime);
    sequencerWindow(builder, ['sequencerWindowSize'], l1BlockTime);
    const faultProofs = value.useFaultProofs === true;
    if (faultProofs) {
      withdrawalDelay(builder, ['proofMaturityDelaySeconds'], 'Proof maturity delay');
      proofSystemFromGameType(builder, ['respectedGameType']);
    } else {
      withdrawalDelay(builder, ['finalizationPeriodSeconds'], 'Withdrawal finalization period');
      builder.model.proofSystem = {
        kind: 'permissioned-fraud',
        title: 'the L2OutputOracle, where only the configured proposer posts outputs and only the challenger can delete them (useFaultProofs is not true)',
        at: builder.origin(value.useFaultProofs === undefined ? ['l2OutputOracleProposer'] : ['useFaultProofs']),
        permissionlessValue: value.useFaultProofs === undefined ? undefined : true,
      };
    }
    if (faultProofs) {
      builder.parameter(['disputeGameFinalityDelaySeconds'], { id: 'disputeGameFinalityDelaySeconds', title: 'Dispute game finality delay', governs: 'the window in which the Guardian can blacklist a resolved dispute game', unit: 'seconds', standard: 'opDisputeGameFinalityDelay', bound: 'exactly' });
      builder.parameter(['faultGameMaxClockDuration'], { id: 'faultGameMaxClockDuration', title: 'Fault game max clock duration', governs: 'how long each side of a dispute game has to respond, so how long honest challengers have', unit: 'seconds', standard: 'opMaxClockDuration', bound: 'exactly' });
    }
    builder.parameter(['faultGameWithdrawalDelay'], { id: 'faultGameWithdrawalDelay', title: 'Bond withdrawal delay', governs: 'how long dispute game bonds are held in DelayedWETH', unit: 'seconds' });
    builder.parameter(['respectedGameType'], { id: 'respectedGameType', title: 'Respected game type', governs: 'which dispute game withdrawals trust: 0 is permissionless CANNON, 1 is PERMISSIONED_CANNON', unit: 'enum' });
    fundDevAccountsFlag(builder, ['fundDevAccounts']);
    const plasma = value.usePlasma === true ? 'usePlasma' : value.useAltDA === true ? 'useAltDA' : undefined;
    if (plasma) altDaDependency(builder, { on: [plasma], commitment: ['daCommitmentType'], challengeWindow: ['daChallengeWindow'], resolveWindow: ['daResolveWindow'] }, l1BlockTime);
    return { model: builder.model, problems: builder.problems };
  },
};

/**
 * An address under a key no generation of the deploy config defines (a fork's own role, such as a
 * custom bridge owner) is a role Chokepoint cannot scope: it is recorded with the power `unscoped`,
 * titled with the key, rather than ignored. Contracts the config merely points at are not roles.
 */
function unknownRoles(builder: ModelBuilder, value: Record<string, unknown>): void {
  const known = new Set(FIELDS.map(([field]) => field));
  for (const [key, raw] of Object.entries(value)) {
    if (known.has(key) || NOT_ROLES.has(key) || CONTRACT_KEY.test(key)) continue;
    if (typeof raw !== 'string' || !ADDRESS.test(raw.trim())) continue;
    builder.grant([key], { role: key, title: key, powers: ['unscoped'], layer: 'execution', critical: false });
  }
}
