import {
  BaseError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  createPublicClient,
  HttpRequestError,
  http,
  RpcRequestError,
  TimeoutError,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
} from 'viem';
import { redact, rpcHost } from './redact';

/**
 * A read of one chain at one block, through viem. Every call is pinned to the block read first, so
 * the lock describes one consistent state, and every failure becomes a `Failed` with a sentence that
 * names only the RPC's host.
 */

/** The contract does not answer this call (it reverted, has no such function, or returned something else): a fact about the contract. */
export interface Refused {
  ok: false;
  refused: true;
  message: string;
}

/** The read itself failed (no connection, a timeout, an HTTP or JSON-RPC error): nothing is known. */
export interface Failed {
  ok: false;
  refused: false;
  message: string;
}

export type Read<T> = { ok: true; value: T } | Refused | Failed;

export interface ChainReader {
  host: string;
  chainId: number;
  block: { number: bigint; timestamp: bigint };
  code(address: Address): Promise<Read<Hex | undefined>>;
  storage(address: Address, slot: Hex): Promise<Read<Hex>>;
  call<T>(address: Address, abi: Abi, functionName: string, args?: readonly unknown[]): Promise<Read<T>>;
  /** Accounts named by an event's indexed `account` argument, from the chain's first block to the pinned one. */
  logs(address: Address, event: Abi[number], args?: Record<string, unknown>): Promise<Read<{ args: Record<string, unknown> }[]>>;
}

export interface ConnectOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Most requests in flight to one RPC at once: enough to be quick, few enough not to be rate-limited. */
const CONCURRENCY = 8;

/** Opens `url`, asks its chain id and pins the latest block. */
export async function connect(url: string, options: ConnectOptions): Promise<{ reader: ChainReader } | { error: string }> {
  const host = rpcHost(url);
  const client = createPublicClient({ transport: http(url, { timeout: options.timeoutMs, retryCount: 1, retryDelay: 200 }) }) as PublicClient;
  const limit = limiter(CONCURRENCY);
  const run = async <T>(what: string, request: () => Promise<T>): Promise<Read<T>> => {
    if (options.signal?.aborted) return { ok: false, refused: false, message: 'cancelled' };
    try {
      return { ok: true, value: await limit(request) };
    } catch (error) {
      return describeFailure(error, what, url, host, options.timeoutMs);
    }
  };

  const chainId = await run('eth_chainId', () => client.getChainId());
  if (!chainId.ok) return { error: chainId.message };
  const latest = await run('eth_getBlockByNumber', () => client.getBlock({ blockTag: 'latest' }));
  if (!latest.ok) return { error: latest.message };
  const blockNumber = latest.value.number;
  if (blockNumber === null) return { error: `${host} returned a pending block as the latest one` };

  const reader: ChainReader = {
    host,
    chainId: chainId.value,
    block: { number: blockNumber, timestamp: latest.value.timestamp },
    code: (address) => run(`eth_getCode(${address})`, () => client.getCode({ address, blockNumber })),
    storage: (address, slot) => run(`eth_getStorageAt(${address})`, async () => (await client.getStorageAt({ address, slot, blockNumber })) ?? '0x'),
    call: <T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) =>
      run(`${functionName}()`, async () => (await client.readContract({ address, abi, functionName, args, blockNumber })) as T),
    logs: (address, event, args) =>
      run(`eth_getLogs(${address})`, async () => {
        const logs = await client.getLogs({ address, event: event as never, args: args as never, fromBlock: 0n, toBlock: blockNumber, strict: true });
        return logs.map((log) => ({ args: (log as unknown as { args: Record<string, unknown> }).args }));
      }),
  };
  return { reader };
}

/** One sentence about a failed request, with nothing of the URL but its host. */
function describeFailure(error: unknown, what: string, url: string, host: string, timeoutMs: number): Refused | Failed {
  const failed = (message: string): Failed => ({ ok: false, refused: false, message: redact(message, url) });
  const refused = (message: string): Refused => ({ ok: false, refused: true, message: redact(message, url) });
  if (!(error instanceof BaseError)) return failed(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null;
  if (reverted) return refused(`${what} reverted${reverted.reason ? ` (${reverted.reason})` : ''}`);
  if (error.walk((e) => e instanceof ContractFunctionZeroDataError)) return refused(`${what} returned nothing: the contract has no such function`);
  if (error.walk((e) => e instanceof TimeoutError)) return failed(`${host} did not answer ${what} within ${timeoutMs} ms`);
  const rpc = error.walk((e) => e instanceof RpcRequestError) as RpcRequestError | null;
  const httpError = error.walk((e) => e instanceof HttpRequestError) as HttpRequestError | null;
  if (httpError?.status) return failed(`${host} answered ${what} with HTTP ${httpError.status}${rpc ? ` (${rpc.shortMessage})` : ''}`);
  if (rpc) return failed(`${host} refused ${what}: ${rpc.shortMessage.replace(/^RPC Request failed\.\s*/, '') || `error ${rpc.code}`}`);
  if (httpError) return failed(`could not reach ${host} for ${what} (${networkCause(httpError)})`);
  // A value that does not decode as the function's return type: the contract is not what was asked.
  if (/decod|size|out of bounds|is not a valid/i.test(error.shortMessage)) return refused(`${what} returned data of another shape`);
  return failed(`${what} failed: ${error.shortMessage}`);
}

/** "connection refused", "host not found"…, from the cause under fetch's "fetch failed". */
function networkCause(error: Error): string {
  let cause: unknown = error;
  const codes: string[] = [];
  for (let i = 0; i < 6 && cause instanceof Error; i++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    cause = (cause as { cause?: unknown }).cause;
  }
  const code = codes.at(-1);
  const plain: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host lookup failed',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_SOCKET: 'connection closed',
  };
  return code ? plain[code] ?? code : 'the request failed';
}

/** Runs at most `n` of the given tasks at once. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finished task hands its slot straight to the next waiting one.
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
