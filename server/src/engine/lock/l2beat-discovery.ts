import { discoveryAddress, entriesOf, isRecord, type DiscoveryEntry } from './l2beat-entries';
import { opStackRollups } from './l2beat-op-stack';
import { LOCKFILE_VERSION, LockFileSchema, type LockedAddress, type LockedChain, type LockFile } from './schema';

/**
 * Reads an L2BEAT `discovered.json` (its discovery of a project's contracts at one block) into the
 * lock's shape, so `lint` can use it as verified facts. Three generations of the format are read:
 * `contracts` and `eoas` with plain addresses and a top-level `chain` and `blockNumber` (2024 to early
 * 2025); `entries` with a `type` (2025); and `entries` whose addresses carry a chain prefix
 * (`eth:0x…`), with a `timestamp` and `usedBlockNumbers` (mid-2025 on).
 * Never throws: a file that is not such a snapshot gives `problem`.
 */

/** L2BEAT's chain names, with the address prefixes (EIP-3770 short names) its newer snapshots write, and their chain ids. */
const CHAINS: Record<string, { id: number; short: string }> = {
  ethereum: { id: 1, short: 'eth' },
  optimism: { id: 10, short: 'oeth' },
  arbitrum: { id: 42161, short: 'arb1' },
  base: { id: 8453, short: 'base' },
  sepolia: { id: 11155111, short: 'sep' },
};

/** The L2BEAT chain name of a prefix or name. */
function chainNamed(nameOrPrefix: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(CHAINS, nameOrPrefix)) return nameOrPrefix;
  return Object.keys(CHAINS).find((name) => CHAINS[name].short === nameOrPrefix);
}

/** The block number of a snapshot that records only when it was taken: unknown, see `readAt`. */
export const UNRECORDED_BLOCK = 0;

export type DiscoveryResult = { lock: LockFile } | { problem: string };

const ZERO = /^0x0{40}$/;

export function convertDiscovery(text: string): DiscoveryResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `it is not valid JSON (${(error as Error).message})` };
  }
  if (!isRecord(value)) return { problem: 'it is not a JSON object' };
  const entries = entriesOf(value);
  if (!entries) return { problem: 'it has neither `contracts` nor `entries`, so it is not an L2BEAT discovered.json' };
  const defaultChain = typeof value.chain === 'string' ? value.chain : 'ethereum';
  const timestamp = typeof value.timestamp === 'number' && Number.isFinite(value.timestamp) ? new Date(value.timestamp * 1000).toISOString() : '';
  const chains: Record<string, LockedChain> = {};
  const skipped = new Set<string>();
  for (const entry of entries) {
    const address = discoveryAddress(entry.address);
    // L2BEAT lists the zero address among the EOAs; here it means "unset", never a holder.
    if (!address || ZERO.test(address.hex)) continue;
    const name = chainNamed(address.prefix ?? defaultChain);
    if (name === undefined) {
      skipped.add(address.prefix ?? defaultChain);
      continue;
    }
    const key = `evm:${CHAINS[name].id}`;
    chains[key] ??= { rpcHost: 'l2beat discovery', block: { number: blockOf(value, name), timestamp }, addresses: {} };
    chains[key].addresses[address.hex] = factOf(entry);
  }
  if (Object.keys(chains).length === 0) {
    return { problem: skipped.size > 0 ? `it holds addresses only of chains Chokepoint cannot place (${[...skipped].join(', ')})` : 'it holds no addresses' };
  }
  for (const { prefix, rollup, roles } of opStackRollups(entries)) {
    const name = chainNamed(prefix ?? defaultChain);
    const section = name === undefined ? undefined : chains[`evm:${CHAINS[name].id}`];
    if (section) section.rollups = sorted({ ...section.rollups, [rollup]: roles });
  }
  const lock: LockFile = { lockfileVersion: LOCKFILE_VERSION, generatedBy: `L2BEAT discovery${typeof value.name === 'string' ? ` of ${value.name}` : ''}`, chains: sorted(chains) };
  const checked = LockFileSchema.safeParse(lock);
  return checked.success ? { lock: checked.data } : { problem: `its contents could not be read (${checked.error.issues[0]?.message ?? 'invalid'})` };
}

function blockOf(value: Record<string, unknown>, chain: string): number {
  const used = isRecord(value.usedBlockNumbers) ? value.usedBlockNumbers[chain] : undefined;
  const number = typeof value.blockNumber === 'number' ? value.blockNumber : used;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : UNRECORDED_BLOCK;
}

/** What one entry is: a Safe (`$members`/`$threshold`, or `getOwners`/`getThreshold`), a timelock, an UpgradeExecutor, an EOA, or a contract with an owner and proxy slots. */
function factOf(entry: DiscoveryEntry): LockedAddress {
  const name = entry.name ? { name: entry.name } : {};
  if (entry.eoa) return { kind: 'eoa', ...name };
  const v = entry.values;
  const owners = addresses(v.$members ?? v.getOwners);
  const threshold = v.$threshold ?? v.getThreshold;
  if (owners && typeof threshold === 'number') {
    const modules = addresses(v.GnosisSafe_modules ?? v.getModules);
    return { kind: 'safe', ...name, threshold, owners, ...(modules ? { modules } : {}), ...(typeof v.VERSION === 'string' ? { version: v.VERSION } : {}) };
  }
  const roles = isRecord(v.accessControl) ? v.accessControl : {};
  const members = (role: string) => (isRecord(roles[role]) ? addresses((roles[role] as Record<string, unknown>).members) : undefined);
  const minDelay = v.getMinDelay ?? v.minDelay;
  if (typeof minDelay === 'number' && members('PROPOSER_ROLE')) {
    return { kind: 'timelock', ...name, minDelay, proposers: members('PROPOSER_ROLE') ?? [], executors: members('EXECUTOR_ROLE') ?? [], cancellers: members('CANCELLER_ROLE') ?? [] };
  }
  if (/UpgradeExecutor/.test(entry.template ?? entry.name ?? '') && members('EXECUTOR_ROLE')) {
    return { kind: 'upgrade-executor', ...name, executors: members('EXECUTOR_ROLE') ?? [] };
  }
  const owner = discoveryAddress(v.owner);
  const admin = discoveryAddress(v.$admin);
  const implementation = discoveryAddress(v.$implementation);
  const proxy = admin || implementation ? { proxy: { ...(admin ? { admin: admin.hex } : {}), ...(implementation ? { implementation: implementation.hex } : {}) } } : {};
  return { kind: 'contract', ...name, ...(owner ? { owner: ZERO.test(owner.hex) ? null : owner.hex } : {}), ...proxy };
}

function addresses(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.map(discoveryAddress);
  return list.every((a) => a !== undefined) ? list.map((a) => a!.hex) : undefined;
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
