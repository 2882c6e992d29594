import type { EntityFacts } from '../entities/types';
import type { SourceId } from './sources';

/**
 * Holders whose nature is published by the framework itself, so users need not declare them.
 * Only facts stated by a primary source are recorded here.
 */
export interface KnownEntity extends EntityFacts {
  entity: string;
  name: string;
  addresses: string[];
  source: SourceId;
}

export const KNOWN_ENTITIES: KnownEntity[] = [
  {
    entity: 'optimism-security-council',
    name: 'Optimism Security Council',
    kind: 'multisig',
    threshold: 10,
    signers: 13,
    addresses: [],
    source: 'opStandardRoles',
    note: 'raised to 10-of-13 (at least 75%) in a superchain-ops playbook',
  },
  {
    entity: 'optimism-foundation',
    name: 'Optimism Foundation',
    kind: 'unknown',
    addresses: [],
    source: 'opStandardRoles',
  },
  {
    entity: 'op-proxy-admin-owner',
    name: 'OP standard ProxyAdminOwner (2-of-2 Safe: Optimism Foundation + Security Council)',
    kind: 'multisig',
    threshold: 2,
    signers: 2,
    members: ['optimism-foundation', 'optimism-security-council'],
    // Mainnet and Sepolia L1 Safes, and their L2 aliases (+0x1111…1111): standard-config-roles-{mainnet,sepolia}.toml.
    addresses: [
      '0x5a0Aae59D09fccBdDb6C6CcEB07B7279367C3d2A',
      '0x6B1BAE59D09fCcbdDB6C6cceb07B7279367C4E3b',
      '0x1Eb2fFc903729a0F03966B917003800b145F56E2',
      '0x2FC3ffc903729a0f03966b917003800B145F67F3',
    ],
    source: 'opStandardRoles',
  },
  {
    entity: 'op-guardian',
    name: 'OP standard Guardian (1-of-1 Safe owned by the Security Council)',
    kind: 'multisig',
    threshold: 1,
    signers: 1,
    members: ['optimism-security-council'],
    addresses: ['0x09f7150D8c019BeF34450d6920f6B3608ceFdAf2'],
    source: 'opStandardRoles',
    note: 'the Optimism Foundation may pause through the Deputy Pause Module',
  },
  {
    entity: 'op-challenger',
    name: 'OP standard Challenger (Optimism Foundation 5-of-7 Safe)',
    kind: 'multisig',
    threshold: 5,
    signers: 7,
    addresses: ['0x9BA6e03D8B90dE867373Db8cF1A58d2F7F006b3A'],
    source: 'opConfigurability',
  },
  {
    entity: 'op-protocol-versions-owner',
    name: 'OP standard ProtocolVersions owner (Optimism Foundation Upgrade Safe)',
    kind: 'multisig',
    addresses: ['0x847B5c174615B1B7fDF770882256e2D3E95b9D92'],
    source: 'opStandardRoles',
    note: 'the Foundation Upgrade Safe, one of the two owners of the standard ProxyAdminOwner (superchain-ops tasks); the registry does not publish its threshold',
  },
  {
    entity: 'op-sepolia-guardian',
    name: 'OP Sepolia standard Guardian (1-of-1 Safe owned by the Security Council)',
    kind: 'multisig',
    threshold: 1,
    signers: 1,
    addresses: ['0x7a50f00e8D05b95F98fE38d8BeE366a7324dCf7E'],
    source: 'opStandardRolesSepolia',
    note: 'the Sepolia superchain\'s standard Guardian in the Superchain Registry; superchain-ops\' Sepolia Security Council playbook calls it the 1/1 Guardian Safe owned by the Security Council',
  },
  {
    entity: 'op-sepolia-challenger',
    name: 'OP Sepolia standard Challenger and ProtocolVersions owner (a single key)',
    kind: 'eoa',
    addresses: ['0xfd1D2e729aE8eEe2E146c033bf4400fE75284301'],
    source: 'opStandardRolesSepolia',
    note: 'the Sepolia superchain\'s standard Challenger and ProtocolVersionsOwner in the Superchain Registry; superchain-ops\' Sepolia tasks show it sending transactions itself, so it is a single key',
  },
  {
    entity: 'cosmos-gov-module',
    name: 'the x/gov module account (on-chain governance)',
    kind: 'governance',
    // sha256("gov")[:20]: the same account under every bech32 prefix (og10d07y265…, noble10d07y265…).
    addresses: ['cosmos10d07y265gmmuvt4z0w9aw880jnsr700j6zn9kn'],
    source: 'cosmosModuleAuthority',
  },
];
