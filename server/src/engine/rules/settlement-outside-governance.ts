import { cite } from './phrases';
import type { Rule } from './types';

export const settlementOutsideGovernance: Rule = {
  meta: {
    id: 'settlement-outside-governance',
    title: 'The settlement layer is upgradeable by a party outside the chain\'s governance',
    severity: 'warning',
    category: 'dependencies',
    description: 'The contracts the chain settles to (or bridges through) can be upgraded by a third party or a single key rather than by the chain\'s own governance.',
    rationale:
      'Settlement is where the chain\'s assets and final state live. If a third party (the shared stack\'s operator, another chain\'s council) or one key can upgrade those contracts, it can change withdrawal rules or seize bridged funds, and the appchain\'s own governance has no vote. L2BEAT counts such upgraders in the exit-window and Stage analysis of every rollup.',
    remediation: 'Settle through contracts the chain\'s governance upgrades (a body under `governance.bodies`), or make sure the third party\'s upgrades are delayed long enough for users to exit, and record who it is under `upgradeableBy:`.',
    sources: ['l2beatStages', 'chokepointManifest'],
    fixable: false,
  },
  *check({ model, entities }) {
    const councils = new Set(model.councils.map((c) => c.id));
    for (const dependency of model.dependencies) {
      if (dependency.kind !== 'settlement' && dependency.kind !== 'bridge') continue;
      const controller = dependency.controller;
      const what = dependency.kind === 'settlement' ? `The settlement layer ${dependency.name}` : `The bridge ${dependency.name}`;
      if (!controller) {
        yield {
          at: dependency.at,
          severity: 'info',
          message: `The manifest does not say who can upgrade ${what.replace(/^The/, 'the')}.`,
          detail: 'So Chokepoint cannot tell whether the chain\'s governance controls it. Add `upgradeableBy:` or `governedBy:`.',
        };
        continue;
      }
      if (controller.kind === 'chain-governance') continue;
      let kind = controller.kind;
      if (kind === 'unknown' && controller.address) {
        const entity = entities.entityOf(controller.address);
        if (councils.has(entity.id)) continue;
        kind = entity.kind === 'eoa' ? 'single-key' : 'third-party';
      }
      const who = controller.name;
      yield {
        at: controller.at ?? dependency.at,
        ...(kind === 'single-key'
          ? {
              message: `${what} can be upgraded by a single key${who ? ` (${who})` : ''}, outside the chain's governance.`,
              detail: `One compromised key can change withdrawal rules or seize bridged funds, and the chain's governance has no say. Move the upgrade power to the chain's governance or a timelocked council (${cite('l2beatStages')}).`,
            }
          : {
              message: `${what} can be upgraded by ${who ?? 'a third party'}, outside the chain's governance.`,
              detail: `It can change withdrawal rules or seize bridged funds without the chain's vote. Settle through contracts the chain governs, or ensure users can exit before its upgrades (${cite('l2beatStages')}).`,
            }),
      };
    }
  },
};
