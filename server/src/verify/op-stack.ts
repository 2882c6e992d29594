import type { Abi, Address, Hex } from 'viem';
import {
  EIP1967_ADMIN_SLOT,
  OP_ANCHOR_STATE_REGISTRY,
  OP_DISPUTE_GAME_FACTORY,
  OP_OUTPUT_ORACLE,
  OP_PERMISSIONED_GAME,
  OP_PORTAL,
  OP_SYSTEM_CONFIG,
  OWNABLE,
  PERMISSIONED_CANNON,
} from './abis';
import { slotAddress } from './read-address';
import type { ChainReader } from './rpc';

/** What the deployed L1 contracts of an OP Stack chain say its roles are, by Chokepoint role id. */
export type Roles = Record<string, string | number | null>;

export interface RollupRead {
  roles: Roles;
  /** One sentence for each role that could not be read. */
  problems: string[];
}

const ZERO = '0x0000000000000000000000000000000000000000';

/**
 * Reads an OP Stack chain's roles from its L1 contracts, starting from those the registry file names
 * (`contracts`, by their registry names) and finding the rest through the SystemConfig:
 * - SystemConfig: `owner()` (systemConfigOwner), `batcherHash()` (batcher), `unsafeBlockSigner()`;
 * - OptimismPortal: `guardian()` (or `GUARDIAN()`, or the SystemConfig's), `respectedGameType()`
 *   (or its AnchorStateRegistry's);
 * - the PermissionedDisputeGame (the factory's game of type 1): `proposer()`, `challenger()`; or,
 *   before fault proofs, the L2OutputOracle's;
 * - the ProxyAdmin (named, or the SystemConfig proxy's EIP-1967 admin): `owner()` (l1ProxyAdminOwner).
 */
export async function readOpStackRoles(reader: ChainReader, contracts: Record<string, string>): Promise<RollupRead> {
  const roles: Roles = {};
  const problems: string[] = [];
  const first = async <T>(tries: [string | undefined, Abi, string, unknown[]?][], role: string | undefined, what: string): Promise<T | undefined> => {
    const messages: string[] = [];
    for (const [address, abi, fn, args] of tries) {
      if (!address) continue;
      const read = await reader.call<T>(address as Address, abi, fn, args);
      if (read.ok) return read.value;
      messages.push(`${fn}() on ${address}: ${read.message}`);
    }
    if (role !== undefined) problems.push(`could not read the ${what}: ${messages.length > 0 ? messages.join('; ') : 'the file names no contract that holds it'}`);
    return undefined;
  };
  const address = (value: unknown) => (typeof value === 'string' ? (value.toLowerCase() === ZERO ? null : value.toLowerCase()) : undefined);
  const set = (role: string, value: string | number | null | undefined) => {
    if (value !== undefined) roles[role] = value;
  };

  const systemConfig = contracts.SystemConfigProxy;
  if (systemConfig) {
    set('systemConfigOwner', address(await first([[systemConfig, OP_SYSTEM_CONFIG, 'owner']], 'systemConfigOwner', 'SystemConfig owner')));
    const batcherHash = await first<Hex>([[systemConfig, OP_SYSTEM_CONFIG, 'batcherHash']], 'batcher', 'batcher (SystemConfig batcherHash)');
    if (batcherHash !== undefined) set('batcher', slotAddress(batcherHash));
    set('unsafeBlockSigner', address(await first([[systemConfig, OP_SYSTEM_CONFIG, 'unsafeBlockSigner']], 'unsafeBlockSigner', 'unsafe block signer')));
  }
  const portal = contracts.OptimismPortalProxy ?? address(await first([[systemConfig, OP_SYSTEM_CONFIG, 'optimismPortal']], undefined, '')) ?? undefined;
  if (portal || systemConfig) {
    set('guardian', address(await first([[portal, OP_PORTAL, 'guardian'], [portal, OP_PORTAL, 'GUARDIAN'], [systemConfig, OP_SYSTEM_CONFIG, 'guardian']], 'guardian', 'Guardian')));
  }

  const factory = contracts.DisputeGameFactoryProxy ?? address(await first([[systemConfig, OP_SYSTEM_CONFIG, 'disputeGameFactory'], [portal, OP_PORTAL, 'disputeGameFactory']], undefined, '')) ?? undefined;
  if (factory) {
    const registry = address(await first([[portal, OP_PORTAL, 'anchorStateRegistry']], undefined, '')) ?? undefined;
    const gameType = await first<number>([[portal, OP_PORTAL, 'respectedGameType'], [registry, OP_ANCHOR_STATE_REGISTRY, 'respectedGameType']], 'respectedGameType', 'respected game type of the OptimismPortal');
    if (gameType !== undefined) roles.respectedGameType = Number(gameType);
    const game = contracts.PermissionedDisputeGame ?? address(await first([[factory, OP_DISPUTE_GAME_FACTORY, 'gameImpls', [PERMISSIONED_CANNON]]], 'proposer', 'PermissionedDisputeGame (gameImpls(1) of the DisputeGameFactory)'));
    if (game) {
      set('proposer', address(await first([[game, OP_PERMISSIONED_GAME, 'proposer']], 'proposer', 'proposer of the PermissionedDisputeGame')));
      set('challenger', address(await first([[game, OP_PERMISSIONED_GAME, 'challenger']], 'challenger', 'challenger of the PermissionedDisputeGame')));
    }
  } else {
    const oracle = contracts.L2OutputOracleProxy ?? address(await first([[systemConfig, OP_SYSTEM_CONFIG, 'l2OutputOracle']], undefined, '')) ?? undefined;
    if (oracle) {
      set('proposer', address(await first([[oracle, OP_OUTPUT_ORACLE, 'proposer'], [oracle, OP_OUTPUT_ORACLE, 'PROPOSER']], 'proposer', 'proposer of the L2OutputOracle')));
      set('challenger', address(await first([[oracle, OP_OUTPUT_ORACLE, 'challenger'], [oracle, OP_OUTPUT_ORACLE, 'CHALLENGER']], 'challenger', 'challenger of the L2OutputOracle')));
    }
  }

  let proxyAdmin: string | undefined = contracts.ProxyAdmin;
  if (!proxyAdmin && systemConfig) {
    const slot = await reader.storage(systemConfig as Address, EIP1967_ADMIN_SLOT);
    if (slot.ok) proxyAdmin = slotAddress(slot.value) ?? undefined;
    else problems.push(`could not read the ProxyAdmin of SystemConfig ${systemConfig}: ${slot.message}`);
  }
  if (proxyAdmin) set('l1ProxyAdminOwner', address(await first([[proxyAdmin, OWNABLE, 'owner']], 'l1ProxyAdminOwner', 'L1 ProxyAdmin owner')));
  return { roles, problems };
}
