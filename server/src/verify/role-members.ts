import type { Address, Hex } from 'viem';
import { ACCESS_CONTROL, ROLE_GRANTED } from './abis';
import type { ChainReader } from './rpc';

export interface RoleMembers {
  members: Record<string, string[]>;
  /** What could not be read, or why the list may be incomplete. */
  error?: string;
}

/**
 * Who holds each of `roles` on an OpenZeppelin AccessControl contract at the pinned block. Members
 * are not enumerable, so the candidates are every account a `RoleGranted` log names (which every
 * grant emits), each then checked with `hasRole` at the block, so revocations count. When the RPC
 * refuses the log query (many limit its range), the candidates are the addresses known on this chain,
 * and the error says the list may miss others.
 */
export async function roleMembers(reader: ChainReader, contract: Address, roles: Record<string, Hex>, known: () => string[]): Promise<RoleMembers> {
  const logs = await reader.logs(contract, ROLE_GRANTED);
  const errors: string[] = [];
  let candidates: string[];
  if (logs.ok) {
    candidates = logs.value.map((log) => String(log.args.account).toLowerCase());
  } else {
    candidates = known();
    errors.push(`the RPC did not serve the RoleGranted logs (${logs.message}), so only the ${candidates.length} addresses known on this chain were checked: others may hold roles`);
  }
  candidates = [...new Set(candidates)].sort();
  const members: Record<string, string[]> = {};
  for (const [name, role] of Object.entries(roles)) {
    const checks = await Promise.all(candidates.map(async (account) => ({ account, holds: await reader.call<boolean>(contract, ACCESS_CONTROL, 'hasRole', [role, account]) })));
    members[name] = checks.filter((c) => c.holds.ok && c.holds.value === true).map((c) => c.account);
    const failed = checks.find((c) => !c.holds.ok);
    if (failed && !failed.holds.ok) errors.push(`hasRole for ${name} of ${failed.account}: ${failed.holds.message}`);
  }
  return errors.length > 0 ? { members, error: errors.join('; ') } : { members };
}
