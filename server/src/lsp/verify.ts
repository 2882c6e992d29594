import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import type { RunVerify, VerifyProblem, VerifyResult } from '../verify/api';

/**
 * "Chokepoint: Verify Addresses On Chain" on the language server: runs `chokepoint verify` on the
 * workspace folders with the RPC URLs of the `chokepoint.rpc` setting, then lints the open
 * documents again with the lock it wrote. The implementation (server/src/verify, the only code that
 * talks to the network) is loaded here, when asked, never by the engine or the lint thread.
 */

export const VERIFY_REQUEST = 'chokepoint.server.verify';
export const VERIFY_PROGRESS = 'chokepoint/verifyProgress';

export interface VerifyParams {
  /** Files and folders to verify: each is verified on its own, so each workspace folder gets its own lock. */
  paths: string[];
  /** The `chokepoint.rpc` setting: an RPC URL by chain id (`"1"`), and `"*"` for any chain. */
  rpc: unknown;
  /** Echoed in each progress notification, so that a client can tell runs apart. */
  progressId?: string;
}

export interface VerifyProgressParams {
  progressId?: string;
  done: number;
  total: number;
  what: string;
}

export interface VerifiedRun {
  path: string;
  lockFile: string;
  /** False when the implementation wrote no lock (nothing could be read). */
  written: boolean;
  /** Namespaced ids of the chains the lock records. */
  chains: string[];
  /** Addresses the lock records, over all its chains. */
  addresses: number;
  /** What could not be read, already free of any RPC URL's path or query. */
  problems: VerifyProblem[];
}

export interface VerifyReply {
  runs: VerifiedRun[];
}

export type LoadVerify = () => Promise<RunVerify>;

const HOW_TO_SET = 'give an RPC URL for each chain id, e.g. "chokepoint.rpc": { "1": "https://…" }, and "*" for any chain';

/** `chokepoint.rpc` as `VerifyOptions.rpc` (`evm:1`, `*`); throws a message naming the bad entry, never its URL. */
export function rpcOption(setting: unknown): Record<string, string> {
  if (!setting || typeof setting !== 'object' || Array.isArray(setting) || Object.keys(setting).length === 0) {
    throw new Error(`chokepoint.rpc is not set: ${HOW_TO_SET}.`);
  }
  const rpc: Record<string, string> = {};
  for (const [key, url] of Object.entries(setting)) {
    const chain = key === '*' ? '*' : /^\d+$/.test(key) ? `evm:${key}` : /^evm:\d+$/.test(key) ? key : undefined;
    if (!chain) throw new Error(`chokepoint.rpc: "${key}" is not a chain id; ${HOW_TO_SET}.`);
    if (typeof url !== 'string' || !isRpcUrl(url)) throw new Error(`chokepoint.rpc: the value for "${key}" is not an http(s) or ws(s) URL.`);
    rpc[chain] = url;
  }
  return rpc;
}

function isRpcUrl(text: string): boolean {
  try {
    return ['http:', 'https:', 'ws:', 'wss:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** The host of each URL: all that is ever logged of them, since a path or query may hold a key. */
export function rpcHosts(rpc: Record<string, string>): string[] {
  return [...new Set(Object.values(rpc).map((url) => new URL(url).host))].sort();
}

/** `text` with every RPC URL reduced to its host, and any trace of its path, query or credentials removed. */
export function withoutSecrets(text: string, rpc: Record<string, string>): string {
  let out = text;
  for (const url of Object.values(rpc)) {
    const parsed = new URL(url);
    out = out.split(url).join(parsed.host).split(parsed.href).join(parsed.host);
    const secrets = [`${parsed.pathname}${parsed.search}`, parsed.search, parsed.pathname, parsed.username, parsed.password].filter((s) => s.length > 1);
    for (const secret of secrets) out = out.split(secret).join('…');
  }
  return out;
}

/** The implementation, loaded on the first verify; a build without it says so instead of failing obscurely. */
export async function loadVerify(load: () => Promise<{ runVerify?: unknown }> = () => import('../verify/index')): Promise<RunVerify> {
  let loaded: { runVerify?: unknown };
  try {
    loaded = await load();
  } catch (error) {
    throw new Error(`Verifying addresses on chain is not available in this build of Chokepoint: its implementation (dist/verify.mjs) could not be loaded (${(error as Error).message}).`);
  }
  if (typeof loaded.runVerify !== 'function') throw new Error('Verifying addresses on chain is not available in this build of Chokepoint: dist/verify.mjs does not provide runVerify.');
  return loaded.runVerify as RunVerify;
}

function summarize(path: string, result: VerifyResult, rpc: Record<string, string>): VerifiedRun {
  const chains = Object.keys(result.lock.chains).sort();
  return {
    path,
    lockFile: result.lockFile,
    // The contract's first version had no `written`: a lock was then always written.
    written: (result as VerifyResult & { written?: boolean }).written !== false,
    chains,
    addresses: chains.reduce((n, id) => n + Object.keys(result.lock.chains[id].addresses).length, 0),
    problems: result.problems.map((p) => ({ ...p, message: withoutSecrets(p.message, rpc) })),
  };
}

interface VerifyDeps {
  connection: Connection;
  load: LoadVerify;
  /** Drops cached configs (and the locks they hold) and lints the open documents again. */
  relint: () => void;
  log: (message: string) => void;
}

/** The `chokepoint.server.verify` request: cancelling it aborts the running verify through its AbortSignal. */
export function verifyHandler({ connection, load, relint, log }: VerifyDeps) {
  return async (params: VerifyParams, token: CancellationToken): Promise<VerifyReply> => {
    const paths = Array.isArray(params?.paths) ? params.paths.filter((p): p is string => typeof p === 'string' && p.length > 0) : [];
    if (paths.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, 'Nothing to verify: open a folder or a configuration file.');
    let rpc: Record<string, string>;
    try {
      rpc = rpcOption(params.rpc);
    } catch (error) {
      throw new ResponseError(ErrorCodes.InvalidParams, (error as Error).message);
    }
    let runVerify: RunVerify;
    try {
      runVerify = await load();
    } catch (error) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, (error as Error).message);
    }
    const controller = new AbortController();
    const cancelled = token.onCancellationRequested(() => controller.abort());
    const runs: VerifiedRun[] = [];
    log(`Verifying addresses on chain in ${paths.join(', ')} through ${rpcHosts(rpc).join(', ')}.`);
    try {
      for (const path of paths) {
        if (controller.signal.aborted) break;
        const onProgress = (done: number, total: number, what: string) =>
          void connection.sendNotification(VERIFY_PROGRESS, { progressId: params.progressId, done, total, what: withoutSecrets(what, rpc) } satisfies VerifyProgressParams);
        const result = await runVerify({ paths: [path], rpc, signal: controller.signal, onProgress });
        runs.push(summarize(path, result, rpc));
      }
    } catch (error) {
      if (controller.signal.aborted) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Verifying addresses on chain was cancelled.');
      const message = withoutSecrets((error as Error).message ?? String(error), rpc);
      log(`Verifying addresses on chain failed: ${message}`);
      throw new ResponseError(LSPErrorCodes.RequestFailed, message);
    } finally {
      cancelled.dispose();
      // A run may have written its lock before a later one failed or was cancelled.
      relint();
    }
    if (controller.signal.aborted) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Verifying addresses on chain was cancelled.');
    for (const run of runs) log(`${run.written ? `Wrote ${run.lockFile}` : `Wrote no lock for ${run.path}`}: ${run.addresses} addresses on ${run.chains.join(', ') || 'no chain'}, ${run.problems.length} could not be read.`);
    return { runs };
  };
}
