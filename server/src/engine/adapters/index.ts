import { appchainManifest } from './appchain/manifest';
import { avalancheBootstrapValidators } from './avalanche/bootstrap-validators';
import { subnetEvmGenesis } from './avalanche/genesis';
import { subnetEvmUpgrade } from './avalanche/upgrade';
import { cosmosGenesis } from './cosmos/genesis';
import { opDeployConfig } from './op/deploy-config';
import { opDeployerIntent } from './op/intent';
import { opRegistryChain } from './op/registry-chain';
import { orbitChainInfo } from './orbit/chain-info';
import { orbitNodeConfig } from './orbit/node-config';
import { orbitRollupParams } from './orbit/rollup-params';
import { orbitSetupConfig } from './orbit/setup-config';
import { polygonCreateRollupParameters } from './polygon/create-rollup';
import { polygonDeployParameters } from './polygon/deploy-parameters';
import { polygonGenesis } from './polygon/genesis';
import { substrateChainSpec } from './substrate/chain-spec';
import type { Adapter } from './types';

export type { Adapter, AdapterResult } from './types';

export const ADAPTERS: Adapter[] = [opDeployConfig, opDeployerIntent, opRegistryChain, appchainManifest, cosmosGenesis, substrateChainSpec, orbitSetupConfig, orbitNodeConfig, orbitChainInfo, orbitRollupParams, subnetEvmGenesis, subnetEvmUpgrade, avalancheBootstrapValidators, polygonDeployParameters, polygonCreateRollupParameters, polygonGenesis];
