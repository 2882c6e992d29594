import type { LockedAddress, LockedChain, LockFile } from '../engine/lock/schema';

/**
 * What differs between the lock and the chain read again, one sentence each, for `verify --check`.
 * Block number and time always differ and are not compared, nor is the RPC host (another provider
 * of the same chain is not a change). Chains that could not be read at all (`unread`) and parts
 * that failed this time are problems, not differences: a failure to read is not a change on chain.
 */
export function lockDifferences(locked: LockFile, fresh: LockFile, unread: Set<string>): string[] {
  const out: string[] = [];
  for (const chain of union(Object.keys(locked.chains), Object.keys(fresh.chains))) {
    const before = locked.chains[chain];
    const now = fresh.chains[chain];
    if (!now) {
      if (!unread.has(chain)) out.push(`${chain} is in the lock, but the configs no longer name addresses that act on it.`);
      continue;
    }
    if (!before) {
      out.push(`${chain} is not in the lock: the configs now name ${count(Object.keys(now.addresses).length, 'address', 'addresses')} that act on it.`);
      continue;
    }
    out.push(...chainDifferences(chain, before, now));
  }
  return out;
}

function chainDifferences(chain: string, before: LockedChain, now: LockedChain): string[] {
  const out: string[] = [];
  for (const address of union(Object.keys(before.addresses), Object.keys(now.addresses))) {
    const was = before.addresses[address];
    const is = now.addresses[address];
    if (!is) out.push(`${chain} ${address}: in the lock as ${describe(was)}, but nothing the configs name leads to it any more.`);
    else if (!was) out.push(`${chain} ${address}: not in the lock; it is ${describe(is)}.`);
    else out.push(...addressDifferences(`${chain} ${address}`, was, is));
  }
  for (const rollup of union(Object.keys(before.rollups ?? {}), Object.keys(now.rollups ?? {}))) {
    const was = before.rollups?.[rollup] ?? {};
    const is = now.rollups?.[rollup] ?? {};
    for (const role of union(Object.keys(was), Object.keys(is))) {
      // A role not read this time is a problem reported on its own.
      if (!(role in is)) continue;
      if (!(role in was)) out.push(`${chain} rollup ${rollup}: ${role} is not in the lock; the chain says ${show(is[role])}.`);
      else if (was[role] !== is[role]) out.push(`${chain} rollup ${rollup}: ${role} was ${show(was[role])}, now ${show(is[role])}.`);
    }
  }
  return out;
}

const FIELDS = ['threshold', 'owners', 'modules', 'guard', 'version', 'minDelay', 'proposers', 'executors', 'cancellers', 'owner', 'proxy'] as const;
const LABELS: Record<(typeof FIELDS)[number], string> = {
  threshold: 'threshold',
  owners: 'owners',
  modules: 'modules',
  guard: 'guard',
  version: 'version',
  minDelay: 'minimum delay (seconds)',
  proposers: 'proposers',
  executors: 'executors',
  cancellers: 'cancellers',
  owner: 'owner',
  proxy: 'proxy slots',
};

function addressDifferences(subject: string, was: LockedAddress, is: LockedAddress): string[] {
  if (is.kind === 'error') return [];
  if (was.kind !== is.kind) return [`${subject}: was ${describe(was)}, now ${describe(is)}.`];
  const out: string[] = [];
  for (const field of FIELDS) {
    // A part that failed this time (the address carries an error) is not a change.
    if (is[field] === undefined && is.error) continue;
    const before = JSON.stringify(was[field] ?? null);
    const after = JSON.stringify(is[field] ?? null);
    if (before !== after) out.push(`${subject}: ${LABELS[field]} was ${show(was[field])}, now ${show(is[field])}.`);
  }
  return out;
}

/** "a 2-of-3 Safe", "a single key (EOA)", "a timelock of 86400 s"… */
export function describe(fact: LockedAddress): string {
  switch (fact.kind) {
    case 'eoa':
      return 'a single key (EOA)';
    case 'safe':
      return fact.threshold !== undefined && fact.owners ? `a ${fact.threshold}-of-${fact.owners.length} Safe` : 'a Safe';
    case 'timelock':
      return fact.minDelay !== undefined ? `a timelock of ${fact.minDelay} s` : 'a timelock';
    case 'upgrade-executor':
      return 'an UpgradeExecutor';
    case 'contract':
      return fact.owner ? `a contract owned by ${fact.owner}` : 'a contract';
    default:
      return 'unreadable';
  }
}

function show(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k} ${String(v)}`).join(', ') || 'none';
  return String(value);
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
