import type { LockFile } from '../engine/lock/schema';

/**
 * The contract between `chokepoint verify` (server/src/verify/) and its callers: the CLI command
 * and the editor's "Chokepoint: Verify Addresses On Chain". Only this module's implementation talks
 * to the network, and only to the URLs it is given; `lint` never loads it.
 */

export interface VerifyOptions {
  /** Files and folders to verify, as `lint` takes them. */
  paths: string[];
  /** RPC URLs by namespaced chain id (`evm:1`), plus `*` for a URL given without a chain id (its chain is asked with eth_chainId). */
  rpc: Record<string, string>;
  /** Where to write the lock; default: beside the nearest .chokepoint.yaml, else in the common folder of `paths`. */
  lockFile?: string;
  /** Compare with the existing lock instead of writing it. */
  check?: boolean;
  /** Most levels of nested owners to follow (a Safe owned by a Safe...). */
  maxDepth?: number;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, what: string) => void;
}

export interface VerifyProblem {
  /** Namespaced chain id, and the address when the problem is about one. */
  chain: string;
  address?: string;
  /** One plain sentence: what failed and what the lock records instead. */
  message: string;
}

export interface VerifyResult {
  lockFile: string;
  lock: LockFile;
  /** Addresses that could not be read: recorded in the lock as `kind: error`, never a crash. */
  problems: VerifyProblem[];
  /** With `check`: what differs between the chain now and the lock, one sentence each; empty when they match. */
  differences: string[];
  /** Addresses and rollup roles read on chain this time; 0 when nothing could be read (the CLI then exits 2). */
  read: number;
  /** Whether the lock file was written (never with `check`, nor when nothing could be read). */
  written: boolean;
}

/** Implemented by server/src/verify/index.ts. */
export type RunVerify = (options: VerifyOptions) => Promise<VerifyResult>;
