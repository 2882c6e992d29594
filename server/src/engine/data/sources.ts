import { repositoryFileUrl } from '../project-links';

/** Every source a rule or threshold cites. Rule docs and SARIF help list these by id. */
export interface Source {
  /** How messages cite it, in a few words. */
  short: string;
  title: string;
  url: string;
  /** The frameworks (`Chain.framework`) it speaks for; absent when it holds for any chain (a public key, a metric). A message about a chain cites only sources that speak for its framework. */
  frameworks?: readonly string[];
}

const ROLLUPS = ['op-stack', 'arbitrum-orbit', 'polygon-zkevm', 'polygon-cdk', 'appchain-manifest'] as const;
const OP = ['op-stack'] as const;
const ORBIT = ['arbitrum-orbit'] as const;
const COSMOS = ['cosmos-sdk'] as const;
const SUBSTRATE = ['substrate'] as const;
const AVALANCHE = ['avalanche-subnet-evm', 'avalanche-l1'] as const;
const POLYGON = ['polygon-zkevm', 'polygon-cdk'] as const;
const MANIFEST = ['appchain-manifest'] as const;

export const SOURCES = {
  l2beatStages: {
    short: 'L2BEAT Stages',
    title: 'L2BEAT Stages framework (getStage.ts)',
    url: 'https://github.com/l2beat/l2beat/blob/main/packages/config/src/common/stages/getStage.ts',
    frameworks: ROLLUPS,
  },
  l2beatRiskView: {
    short: 'L2BEAT risk rosette',
    title: 'L2BEAT risk rosette scoring (riskView.ts)',
    url: 'https://github.com/l2beat/l2beat/blob/main/packages/config/src/common/riskView.ts',
    frameworks: ROLLUPS,
  },
  l2beatWalkaway: {
    short: 'L2BEAT walkaway test',
    title: 'L2BEAT forum: Stage 1 requirements update, Security Council walkaway test',
    url: 'https://forum.l2beat.com/t/stage-1-requirements-update-security-council-walkaway-test/412',
    frameworks: ROLLUPS,
  },
  vitalikStages: {
    short: 'Vitalik on rollup stages',
    title: 'Vitalik Buterin, "The math on rollup stages" (2025-05-06)',
    url: 'https://vitalik.eth.limo/general/2025/05/06/stages.html',
    frameworks: ROLLUPS,
  },
  arbitrumSecurityCouncilAip: {
    short: 'Arbitrum Security Council AIP',
    title: 'Arbitrum Constitutional AIP: Security Council Improvement Proposal',
    url: 'https://forum.arbitrum.foundation/t/constitutional-aip-security-council-improvement-proposal/20541',
    frameworks: ROLLUPS,
  },
  opConfigurability: {
    short: 'OP Stack configurability spec',
    title: 'OP Stack specs: configurability (standard roles and parameters)',
    url: 'https://github.com/ethereum-optimism/specs/blob/main/specs/protocol/configurability.md',
    frameworks: OP,
  },
  opStandardRoles: {
    short: 'OP Stack standard roles',
    title: 'Superchain Registry: standard-config-roles-mainnet.toml',
    url: 'https://github.com/ethereum-optimism/superchain-registry/blob/main/validation/standard/standard-config-roles-mainnet.toml',
    frameworks: OP,
  },
  opStandardRolesSepolia: {
    short: 'OP Stack standard roles (Sepolia)',
    title: 'Superchain Registry: standard-config-roles-sepolia.toml',
    url: 'https://github.com/ethereum-optimism/superchain-registry/blob/main/validation/standard/standard-config-roles-sepolia.toml',
    frameworks: OP,
  },
  opStandardParams: {
    short: 'OP Stack standard parameters',
    title: 'Superchain Registry: standard-config-params-mainnet.toml',
    url: 'https://github.com/ethereum-optimism/superchain-registry/blob/main/validation/standard/standard-config-params-mainnet.toml',
    frameworks: OP,
  },
  opDeployerIntent: {
    short: 'op-deployer intent validation',
    title: 'op-deployer intent validation (state/intent.go)',
    url: 'https://github.com/ethereum-optimism/optimism/blob/develop/op-deployer/pkg/deployer/state/intent.go',
    frameworks: OP,
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
    frameworks: COSMOS,
  },
  nakaflow: {
    short: 'Nakaflow methodology',
    title: 'Nakaflow: Nakamoto coefficient methodology (33% for PoS, aggregated by controlling entity)',
    url: 'https://nakaflow.io/methodology',
  },
  dojMergerGuidelines: {
    short: 'DOJ/FTC Merger Guidelines',
    title: 'U.S. DOJ/FTC Merger Guidelines (2023) §2.1: HHI above 1,800 is highly concentrated',
    url: 'https://www.justice.gov/atr/2023-merger-guidelines',
  },
  nakamotoPackage: {
    short: 'nakamoto (PyPI)',
    title: 'nakamoto: Nakamoto coefficient and Gini from the Lorenz curve',
    url: 'https://pypi.org/project/nakamoto/',
  },
  pbft: {
    short: 'PBFT (Castro and Liskov)',
    title: 'Castro and Liskov, "Practical Byzantine Fault Tolerance" (OSDI 1999): 3f+1 replicas tolerate f faulty ones, so more than a third can stop agreement',
    url: 'https://pmg.csail.mit.edu/papers/osdi99.pdf',
  },
  quantifyingDecentralization: {
    short: 'Srinivasan and Lee, Quantifying Decentralization',
    title: 'Srinivasan and Lee, "Quantifying Decentralization" (2017): the Nakamoto coefficient of each subsystem, token ownership among them',
    url: 'https://news.earn.com/quantifying-decentralization-e39db233c28e',
  },
  polkadotConsensus: {
    short: 'Polkadot consensus (GRANDPA)',
    title: 'Polkadot wiki, consensus: GRANDPA finalizes once more than 2/3 of the authorities\' weight votes',
    url: 'https://wiki.polkadot.network/docs/learn-consensus',
    frameworks: SUBSTRATE,
  },
  avalancheWarpQuorum: {
    short: 'Subnet-EVM Warp quorum',
    title: 'Subnet-EVM precompile/contracts/warp/config.go: a Warp message needs signatures from quorumNumerator (default 67) percent of the L1 validators\' weight',
    url: 'https://github.com/ava-labs/subnet-evm/blob/master/precompile/contracts/warp/config.go',
    frameworks: AVALANCHE,
  },
  cosmosGovParams: {
    short: 'Cosmos SDK x/gov defaults',
    title: 'Cosmos SDK x/gov/types/v1/params.go: governance defaults',
    url: 'https://github.com/cosmos/cosmos-sdk/blob/main/x/gov/types/v1/params.go',
    frameworks: COSMOS,
  },
  cosmosStakingParams: {
    short: 'Cosmos SDK x/staking defaults',
    title: 'Cosmos SDK x/staking/types/params.go: staking defaults',
    url: 'https://github.com/cosmos/cosmos-sdk/blob/main/x/staking/types/params.go',
    frameworks: COSMOS,
  },
  cosmosSlashingParams: {
    short: 'Cosmos SDK x/slashing defaults',
    title: 'Cosmos SDK x/slashing/types/params.go: slashing defaults',
    url: 'https://github.com/cosmos/cosmos-sdk/blob/main/x/slashing/types/params.go',
    frameworks: COSMOS,
  },
  cosmosModuleAuthority: {
    short: 'Cosmos SDK module authority',
    title: 'Cosmos SDK module config: authority defaults to the governance module',
    url: 'https://docs.cosmos.network/main/build/building-modules/module-manager',
    frameworks: COSMOS,
  },
  cosmosCircuit: {
    short: 'Cosmos SDK x/circuit',
    title: 'Cosmos SDK x/circuit: LEVEL_SUPER_ADMIN can disable any message and grant rights',
    url: 'https://github.com/cosmos/cosmos-sdk/blob/main/x/circuit/README.md',
    frameworks: COSMOS,
  },
  cosmosAuthz: {
    short: 'Cosmos SDK x/authz',
    title: 'Cosmos SDK x/authz: GenericAuthorization, expiration null never expires',
    url: 'https://docs.cosmos.network/main/build/modules/authz',
    frameworks: COSMOS,
  },
  cometbftParams: {
    short: 'CometBFT consensus params',
    title: 'CometBFT types/params.go: default consensus parameters (evidence max age 48 h)',
    url: 'https://github.com/cometbft/cometbft/blob/main/types/params.go',
    frameworks: COSMOS,
  },
  strangelovePoa: {
    short: 'strangelove-ventures/poa',
    title: 'strangelove-ventures/poa: admins control the validator set and power',
    url: 'https://github.com/strangelove-ventures/poa',
    frameworks: COSMOS,
  },
  icsConsumer: {
    short: 'Interchain Security consumer',
    title: 'Interchain Security: consumer chains inherit the provider\'s validator set',
    url: 'https://github.com/cosmos/interchain-security/blob/main/docs/docs/build/modules/03-consumer.md',
    frameworks: COSMOS,
  },
  substrateChainSpec: {
    short: 'Substrate chain spec',
    title: 'Polkadot SDK sc-chain-spec: chain types, genesis formats, codeSubstitutes',
    url: 'https://github.com/paritytech/polkadot-sdk/blob/master/substrate/client/chain-spec/src/lib.rs',
    frameworks: SUBSTRATE,
  },
  substrateSudo: {
    short: 'Substrate pallet-sudo',
    title: 'Polkadot SDK pallet-sudo: one key dispatches any call as Root',
    url: 'https://github.com/paritytech/polkadot-sdk/tree/master/substrate/frame/sudo',
    frameworks: SUBSTRATE,
  },
  substrateStaking: {
    short: 'Substrate pallet-staking',
    title: 'Polkadot SDK pallet-staking: NPoS validator elections each era; ForceEra = ForceNone starts no new era',
    url: 'https://github.com/paritytech/polkadot-sdk/tree/master/substrate/frame/staking',
    frameworks: SUBSTRATE,
  },
  substrateZeroAccount: {
    short: 'FRAME CheckNonZeroSender',
    title: 'Polkadot SDK CheckNonZeroSender: anyone can sign as the all-zero account (its secret is 0), so FRAME runtimes since substrate#10403 reject its transactions',
    url: 'https://github.com/paritytech/polkadot-sdk/blob/master/substrate/frame/system/src/extensions/check_non_zero_sender.rs',
    frameworks: SUBSTRATE,
  },
  substrateCollatorSelection: {
    short: 'Cumulus collator-selection',
    title: 'Cumulus pallet-collator-selection: invulnerables and candidacy bond',
    url: 'https://github.com/paritytech/polkadot-sdk/tree/master/cumulus/pallets/collator-selection',
    frameworks: SUBSTRATE,
  },
  substrateCollective: {
    short: 'Substrate pallet-collective',
    title: 'Polkadot SDK pallet-collective: council and technical-committee motions pass by a member threshold set per motion',
    url: 'https://github.com/paritytech/polkadot-sdk/tree/master/substrate/frame/collective',
    frameworks: SUBSTRATE,
  },
  subnetEvmAllowList: {
    short: 'Subnet-EVM allow lists',
    title: 'Subnet-EVM precompile/allowlist: Admin, Manager and Enabled roles',
    url: 'https://github.com/ava-labs/subnet-evm/tree/master/precompile/allowlist',
    frameworks: AVALANCHE,
  },
  subnetEvmPrecompiles: {
    short: 'Subnet-EVM precompiles',
    title: 'Subnet-EVM stateful precompiles: native minter, tx and deployer allow lists, fee and reward managers, warp',
    url: 'https://github.com/ava-labs/subnet-evm/tree/master/precompile/contracts',
    frameworks: AVALANCHE,
  },
  subnetEvmPrecompileUpgrades: {
    short: 'Subnet-EVM precompile upgrades',
    title: 'Subnet-EVM precompileUpgrades: an upgrade with disable: true self-destructs the precompile at its blockTimestamp, wiping its allow lists and settings',
    url: 'https://github.com/ava-labs/subnet-evm/blob/master/core/state_processor_ext.go',
    frameworks: AVALANCHE,
  },
  avalancheValidatorManager: {
    short: 'Avalanche ValidatorManager',
    title: 'Avalanche L1 PoA ValidatorManager: its owner adds and removes validators',
    url: 'https://github.com/ava-labs/icm-contracts/tree/main/contracts/validator-manager',
    frameworks: AVALANCHE,
  },
  orbitSdk: {
    short: 'Arbitrum Orbit SDK defaults',
    title: 'Arbitrum Orbit SDK: createRollup defaults (confirmPeriodBlocks, sequencerInboxMaxTimeVariation, loserStakeEscrow)',
    url: 'https://github.com/OffchainLabs/arbitrum-orbit-sdk/tree/main/src',
    frameworks: ORBIT,
  },
  nitroNodeConfig: {
    short: 'Nitro node config',
    title: 'OffchainLabs nitro: node configuration (`dangerous` options, sequencer coordinator, chain info, RPC API exposure)',
    url: 'https://github.com/OffchainLabs/nitro/blob/master/arbnode/node.go',
    frameworks: ORBIT,
  },
  nitroArbDebug: {
    short: 'Nitro ArbDebug precompile',
    title: 'OffchainLabs nitro precompiles/ArbDebug.go: becomeChainOwner() makes the caller a chain owner when debug precompiles are allowed',
    url: 'https://github.com/OffchainLabs/nitro/blob/master/precompiles/ArbDebug.go',
    frameworks: ORBIT,
  },
  arbitrumAnyTrust: {
    short: 'Arbitrum AnyTrust DAC',
    title: 'Arbitrum docs: AnyTrust Data Availability Committee and assumed-honest keysets',
    url: 'https://docs.arbitrum.io/run-arbitrum-node/data-availability-committees/get-started',
    frameworks: ORBIT,
  },
  l2beatDac: {
    short: 'L2BEAT DAC scoring',
    title: 'L2BEAT DaCommitteeSecurityRisk: committee size, threshold and external members',
    url: 'https://github.com/l2beat/l2beat/blob/main/packages/config/src/common/DaCommitteeSecurityRisk.ts',
    frameworks: ROLLUPS,
  },
  polygonZkevm: {
    short: 'Polygon zkEVM contracts',
    title: 'Polygon zkEVM contracts: trusted sequencer, trusted aggregator, admin and timelock',
    url: 'https://github.com/0xPolygonHermez/zkevm-contracts',
    frameworks: POLYGON,
  },
  polygonDeployParams: {
    short: 'zkevm-contracts deployment parameters',
    title: 'Polygon zkevm-contracts deployment READMEs: deploy_parameters.json and create_rollup_parameters.json (realVerifier, test, deployerPvtKey, admin, timelock)',
    url: 'https://github.com/0xPolygonHermez/zkevm-contracts/blob/main/deployment/v2/README.md',
    frameworks: POLYGON,
  },
  polygonTimelock: {
    short: 'PolygonZkEVMTimelock',
    title: 'Polygon zkevm-contracts PolygonZkEVMTimelock.sol: getMinDelay() returns 0 while the zkEVM is in emergency state',
    url: 'https://github.com/0xPolygonHermez/zkevm-contracts/blob/main/contracts/PolygonZkEVMTimelock.sol',
    frameworks: POLYGON,
  },
  safeOwnerManager: {
    short: 'Safe OwnerManager',
    title: 'Safe smart account, OwnerManager.sol: the owners and the threshold of a Safe, which its owners can change',
    url: 'https://github.com/safe-global/safe-smart-account/blob/main/contracts/base/OwnerManager.sol',
  },
  ozTimelockController: {
    short: 'OpenZeppelin TimelockController',
    title: 'OpenZeppelin Contracts: TimelockController (minimum delay; proposer, executor and canceller roles)',
    url: 'https://docs.openzeppelin.com/contracts/5.x/api/governance#TimelockController',
  },
  chokepointVerify: {
    short: 'chokepoint verify',
    title: 'Chokepoint: verified facts (chokepoint verify, chokepoint.lock.json and L2BEAT discovery snapshots)',
    url: repositoryFileUrl('docs/verified-facts.md'),
  },
  chokepointManifest: {
    short: 'Chokepoint appchain manifest',
    title: 'Chokepoint AI-appchain manifest (appchain.yaml) reference',
    url: repositoryFileUrl('docs/appchain-manifest.md'),
    frameworks: MANIFEST,
  },
} satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
