import { isRecord } from '../../model/read';
import type { ParsedDocument } from '../../parse';
import type { Adapter } from '../types';
import { aggregatorTimeout, deployerKey, forcedBatches, parameters, pendingStateTimeout, POLYGON_ROLES, parametersBuilder, timelockDelay, verifier } from './common';

/** Keys of zkevm-contracts `deploy_parameters.json` (v1: deployment/README.md; v2: deployment/v2/README.md). */
const KEYS = [
  'trustedSequencer', 'trustedSequencerURL', 'trustedAggregator', 'trustedAggregatorTimeout', 'pendingStateTimeout', 'minDelayTimelock', 'timelockAddress', 'timelockAdminAddress',
  'zkEVMOwner', 'cdkValidiumOwner', 'initialZkEVMDeployerOwner', 'initialCDKValidiumDeployerOwner', 'zkEVMDeployerAddress', 'emergencyCouncilAddress', 'admin', 'forkID',
  'realVerifier', 'maticTokenAddress', 'polTokenAddress', 'salt', 'forceBatchAllowed', 'chainID', 'networkName', 'trustedSequencerAddress',
];
/** Keys no other framework's file uses. */
const STRONG = ['trustedAggregator', 'trustedAggregatorTimeout', 'minDelayTimelock', 'zkEVMOwner', 'cdkValidiumOwner', 'initialZkEVMDeployerOwner', 'initialCDKValidiumDeployerOwner', 'timelockAdminAddress', 'emergencyCouncilAddress'];

/**
 * Polygon zkEVM / CDK deploy parameters: the roles of the L1 contracts (v1: PolygonZkEVM with its
 * trusted sequencer and aggregator; v2: the RollupManager) and the timelock in front of upgrades.
 */
export const polygonDeployParameters: Adapter = {
  id: 'polygon-zkevm-deploy-parameters',
  framework: 'Polygon zkEVM / CDK',
  duplicateKeys: "the zkevm-contracts deploy scripts read it with JavaScript's JSON.parse, which keeps the last value",
  title: 'Polygon zkEVM deploy parameters',
  describes: 'plan',
  sniff: /trustedSequencerAddress|trustedAggregator|minDelayTimelock|zkEVMOwner|cdkValidiumOwner|initialZkEVMDeployerOwner|initialCDKValidiumDeployerOwner|timelockAdminAddress|emergencyCouncilAddress/,
  detect(value) {
    if (!isRecord(value)) return 0;
    const strong = STRONG.filter((key) => key in value).length;
    const hits = KEYS.filter((key) => key in value).length;
    // The first ProofOfEfficiency parameters (2022) name the sequencer trustedSequencerAddress.
    if ('trustedSequencerAddress' in value && ['forceBatchAllowed', 'realVerifier', 'trustedSequencerURL'].some((key) => key in value)) return 0.8;
    return strong >= 2 && hits >= 4 ? 0.95 : strong >= 1 && hits >= 3 ? 0.7 : 0;
  },
  build(doc: ParsedDocument) {
    const value = doc.value as Record<string, unknown>;
    const builder = parametersBuilder(doc, 'polygon-zkevm');
    // v2 deploys only the RollupManager; rollups and their sequencers come with createRollup.
    const v2 = !('trustedSequencer' in value) && ['timelockAdminAddress', 'emergencyCouncilAddress', 'polTokenAddress', 'test'].some((key) => key in value);

    const sequencer = builder.grant(['trustedSequencer'], POLYGON_ROLES.trustedSequencer) ?? builder.grant(['trustedSequencerAddress'], POLYGON_ROLES.trustedSequencer);
    builder.grant(['trustedAggregator'], POLYGON_ROLES.trustedAggregator);
    builder.grant(['admin'], v2 ? POLYGON_ROLES.rollupManagerAdmin : POLYGON_ROLES.admin);
    builder.grant(['zkEVMOwner'], POLYGON_ROLES.zkEVMOwner);
    builder.grant(['cdkValidiumOwner'], { ...POLYGON_ROLES.zkEVMOwner, title: 'CDKValidium owner (emergency state)' });
    builder.grant(['emergencyCouncilAddress'], POLYGON_ROLES.emergencyCouncil);
    const timelockAdmin = builder.grant(['timelockAddress'], POLYGON_ROLES.timelockAdmin) ?? builder.grant(['timelockAdminAddress'], POLYGON_ROLES.timelockAdmin);

    if (!v2) forcedBatches(builder, 'v1', sequencer);
    verifier(builder);
    aggregatorTimeout(builder, ['trustedAggregatorTimeout']);
    pendingStateTimeout(builder, ['pendingStateTimeout']);
    timelockDelay(builder, timelockAdmin);
    deployerKey(builder);
    parameters(builder);
    // CDKValidium deploy parameters (cdk-validium-contracts): the CDKDataCommittee keeps the data, and
    // setupEmptyCommittee deploys it with no members until its owner sets some.
    if ('cdkValidiumOwner' in value || 'initialCDKValidiumDeployerOwner' in value) {
      const at = builder.origin('cdkValidiumOwner' in value ? ['cdkValidiumOwner'] : ['initialCDKValidiumDeployerOwner']);
      const empty = builder.boolean(['setupEmptyCommittee'], 'setupEmptyCommittee') === true;
      builder.model.dependencies.push({
        kind: 'data-availability',
        name: 'the CDKDataCommittee (validium: transaction data stays off L1)',
        layer: 'data-availability',
        operators: [],
        shared: false,
        at,
        ...(empty ? { committee: { size: 0, assumedHonest: 0, placeholderKeys: 0, at: builder.origin(['setupEmptyCommittee']) } } : {}),
      });
    }
    // `test: true` makes the deployment a test one; it is a finding only where the chain says it is production.
    if (builder.boolean(['test'], 'test') === true && builder.model.chain.network === 'mainnet') {
      builder.model.flags.push({
        id: 'test',
        title: 'test',
        why: 'makes a test deployment, which funds the deployer with pre-minted ether and gives the deployer extra powers to ease the flow',
        value: true,
        safeValue: false,
        source: 'polygonDeployParams',
        at: builder.origin(['test']),
      });
    }
    return { model: builder.model, problems: builder.problems };
  },
};
