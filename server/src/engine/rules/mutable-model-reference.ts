import { cite, fitting } from './phrases';
import type { Rule } from './types';

export const mutableModelReference: Rule = {
  meta: {
    id: 'mutable-model-reference',
    title: 'A model is referenced by a tag that can change',
    severity: 'warning',
    category: 'dependencies',
    description: 'A model the chain uses is referenced by a mutable tag (`:latest`, a version label, a repository name) rather than pinned by content hash.',
    rationale:
      'Whoever controls the model registry can move a tag to different weights at any time, changing what the chain\'s AI does without any on-chain decision. Pinning by content hash (a sha256 digest or an IPFS CID) makes a model swap a visible, governable change, as pinning a contract\'s code hash does for upgrades.',
    remediation: 'Reference the model by its content hash (`…@sha256:<64 hex>` or an IPFS CID), or add `digest:` with the hash of the weights the chain has approved.',
    sources: ['chokepointManifest'],
    fixable: false,
  },
  *check({ model }) {
    for (const dependency of model.dependencies) {
      const reference = dependency.reference;
      if (!reference || reference.pinned !== 'tag') continue;
      yield {
        at: reference.at,
        message: fitting(`Model ${dependency.name} is fetched by "${reference.value}", a tag its registry can repoint at other weights.`, `Model ${dependency.name} is fetched by a tag its registry can repoint at other weights.`),
        detail: `Repointing "${reference.value}" changes the chain's AI without an on-chain decision. Pin it by content hash, e.g. "…@sha256:<digest>" (${cite('chokepointManifest')}).`,
      };
    }
  },
};
