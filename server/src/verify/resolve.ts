import type { LockedAddress } from '../engine/lock/schema';
import { readAddress, type Expectation } from './read-address';
import type { ChainReader } from './rpc';

const ZERO = '0x0000000000000000000000000000000000000000';

export interface Resolution {
  addresses: Map<string, LockedAddress>;
  /** Addresses found beyond `maxDepth`, not read. */
  beyondDepth: string[];
}

/**
 * Reads `roots` and, level by level, whoever acts for them (a Safe's owners, a timelock's
 * proposers, a ProxyAdmin's owner…), down to `maxDepth` levels below the roots. Each address is read
 * once, however many paths lead to it.
 */
export async function resolveAddresses(
  reader: ChainReader,
  roots: Map<string, Expectation | undefined>,
  options: { maxDepth: number; signal?: AbortSignal; onRead: (address: string) => void; onFound: (count: number) => void },
): Promise<Resolution> {
  const addresses = new Map<string, LockedAddress>();
  const seen = new Set(roots.keys());
  const known = () => [...seen].filter((a) => a !== ZERO);
  let level = [...roots.keys()].sort();
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > options.maxDepth) return { addresses, beyondDepth: level };
    if (options.signal?.aborted) throw abortError();
    options.onFound(level.length);
    const reads = await Promise.all(
      level.map(async (address) => {
        const read = await readAddress(reader, address, roots.get(address), known);
        options.onRead(address);
        return { address, read };
      }),
    );
    const next: string[] = [];
    for (const { address, read } of reads) {
      addresses.set(address, read.fact);
      for (const found of read.next.map((a) => a.toLowerCase())) {
        if (found === ZERO || seen.has(found)) continue;
        seen.add(found);
        next.push(found);
      }
    }
    level = next.sort();
  }
  return { addresses, beyondDepth: [] };
}

export function abortError(): Error {
  const error = new Error('Verification was cancelled.');
  error.name = 'AbortError';
  return error;
}
