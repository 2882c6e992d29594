/** Every source a rule or threshold cites. Rule docs and SARIF help list these by id. */
export interface Source {
  /** How messages cite it, in a few words. */
  short: string;
  title: string;
  url: string;
}

export const SOURCES = {
  l2beatStages: {
    short: 'L2BEAT Stages',
    title: 'L2BEAT Stages framework (getStage.ts)',
    url: 'https://github.com/l2beat/l2beat/blob/main/packages/config/src/common/stages/getStage.ts',
  },
  l2beatRiskView: {
    short: 'L2BEAT risk rosette',
    title: 'L2BEAT risk rosette scoring (riskView.ts)',
    url: 'https://github.com/l2beat/l2beat/blob/main/packages/config/src/common/riskView.ts',
  },
  l2beatWalkaway: {
    short: 'L2BEAT walkaway test',
    title: 'L2BEAT forum: Stage 1 requirements update, Security Council walkaway test',
    url: 'https://forum.l2beat.com/t/stage-1-requirements-update-security-council-walkaway-test/412',
  },
  vitalikStages: {
    short: 'Vitalik on rollup stages',
    title: 'Vitalik Buterin, "The math on rollup stages" (2025-05-06)',
    url: 'https://vitalik.eth.limo/general/2025/05/06/stages.html',
  },
  arbitrumSecurityCouncilAip: {
    short: 'Arbitrum Security Council AIP',
    title: 'Arbitrum Constitutional AIP: Security Council Improvement Proposal',
    url: 'https://forum.arbitrum.foundation/t/constitutional-aip-security-council-improvement-proposal/20541',
  },
  opConfigurability: {
    short: 'OP Stack configurability spec',
    title: 'OP Stack specs: configurability (standard roles and parameters)',
    url: 'https://github.com/ethereum-optimism/specs/blob/main/specs/protocol/configurability.md',
  },
  opStandardRoles: {
    short: 'OP Stack standard roles',
    title: 'Superchain Registry: standard-config-roles-mainnet.toml',
    url: 'https://github.com/ethereum-optimism/superchain-registry/blob/main/validation/standard/standard-config-roles-mainnet.toml',
  },
  opStandardParams: {
    short: 'OP Stack standard parameters',
    title: 'Superchain Registry: standard-config-params-mainnet.toml',
    url: 'https://github.com/ethereum-optimism/superchain-registry/blob/main/validation/standard/standard-config-params-mainnet.toml',
  },
  opDeployerIntent: {
    short: 'op-deployer intent validation',
    title: 'op-deployer intent validation (state/intent.go)',
    url: 'https://github.com/ethereum-optimism/optimism/blob/develop/op-deployer/pkg/deployer/state/intent.go',
  },
  opDevnetTemplate: {
    short: 'OP devnet template',
    title: 'Optimism devnetL1-template.json (Anvil accounts as roles)',
    url: 'https://github.com/ethereum-optimism/optimism/blob/develop/packages/contracts-bedrock/deploy-config/devnetL1-template.json',
  },
  foundryAnvil: {
    short: 'Foundry Anvil docs',
    title: 'Foundry Anvil: default accounts',
    url: 'https://getfoundry.sh/anvil/overview',
  },
  nitroTestnode: {
    short: 'nitro-testnode',
    title: 'OffchainLabs nitro-testnode: well-known accounts',
    url: 'https://github.com/OffchainLabs/nitro-testnode',
  },
  substrateDevAccounts: {
    short: 'Substrate dev accounts',
    title: 'Substrate dev accounts (sp_core DEV_PHRASE, //Alice …)',
    url: 'https://github.com/paritytech/polkadot-sdk/blob/master/substrate/primitives/core/src/crypto.rs',
  },
  moonbeamDevAccounts: {
    short: 'Moonbeam dev accounts',
    title: 'Moonbeam README: development accounts',
    url: 'https://github.com/moonbeam-foundation/moonbeam#prefunded-development-addresses',
  },
  ogEvmLocalNode: {
    short: 'og-evm local_node.sh',
    title: 'OpenGradient og-evm local_node.sh (Cosmos-EVM dev keys)',
    url: 'https://github.com/OpenGradient/og-evm/blob/main/local_node.sh',
  },
  avalancheEwoq: {
    short: 'Avalanche EWOQ key',
    title: 'Subnet-EVM tests and Avalanche tutorials: the public EWOQ test key',
    url: 'https://github.com/ava-labs/subnet-evm/tree/master/tests',
  },
  cometbftSpec: {
    short: 'CometBFT spec',
    title: 'CometBFT specification: >1/3 can halt, >2/3 commits',
    url: 'https://docs.cometbft.com/v1.0/spec/',
  },
  chokepointManifest: {
    short: 'Chokepoint appchain manifest',
    title: 'Chokepoint AI-appchain manifest (appchain.yaml) reference',
    url: 'https://github.com/chokepoint-dev/chokepoint/blob/main/docs/appchain-manifest.md',
  },
} satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
