import { cite } from './phrases';
import type { Rule } from './types';

export const inferenceUnverified: Rule = {
  meta: {
    id: 'inference-unverified',
    title: 'Inference results are not verified',
    severity: 'warning',
    category: 'dependencies',
    description: 'An inference provider\'s results reach the chain with no verification (no TEE attestation, ZK proof or optimistic check), or the manifest does not say how they are verified.',
    rationale:
      'Unverified inference means the chain accepts whatever the operator returns: a model swap, a manipulated answer or a fabricated result is indistinguishable from the real one. Verification (TEE attestation, zkML, or optimistic re-execution with challenges) is what turns an operator\'s claim into something the chain can check, the inference-layer equivalent of a proof system.',
    remediation: 'Require TEE attestations or ZK proofs for inference results and record it with `verification: tee` or `verification: zk`; if none is possible, treat the results as advisory and say `verification: none` explicitly.',
    sources: ['chokepointManifest', 'l2beatStages'],
    fixable: false,
  },
  *check({ model }) {
    for (const dependency of model.dependencies) {
      if (dependency.kind !== 'inference' || (dependency.verification !== undefined && dependency.verification !== 'none')) continue;
      yield {
        at: dependency.verificationAt ?? dependency.at,
        ...(dependency.verification === 'none'
          ? {
              message: `Results from ${dependency.name} reach the chain unverified, so its operator can return any answer.`,
              detail: `The chain cannot tell a wrong answer from a right one. Require TEE attestations or ZK proofs (${cite('chokepointManifest')}).`,
            }
          : {
              message: `The manifest does not say how results from ${dependency.name} are verified.`,
              detail: 'So the chain may accept any answer its operator returns. State `verification: tee`, `zk` or `optimistic` once it is true.',
            }),
      };
    }
  },
};
