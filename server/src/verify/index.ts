import { resolve } from 'node:path';
import { LOCKFILE_VERSION, type LockedChain, type LockFile } from '../engine/lock/schema';
import { VERSION } from '../version';
import type { RunVerify, VerifyOptions, VerifyProblem, VerifyResult } from './api';
import { lockDifferences } from './compare';
import { defaultLockFile, readLock, writeLock } from './lock-file';
import { readOpStackRoles } from './op-stack';
import { planVerify, VerifyUsageError, type ChainPlan } from './plan';
import type { Expectation } from './read-address';
import { abortError, resolveAddresses } from './resolve';
import { connect, type ChainReader } from './rpc';

export type { RunVerify, VerifyOptions, VerifyProblem, VerifyResult } from './api';
export { VerifyUsageError } from './plan';

export const DEFAULT_MAX_DEPTH = 4;
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * `chokepoint verify`: lints the paths offline to learn which addresses hold power on which chain,
 * reads each on the chain where it acts through the URLs given (nothing else is contacted), and
 * writes the lock, or with `check` compares the chain with it. Failures are problems and `error`
 * entries in the lock, never exceptions; only a usage error (no URL, no lock to check, a broken
 * config) throws, as a `VerifyUsageError`.
 */
export const runVerify: RunVerify = async (options) => {
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const rpc = checkedRpc(options.rpc);
  const lockFile = resolve(options.lockFile ?? defaultLockFile(paths));
  const previous = readLock(lockFile);
  if (options.check && !previous) throw new VerifyUsageError(`There is no lock to check at ${lockFile}: run "chokepoint verify" first, or pass --lock.`);
  const plans = planVerify(paths);
  const problems: VerifyProblem[] = [];
  const unread = new Set<string>();
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (plans.length === 0) problems.push({ chain: '*', message: 'The configs name no EVM address that holds a power, so there is nothing to verify.' });

  // Each URL is opened once; the plans it serves are grouped by the chain it says it is.
  const urls = new Map<ChainPlan, string>();
  for (const plan of plans) {
    const url = urlFor(plan, rpc);
    if (url) urls.set(plan, url);
    else {
      problems.push({ chain: plan.where ?? '*', message: missingUrl(plan, rpc) });
      if (plan.where) unread.add(plan.where);
    }
  }
  const connections = new Map(await Promise.all([...new Set(urls.values())].map(async (url) => [url, await connect(url, { timeoutMs, signal: options.signal })] as const)));
  const chains = new Map<string, { reader: ChainReader; plans: ChainPlan[] }>();
  for (const [plan, url] of urls) {
    const connection = connections.get(url)!;
    const subject = plan.where ?? 'the chain';
    if ('error' in connection) {
      const kept = plan.where && previous?.chains[plan.where] ? `; the lock keeps what it recorded at block ${previous.chains[plan.where].block.number}` : '';
      problems.push({ chain: plan.where ?? '*', message: `Nothing was read on ${subject} for ${plan.sources.join(', ')}: ${connection.error}${kept}.` });
      if (plan.where) unread.add(plan.where);
      continue;
    }
    const key = `evm:${connection.reader.chainId}`;
    if (plan.where && plan.where !== key) {
      problems.push({ chain: plan.where, message: `${connection.reader.host} serves ${key}, but the addresses of ${plan.sources.join(', ')} act on ${plan.where}: pass --rpc ${plan.where.slice(4)}=URL.` });
      unread.add(plan.where);
      continue;
    }
    const entry = chains.get(key) ?? { reader: connection.reader, plans: [] };
    entry.plans.push(plan);
    chains.set(key, entry);
  }

  let done = 0;
  let total = 0;
  const fresh: LockFile = { lockfileVersion: LOCKFILE_VERSION, generatedBy: `chokepoint ${VERSION}`, chains: {} };
  let read = 0;
  for (const key of [...chains.keys()].sort()) {
    const { reader, plans: served } = chains.get(key)!;
    const chain = await readChain(key, reader, served, {
      maxDepth,
      signal: options.signal,
      onFound: (n) => {
        total += n;
        options.onProgress?.(done, total, `reading ${key}`);
      },
      onRead: (address) => options.onProgress?.(++done, total, `${address} on ${key}`),
      problem: (message, address) => problems.push({ chain: key, ...(address ? { address } : {}), message }),
    });
    fresh.chains[key] = chain.locked;
    read += chain.read;
  }
  // Reads cut short by cancellation are failures, not facts: nothing of them is written.
  if (options.signal?.aborted) throw abortError();

  let lock = fresh;
  let written = false;
  let differences: string[] = [];
  if (options.check) {
    differences = lockDifferences(previous!, fresh, unread);
  } else if (read > 0) {
    // A chain that could not be read keeps what the lock recorded of it, with its own block.
    lock = { ...fresh, chains: { ...Object.fromEntries([...unread].filter((c) => previous?.chains[c]).map((c) => [c, previous!.chains[c]])), ...fresh.chains } };
    writeLock(lockFile, lock);
    written = true;
  }
  return { lockFile, lock, problems, differences, read, written } satisfies VerifyResult;
};

interface ChainCallbacks {
  maxDepth: number;
  signal?: AbortSignal;
  onFound: (count: number) => void;
  onRead: (address: string) => void;
  problem: (message: string, address?: string) => void;
}

/** Everything the plans of one chain ask, read at the reader's one block. */
async function readChain(key: string, reader: ChainReader, plans: ChainPlan[], callbacks: ChainCallbacks): Promise<{ locked: LockedChain; read: number }> {
  const roots = new Map<string, Expectation | undefined>();
  for (const plan of plans) for (const [address, expect] of plan.roots) roots.set(address, roots.get(address) ?? expect);
  const rollups: NonNullable<LockedChain['rollups']> = {};
  let read = 0;
  for (const rollup of plans.flatMap((p) => p.rollups).sort((a, b) => a.id.localeCompare(b.id))) {
    const result = await readOpStackRoles(reader, rollup.contracts);
    for (const message of result.problems) callbacks.problem(`Rollup ${rollup.id}: ${message}.`);
    if (Object.keys(result.roles).length > 0) rollups[rollup.id] = result.roles;
    read += Object.keys(result.roles).length;
    // The holders the deployed contracts name are read too: they may differ from the configs'.
    for (const value of Object.values(result.roles)) if (typeof value === 'string' && !roots.has(value)) roots.set(value, undefined);
  }
  const resolution = await resolveAddresses(reader, roots, callbacks);
  const addresses = Object.fromEntries([...resolution.addresses.entries()].sort(([a], [b]) => a.localeCompare(b)));
  for (const [address, fact] of Object.entries(addresses)) {
    if (fact.kind !== 'error') read++;
    if (!fact.error) continue;
    callbacks.problem(
      fact.kind === 'error'
        ? `Could not read ${address} on ${key}: ${fact.error}; the lock marks it kind: error.`
        : `Read ${address} on ${key} only in part: ${fact.error}; the lock records what was read, with this error.`,
      address,
    );
  }
  if (resolution.beyondDepth.length > 0) {
    callbacks.problem(`${resolution.beyondDepth.length} address${resolution.beyondDepth.length === 1 ? ' lies' : 'es lie'} more than ${callbacks.maxDepth} level${callbacks.maxDepth === 1 ? '' : 's'} below the configs' addresses on ${key} and ${resolution.beyondDepth.length === 1 ? 'was' : 'were'} not read (${resolution.beyondDepth.join(', ')}): raise --depth to follow them.`);
  }
  const locked: LockedChain = {
    rpcHost: reader.host,
    block: { number: Number(reader.block.number), timestamp: new Date(Number(reader.block.timestamp) * 1000).toISOString() },
    addresses,
    ...(Object.keys(rollups).length > 0 ? { rollups } : {}),
  };
  return { locked, read };
}

/** RPC URLs keyed `evm:<id>` or `*`; each must be an http(s) URL. The message never repeats a URL, which may hold a key. */
function checkedRpc(rpc: VerifyOptions['rpc']): Record<string, string> {
  const entries = Object.entries(rpc);
  if (entries.length === 0) throw new VerifyUsageError('verify needs an RPC URL: pass --rpc URL, or --rpc CHAIN_ID=URL for each chain.');
  for (const [key, url] of entries) {
    if (key !== '*' && !/^evm:\d+$/.test(key)) throw new VerifyUsageError(`"${key}" is not a chain id: use --rpc CHAIN_ID=URL with a decimal EVM chain id, e.g. --rpc 1=https://…`);
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') throw new VerifyUsageError(`The RPC URL${key === '*' ? '' : ` for ${key}`} is not an http:// or https:// URL.`);
  }
  return rpc;
}

/** The URL for a plan: its chain's, else the one given without a chain id, else (for a plan that does not know its chain) the only one given. */
function urlFor(plan: ChainPlan, rpc: Record<string, string>): string | undefined {
  if (plan.where) return rpc[plan.where] ?? rpc['*'];
  const all = Object.values(rpc);
  return rpc['*'] ?? (all.length === 1 ? all[0] : undefined);
}

function missingUrl(plan: ChainPlan, rpc: Record<string, string>): string {
  const n = plan.roots.size;
  const what = `the ${n} address${n === 1 ? '' : 'es'} of ${plan.sources.join(', ')}`;
  if (plan.where) return `No RPC URL for ${plan.where}, where ${what} act${n === 1 ? 's' : ''}: pass --rpc ${plan.where.slice(4)}=URL (given: ${Object.keys(rpc).map((k) => (k === '*' ? 'one without a chain id' : k)).join(', ')}).`;
  return `The files of ${plan.sources.join(', ')} do not say on which chain ${what} act, and several RPC URLs were given: pass that chain's URL with --rpc URL (without a chain id).`;
}
