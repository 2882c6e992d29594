import { relative } from 'node:path';
import type { LockedChain } from '../engine/lock/schema';
import type { VerifyResult } from '../verify/api';
import { redact } from '../verify/redact';
import { ArgsError, type VerifyArgs } from './args';
import type { CommandIO } from './lint-command';

const PROGRESS_INTERVAL_MS = 100;

/**
 * Runs `chokepoint verify`. The verifier (and viem with it) is an entry of its own, dist/verify.mjs,
 * loaded only here, so `lint` never loads a network client. Exit 0 when the lock was written or
 * matches the chain, 1 when `--check` finds differences, 2 when nothing could be read or for usage
 * errors. Nothing printed holds more of an RPC URL than its host.
 */
export async function verifyCommand(args: VerifyArgs, io: CommandIO): Promise<number> {
  const hide = (text: string) => Object.values(args.rpc).reduce((out, url) => redact(out, url), text);
  const { runVerify } = await import('../verify/index');
  const progress = io.stderrIsTTY ? progressLine(io) : undefined;
  let result: VerifyResult;
  try {
    result = await runVerify({ paths: args.paths, rpc: args.rpc, lockFile: args.lock, check: args.check, maxDepth: args.depth, timeoutMs: args.timeoutMs, onProgress: progress?.update });
  } catch (error) {
    if ((error as Error).name === 'VerifyUsageError') throw new ArgsError(hide((error as Error).message));
    throw new Error(hide((error as Error).stack ?? String(error)));
  } finally {
    progress?.clear();
  }
  const lockPath = relative(io.cwd, result.lockFile) || result.lockFile;
  for (const problem of result.problems) io.stderr(`${hide(problem.message)}\n`);
  if (result.read === 0) {
    io.stderr(`Nothing could be read on chain, so ${lockPath} was ${args.check ? 'not checked' : 'not written'}.\n`);
    return 2;
  }
  const chains = Object.entries(result.lock.chains).map(([id, chain]) => `${id} at block ${chain.block.number} (${chain.rpcHost}): ${summary(chain)}`);
  if (!args.check) {
    io.stdout(`Wrote ${lockPath}:\n${chains.map((c) => `  ${c}\n`).join('')}`);
    return 0;
  }
  if (result.differences.length === 0) {
    io.stdout(`${lockPath} matches the chain:\n${chains.map((c) => `  ${c}\n`).join('')}`);
    return 0;
  }
  io.stdout(`${lockPath} no longer matches the chain (${result.differences.length} difference${result.differences.length === 1 ? '' : 's'}):\n${result.differences.map((d) => `  ${hide(d)}\n`).join('')}Run "chokepoint verify" to record the chain as it is now, and review the change.\n`);
  return 1;
}

/** "9 addresses (3 Safes, 1 timelock, 4 EOAs, 1 contract); rollup evm:10: 7 roles" */
function summary(chain: LockedChain): string {
  const kinds = new Map<string, number>();
  for (const fact of Object.values(chain.addresses)) kinds.set(fact.kind, (kinds.get(fact.kind) ?? 0) + 1);
  const names: Record<string, [string, string]> = {
    safe: ['Safe', 'Safes'],
    timelock: ['timelock', 'timelocks'],
    'upgrade-executor': ['UpgradeExecutor', 'UpgradeExecutors'],
    eoa: ['EOA', 'EOAs'],
    contract: ['other contract', 'other contracts'],
    error: ['unreadable', 'unreadable'],
  };
  const parts = Object.keys(names).filter((k) => kinds.has(k)).map((k) => `${kinds.get(k)} ${names[k][kinds.get(k) === 1 ? 0 : 1]}`);
  const total = Object.keys(chain.addresses).length;
  const rollups = Object.entries(chain.rollups ?? {}).map(([id, roles]) => `; rollup ${id}: ${Object.keys(roles).length} roles`);
  return `${total} address${total === 1 ? '' : 'es'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}${rollups.join('')}`;
}

/** "Verifying 12/40: 0x… on evm:1" on one line of stderr, rewritten in place and erased at the end. */
function progressLine(io: CommandIO): { update: (done: number, total: number, what: string) => void; clear: () => void } {
  let shown = false;
  let last = 0;
  return {
    update: (done, total, what) => {
      const now = Date.now();
      if (shown && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      shown = true;
      io.stderr(`\r\x1b[KVerifying ${done}/${total}: ${what}`);
    },
    clear: () => {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
    },
  };
}
