import { isRecord } from '../../model/read';
import type { ParsedDocument } from '../../parse';
import type { Adapter } from '../types';
import { deployerKey, forcedBatches, parameters, POLYGON_ROLES, parametersBuilder, verifier } from './common';

const KEYS = ['trustedSequencer', 'trustedSequencerURL', 'adminZkEVM', 'consensusContract', 'chainID', 'forkID', 'networkName', 'description', 'realVerifier', 'gasTokenAddress', 'dataAvailabilityProtocol', 'programVKey'];

/**
 * Polygon CDK `create_rollup_parameters.json` (zkevm-contracts deployment/v2/README.md): a rollup
 * added to the RollupManager, with its trusted sequencer, its admin and its consensus contract.
 */
export const polygonCreateRollupParameters: Adapter = {
  id: 'polygon-cdk-create-rollup-parameters',
  framework: 'Polygon zkEVM / CDK',
  duplicateKeys: "the zkevm-contracts deploy scripts read it with JavaScript's JSON.parse, which keeps the last value",
  title: 'Polygon CDK createRollup parameters',
  describes: 'plan',
  sniff: /adminZkEVM|consensusContract/,
  detect(value) {
    if (!isRecord(value) || !('adminZkEVM' in value || 'consensusContract' in value)) return 0;
    const hits = KEYS.filter((key) => key in value).length;
    return hits >= 4 ? 0.95 : hits >= 3 ? 0.6 : 0;
  },
  build(doc: ParsedDocument) {
    const value = doc.value as Record<string, unknown>;
    const builder = parametersBuilder(doc, 'polygon-cdk');
    const sequencer = builder.grant(['trustedSequencer'], POLYGON_ROLES.trustedSequencer);
    builder.grant(['adminZkEVM'], POLYGON_ROLES.rollupAdmin);
    forcedBatches(builder, 'v2', sequencer);
    verifier(builder);
    deployerKey(builder);
    parameters(builder);
    if (typeof value.consensusContract === 'string' && /validium/i.test(value.consensusContract)) {
      builder.model.dependencies.push({
        kind: 'data-availability',
        name: `${typeof value.dataAvailabilityProtocol === 'string' && value.dataAvailabilityProtocol ? value.dataAvailabilityProtocol : 'PolygonDataCommittee'} (validium: transaction data stays off L1)`,
        layer: 'data-availability',
        operators: [],
        // The committee's members are chosen by the rollup's admin, not a stack the chain does not govern.
        shared: false,
        at: builder.origin(['consensusContract']),
      });
    }
    return { model: builder.model, problems: builder.problems };
  },
};
