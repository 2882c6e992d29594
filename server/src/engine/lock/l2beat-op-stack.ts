import { discoveryAddress, type DiscoveryEntry } from './l2beat-entries';
import type { LockedRoles } from './schema';

/**
 * What an L2BEAT snapshot shows of the OP Stack rollups deployed on a chain, by Chokepoint role id:
 * from each OptimismPortal to its SystemConfig (owner, batcher, unsafe block signer), its guardian and
 * respected game type, its DisputeGameFactory's games (the PermissionedDisputeGame's proposer and
 * challenger, and the L2 chain id they are for) and the ProxyAdmin behind the SystemConfig proxy.
 * A portal whose games do not name their L2 chain is left out: the roles could not be keyed.
 */
export interface SnapshotRollup {
  /** The chain prefix of the portal's address, when the snapshot writes one. */
  prefix?: string;
  /** `evm:<L2 chain id>`. */
  rollup: string;
  roles: LockedRoles;
}

export function opStackRollups(entries: DiscoveryEntry[]): SnapshotRollup[] {
  const byAddress = new Map<string, DiscoveryEntry>();
  for (const entry of entries) {
    const address = discoveryAddress(entry.address);
    if (address) byAddress.set(address.hex, entry);
  }
  const at = (value: unknown) => {
    const address = discoveryAddress(value);
    return address ? byAddress.get(address.hex) : undefined;
  };
  const rollups: SnapshotRollup[] = [];
  for (const portal of entries) {
    if (portal.eoa || !/OptimismPortal/.test(portal.template ?? '') || !('respectedGameType' in portal.values || 'guardian' in portal.values)) continue;
    const factory = at(portal.values.disputeGameFactory);
    const games = (Array.isArray(factory?.values.gameImpls) ? factory.values.gameImpls : []).map(at).filter((g) => g !== undefined);
    const chainId = games.map((g) => g.values.l2ChainId).find((id) => typeof id === 'number' && Number.isSafeInteger(id) && id > 0);
    if (chainId === undefined) continue;
    const systemConfig = at(portal.values.systemConfig);
    const permissioned = games.find((g) => /PermissionedDisputeGame/.test(g.template ?? g.name ?? ''));
    const proxyAdmin = at(systemConfig?.values.$admin);
    const roles: LockedRoles = {};
    const address = (role: string, value: unknown) => {
      const parsed = discoveryAddress(value) ?? batcherHashAddress(value);
      if (parsed) roles[role] = /^0x0{40}$/.test(parsed.hex) ? null : parsed.hex;
    };
    if (typeof portal.values.respectedGameType === 'number') roles.respectedGameType = portal.values.respectedGameType;
    address('guardian', portal.values.guardian);
    address('systemConfigOwner', systemConfig?.values.owner);
    address('batcher', systemConfig?.values.batcherHash);
    address('unsafeBlockSigner', systemConfig?.values.unsafeBlockSigner);
    address('proposer', permissioned?.values.proposer);
    address('challenger', permissioned?.values.challenger);
    address('l1ProxyAdminOwner', proxyAdmin?.values.owner);
    rollups.push({ prefix: discoveryAddress(portal.address)?.prefix, rollup: `evm:${chainId}`, roles });
  }
  return rollups;
}

/** SystemConfig.batcherHash is a bytes32 holding the batcher's address in its low 20 bytes. */
function batcherHashAddress(value: unknown): { hex: string } | undefined {
  if (typeof value !== 'string' || !/^0x0{24}[0-9a-fA-F]{40}$/.test(value)) return undefined;
  return { hex: `0x${value.slice(26).toLowerCase()}` };
}
