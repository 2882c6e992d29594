import { keccak256, parseAbi, parseAbiItem, toHex } from 'viem';

/** The few functions `verify` calls, by contract kind. Each read is tried; a contract that does not answer one is not of that kind. */

export const SAFE = parseAbi([
  'function getThreshold() view returns (uint256)',
  'function getOwners() view returns (address[])',
  'function getModulesPaginated(address start, uint256 pageSize) view returns (address[] array, address next)',
  'function VERSION() view returns (string)',
]);

/** Safe's guard (GuardManager): keccak256("guard_manager.guard.address"). */
export const SAFE_GUARD_SLOT = keccak256(toHex('guard_manager.guard.address'));
/** The start and end of a Safe's linked lists of owners and modules. */
export const SAFE_SENTINEL = '0x0000000000000000000000000000000000000001';

export const ACCESS_CONTROL = parseAbi([
  'function hasRole(bytes32 role, address account) view returns (bool)',
  'event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)',
]);
export const ROLE_GRANTED = parseAbiItem('event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)');

export const TIMELOCK = parseAbi(['function getMinDelay() view returns (uint256)', 'function PROPOSER_ROLE() view returns (bytes32)']);
export const TIMELOCK_ROLES = {
  proposers: keccak256(toHex('PROPOSER_ROLE')),
  executors: keccak256(toHex('EXECUTOR_ROLE')),
  cancellers: keccak256(toHex('CANCELLER_ROLE')),
} as const;

/** Arbitrum's UpgradeExecutor (OffchainLabs/upgrade-executor): AccessControl with ADMIN_ROLE and EXECUTOR_ROLE. */
export const UPGRADE_EXECUTOR = parseAbi(['function EXECUTOR_ROLE() view returns (bytes32)', 'function ADMIN_ROLE() view returns (bytes32)']);
export const EXECUTOR_ROLE = keccak256(toHex('EXECUTOR_ROLE'));

export const OWNABLE = parseAbi(['function owner() view returns (address)']);

/** EIP-1967: bytes32(uint256(keccak256("eip1967.proxy.admin")) - 1) and (…"eip1967.proxy.implementation") - 1. */
export const EIP1967_ADMIN_SLOT = '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103';
export const EIP1967_IMPLEMENTATION_SLOT = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';

/** OP Stack L1 contracts (optimism/packages/contracts-bedrock), the getters each version has had. */
export const OP_SYSTEM_CONFIG = parseAbi([
  'function owner() view returns (address)',
  'function batcherHash() view returns (bytes32)',
  'function unsafeBlockSigner() view returns (address)',
  'function guardian() view returns (address)',
  'function optimismPortal() view returns (address)',
  'function disputeGameFactory() view returns (address)',
  'function l2OutputOracle() view returns (address)',
]);
export const OP_PORTAL = parseAbi([
  'function guardian() view returns (address)',
  'function GUARDIAN() view returns (address)',
  'function respectedGameType() view returns (uint32)',
  'function anchorStateRegistry() view returns (address)',
  'function disputeGameFactory() view returns (address)',
]);
export const OP_ANCHOR_STATE_REGISTRY = parseAbi(['function respectedGameType() view returns (uint32)']);
export const OP_DISPUTE_GAME_FACTORY = parseAbi(['function gameImpls(uint32 gameType) view returns (address)']);
export const OP_PERMISSIONED_GAME = parseAbi(['function proposer() view returns (address)', 'function challenger() view returns (address)']);
export const OP_OUTPUT_ORACLE = parseAbi([
  'function proposer() view returns (address)',
  'function challenger() view returns (address)',
  'function PROPOSER() view returns (address)',
  'function CHALLENGER() view returns (address)',
]);
/** The game type of the PermissionedDisputeGame (GameTypes.PERMISSIONED_CANNON). */
export const PERMISSIONED_CANNON = 1;
