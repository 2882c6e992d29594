// @ts-check
/** Finds processes a test run left behind: any whose command line or environment mentions the run's temp directory. */
import { readdirSync, readFileSync } from 'node:fs';
import { waitFor } from './wait.mjs';

/** @param {string} marker @returns {{ pid: number, command: string }[]} */
export function processesMentioning(marker) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      let environ = '';
      try {
        environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      } catch {
        // Not ours to read: it is not one of ours either.
      }
      if (command.includes(marker) || environ.includes(marker)) found.push({ pid, command });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/**
 * Waits for every process mentioning `marker` to end; kills stragglers and reports them.
 * @param {string} marker
 * @returns {Promise<string[]>} the command lines of processes that had to be killed
 */
export async function reapLeftovers(marker) {
  try {
    await waitFor(() => processesMentioning(marker).length === 0, { what: 'the test processes to end', timeoutMs: 10_000, intervalMs: 200 });
    return [];
  } catch {
    const left = processesMentioning(marker);
    for (const { pid } of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    return left.map((p) => `${p.pid} ${p.command.slice(0, 200)}`);
  }
}
