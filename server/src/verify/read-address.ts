import type { Address, Hex } from 'viem';
import type { LockedAddress } from '../engine/lock/schema';
import { EIP1967_ADMIN_SLOT, EIP1967_IMPLEMENTATION_SLOT, EXECUTOR_ROLE, OWNABLE, SAFE, SAFE_GUARD_SLOT, SAFE_SENTINEL, TIMELOCK, TIMELOCK_ROLES, UPGRADE_EXECUTOR } from './abis';
import { roleMembers } from './role-members';
import type { ChainReader, Read } from './rpc';

/** What a configuration says an address is, so a mismatch is said plainly: "declared a multisig in .chokepoint.yaml". */
export interface Expectation {
  kind: 'safe' | 'timelock';
  why: string;
}

export interface AddressRead {
  fact: LockedAddress;
  /** Addresses that act for this one (a Safe's owners and modules, a timelock's proposers…), to read next. */
  next: string[];
}

const ZERO = '0x0000000000000000000000000000000000000000';
const KIND_NAMES = { safe: 'a Safe', timelock: 'a TimelockController' } as const;

/**
 * Reads what `address` is: no code (an EOA), a Safe, an OpenZeppelin TimelockController, Arbitrum's
 * UpgradeExecutor, or another contract with its `owner()` and EIP-1967 slots. Each kind is
 * recognised by the calls only it answers; a call that fails for want of an answer (not a revert)
 * makes the address `error`, since nothing can then be said of it.
 */
export async function readAddress(reader: ChainReader, address: string, expect: Expectation | undefined, known: () => string[]): Promise<AddressRead> {
  const at = address as Address;
  const code = await reader.code(at);
  if (!code.ok) return { fact: { kind: 'error', error: code.message }, next: [] };
  let read: AddressRead | { error: string };
  if (!code.value || code.value === '0x') read = { fact: { kind: 'eoa' }, next: [] };
  else read = (await readSafe(reader, at)) ?? (await readTimelock(reader, at, known)) ?? (await readUpgradeExecutor(reader, at, known)) ?? (await readContract(reader, at));
  if ('error' in read) return { fact: { kind: 'error', error: read.error }, next: [] };
  if (expect && read.fact.kind !== expect.kind) {
    const found = read.fact.kind === 'eoa' ? 'there is no code at this address: it is a single key (EOA)' : `it is ${read.fact.kind === 'contract' ? 'a contract' : `a ${read.fact.kind}`} that does not answer as ${KIND_NAMES[expect.kind]}`;
    read.fact.error = joinErrors(read.fact.error, `expected ${KIND_NAMES[expect.kind]} (${expect.why}), but ${found}`);
  }
  return read;
}

type Attempt = Promise<AddressRead | { error: string } | undefined>;

/** A Safe answers getThreshold() and at least one of getOwners() and VERSION(). */
async function readSafe(reader: ChainReader, address: Address): Attempt {
  const threshold = await reader.call<bigint>(address, SAFE, 'getThreshold');
  if (!threshold.ok) return threshold.refused ? undefined : { error: threshold.message };
  const [owners, version, modules, guard] = await Promise.all([
    reader.call<readonly Address[]>(address, SAFE, 'getOwners'),
    reader.call<string>(address, SAFE, 'VERSION'),
    reader.call<readonly [readonly Address[], Address]>(address, SAFE, 'getModulesPaginated', [SAFE_SENTINEL, 100n]),
    reader.storage(address, SAFE_GUARD_SLOT),
  ]);
  if (!owners.ok && owners.refused && !version.ok && version.refused) return undefined;
  const fact: LockedAddress = { kind: 'safe', threshold: Number(threshold.value) };
  const errors: string[] = [];
  if (owners.ok) fact.owners = sortedAddresses(owners.value);
  else errors.push(owners.message);
  if (version.ok) fact.version = version.value;
  else if (!version.refused) errors.push(version.message);
  if (modules.ok) fact.modules = sortedAddresses(modules.value[0]);
  // Safes before 1.1 had no module pagination; their modules are not read.
  else if (!modules.refused) errors.push(modules.message);
  if (guard.ok) fact.guard = slotAddress(guard.value);
  else errors.push(guard.message);
  if (errors.length > 0) fact.error = errors.join('; ');
  return { fact, next: [...(fact.owners ?? []), ...(fact.modules ?? [])] };
}

/** An OpenZeppelin TimelockController answers getMinDelay() and PROPOSER_ROLE(). */
async function readTimelock(reader: ChainReader, address: Address, known: () => string[]): Attempt {
  const [delay, proposerRole] = await Promise.all([reader.call<bigint>(address, TIMELOCK, 'getMinDelay'), reader.call<Hex>(address, TIMELOCK, 'PROPOSER_ROLE')]);
  for (const read of [delay, proposerRole]) if (!read.ok && !read.refused) return { error: read.message };
  if (!delay.ok || !proposerRole.ok) return undefined;
  const roles = await roleMembers(reader, address, TIMELOCK_ROLES, known);
  const fact: LockedAddress = { kind: 'timelock', minDelay: Number(delay.value), proposers: roles.members.proposers, executors: roles.members.executors, cancellers: roles.members.cancellers };
  await addProxySlots(reader, address, fact);
  if (roles.error) fact.error = joinErrors(fact.error, roles.error);
  return { fact, next: [...fact.proposers!, ...fact.executors!, ...fact.cancellers!, ...(fact.proxy?.admin ? [fact.proxy.admin] : [])] };
}

/** Arbitrum's UpgradeExecutor answers EXECUTOR_ROLE() and ADMIN_ROLE(), and is usually behind an EIP-1967 proxy. */
async function readUpgradeExecutor(reader: ChainReader, address: Address, known: () => string[]): Attempt {
  const [executor, admin] = await Promise.all([reader.call<Hex>(address, UPGRADE_EXECUTOR, 'EXECUTOR_ROLE'), reader.call<Hex>(address, UPGRADE_EXECUTOR, 'ADMIN_ROLE')]);
  for (const read of [executor, admin]) if (!read.ok && !read.refused) return { error: read.message };
  if (!executor.ok || !admin.ok) return undefined;
  const roles = await roleMembers(reader, address, { executors: EXECUTOR_ROLE }, known);
  const fact: LockedAddress = { kind: 'upgrade-executor', executors: roles.members.executors };
  await addProxySlots(reader, address, fact);
  if (roles.error) fact.error = joinErrors(fact.error, roles.error);
  return { fact, next: [...fact.executors!, ...(fact.proxy?.admin ? [fact.proxy.admin] : [])] };
}

/** Any other contract: its `owner()` (Ownable, a ProxyAdmin) and, for a proxy, the EIP-1967 admin and implementation. */
async function readContract(reader: ChainReader, address: Address): Promise<AddressRead> {
  const fact: LockedAddress = { kind: 'contract' };
  const owner = await reader.call<Address>(address, OWNABLE, 'owner');
  if (owner.ok) fact.owner = owner.value.toLowerCase() === ZERO ? null : owner.value.toLowerCase();
  else if (!owner.refused) fact.error = owner.message;
  await addProxySlots(reader, address, fact);
  return { fact, next: [...(fact.owner ? [fact.owner] : []), ...(fact.proxy?.admin ? [fact.proxy.admin] : [])] };
}

async function addProxySlots(reader: ChainReader, address: Address, fact: LockedAddress): Promise<void> {
  const [admin, implementation] = await Promise.all([reader.storage(address, EIP1967_ADMIN_SLOT), reader.storage(address, EIP1967_IMPLEMENTATION_SLOT)]);
  const proxy: NonNullable<LockedAddress['proxy']> = {};
  const slot = (read: Read<Hex>, key: 'admin' | 'implementation') => {
    if (!read.ok) fact.error = joinErrors(fact.error, read.message);
    else if (slotAddress(read.value)) proxy[key] = slotAddress(read.value)!;
  };
  slot(admin, 'admin');
  slot(implementation, 'implementation');
  if (proxy.admin || proxy.implementation) fact.proxy = proxy;
}

/** The address in the low 20 bytes of a storage word; null when the word is zero. */
export function slotAddress(word: Hex): string | null {
  const hex = word.replace(/^0x/, '').padStart(64, '0').slice(-40).toLowerCase();
  return /^0+$/.test(hex) ? null : `0x${hex}`;
}

export function sortedAddresses(list: readonly string[]): string[] {
  return [...new Set(list.map((a) => a.toLowerCase()))].sort();
}

function joinErrors(a: string | undefined, b: string): string {
  return a ? `${a}; ${b}` : b;
}
