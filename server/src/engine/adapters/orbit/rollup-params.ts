import { THRESHOLDS } from '../../data/thresholds';
import { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { ParsedDocument, Path } from '../../parse';
import { evmIdentity, evmParent, identify } from '../identity';
import type { Adapter } from '../types';
import { anyTrustDependency, blocksAt, ORBIT_ROLES, orbitNetwork, parentBlockSeconds, readChainConfig, withEmbeddedJson } from './common';

/** Fields of the RollupCreator `Config` struct (nitro-contracts RollupCreator; Orbit SDK createRollupPrepareDeploymentParamsConfig). */
const CONFIG_KEYS = ['confirmPeriodBlocks', 'validatorAfkBlocks', 'extraChallengeTimeBlocks', 'stakeToken', 'baseStake', 'wasmModuleRoot', 'owner', 'loserStakeEscrow', 'chainId', 'chainConfig', 'genesisBlockNum', 'sequencerInboxMaxTimeVariation'];

/** Where the `Config` struct sits: under `config` in the full createRollup params, or at the top of a saved rollup config. */
function configPath(value: unknown): Path | undefined {
  if (!isRecord(value)) return undefined;
  if (isRecord(value.config) && 'confirmPeriodBlocks' in value.config && 'owner' in value.config) return ['config'];
  return 'confirmPeriodBlocks' in value && 'owner' in value ? [] : undefined;
}

/**
 * The parameters of RollupCreator.createRollup as the Orbit SDK and the Orbit deployment UI write
 * them: the rollup `config` (owner, confirmPeriodBlocks, loserStakeEscrow, the chain config as a
 * JSON string, the force-inclusion window) and, beside it, the whitelisted validators and batch posters.
 */
export const orbitRollupParams: Adapter = {
  id: 'orbit-rollup-params',
  framework: 'Arbitrum Orbit',
  duplicateKeys: "the Orbit SDK reads it with JavaScript's JSON.parse, which keeps the last value",
  title: 'Orbit createRollup parameters',
  describes: 'plan',
  sniff: /confirmPeriodBlocks/,
  detect(value) {
    const at = configPath(value);
    if (!at) return 0;
    const config = (at.length === 0 ? value : (value as Record<string, unknown>).config) as Record<string, unknown>;
    const hits = CONFIG_KEYS.filter((key) => key in config).length;
    return hits >= 5 ? 0.95 : hits >= 3 ? 0.7 : 0;
  },
  build(original: ParsedDocument) {
    const config = configPath(original.value) ?? [];
    const { doc, problems } = withEmbeddedJson(original, [[...config, 'chainConfig']]);
    const value = doc.value as Record<string, unknown>;
    const read = (key: string) => (config.length === 0 ? value[key] : (value.config as Record<string, unknown>)[key]);
    const chainConfig = read('chainConfig');
    const parentChainId = value.parentChainId ?? read('parentChainId');
    const network = orbitNetwork(read('chainId'), parentChainId, value.chainName ?? read('chainName'));
    const builder = new ModelBuilder(doc, {
      framework: 'arbitrum-orbit',
      name: typeof (value.chainName ?? read('chainName')) === 'string' ? String(value.chainName ?? read('chainName')) : undefined,
      chainId: read('chainId') === undefined ? undefined : String(read('chainId')),
      network: network.network,
      networkReason: network.reason,
    });
    for (const problem of problems) builder.problem(problem.path, problem.message);
    evmParent(builder, value.parentChainId !== undefined ? ['parentChainId'] : [...config, 'parentChainId']);
    identify(builder, [evmIdentity(read('chainId'))]);

    builder.grant([...config, 'owner'], ORBIT_ROLES.rollupOwner);
    // The SDK default is the zero address (stakes are burnt); the UI's default is the owner.
    builder.grant([...config, 'loserStakeEscrow'], ORBIT_ROLES.loserStakeEscrow);
    if (isRecord(chainConfig)) {
      const { anyTrustAt } = readChainConfig(builder, [...config, 'chainConfig'], { dev: network.network === 'devnet' });
      if (anyTrustAt) builder.model.dependencies.push(anyTrustDependency(builder, anyTrustAt));
    }

    const blockSeconds = parentBlockSeconds(parentChainId);
    const confirmPath = [...config, 'confirmPeriodBlocks'];
    const confirm = blocksAt(builder, confirmPath, 'confirmPeriodBlocks');
    if (confirm !== undefined) {
      builder.delay(confirmPath, { kind: 'withdrawal', title: 'confirmation period (confirmPeriodBlocks)', unit: 'blocks', blockSeconds }, confirm * blockSeconds);
      // The SDK's testnet default is 150 blocks (30 minutes); the 7-day standard holds on production parents.
      if (network.network !== 'testnet') {
        builder.parameter(confirmPath, {
          id: 'confirmPeriodBlocks',
          title: 'Confirmation period (confirmPeriodBlocks)',
          governs: 'how long an assertion can be challenged before withdrawals against it are paid out',
          unit: 'blocks',
          blockSeconds,
          standard: 'orbitConfirmPeriod',
          bound: 'at-least',
        });
      }
    }
    const delayPath = [...config, 'sequencerInboxMaxTimeVariation', 'delaySeconds'];
    const delaySeconds = blocksAt(builder, delayPath, 'sequencerInboxMaxTimeVariation.delaySeconds');
    if (delaySeconds !== undefined) {
      builder.delay(delayPath, { kind: 'forced-inclusion', title: 'force-inclusion delay (sequencerInboxMaxTimeVariation.delaySeconds)', unit: 'seconds', standard: 'orbitForceInclusion' }, delaySeconds);
    }

    const afkPath = [...config, 'validatorAfkBlocks'];
    const afk = blocksAt(builder, afkPath, 'validatorAfkBlocks');
    if (afk !== undefined) {
      builder.delay(afkPath, { kind: 'self-propose', title: 'validator AFK period (validatorAfkBlocks: after it, anyone may validate)', unit: 'blocks', blockSeconds }, afk * blockSeconds);
    }

    readList(builder, ['batchPosters'], ORBIT_ROLES.batchPoster);
    const validators = readList(builder, ['validators'], ORBIT_ROLES.validator);
    const disabled = builder.boolean(['validatorWhitelistDisabled'], 'validatorWhitelistDisabled') ?? builder.boolean([...config, 'validatorWhitelistDisabled'], 'validatorWhitelistDisabled');
    if (validators !== undefined && !disabled) {
      builder.model.proofSystem = {
        kind: 'permissioned-fraud',
        title: `Arbitrum fraud proofs with a whitelist of ${validators} validator${validators === 1 ? '' : 's'} (L2BEAT scores fewer than ${THRESHOLDS.proofMinOutsideChallengers.value} as bad)`,
        at: builder.origin(['validators']),
      };
    }
    return { model: builder.model, problems: builder.problems };
  },
};

/** Grants a role to every address of a list; the number of entries, or undefined without a list. */
function readList(builder: ModelBuilder, path: Path, spec: (typeof ORBIT_ROLES)[keyof typeof ORBIT_ROLES]): number | undefined {
  const list = builder.get(path);
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) {
    builder.problem(path, `${path.join('.')} should be a list of addresses.`);
    return undefined;
  }
  list.forEach((_, i) => builder.grant([...path, i], spec));
  return list.length;
}
