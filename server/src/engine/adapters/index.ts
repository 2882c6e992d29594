import { appchainManifest } from './appchain/manifest';
import { opDeployConfig } from './op/deploy-config';
import { opDeployerIntent } from './op/intent';
import { opRegistryChain } from './op/registry-chain';
import type { Adapter } from './types';

export type { Adapter, AdapterResult } from './types';

export const ADAPTERS: Adapter[] = [opDeployConfig, opDeployerIntent, opRegistryChain, appchainManifest];
