// @ts-check
/** Waiting on conditions (never on fixed sleeps), with a clear message when the condition never holds. */

/**
 * Polls `probe` until it returns a truthy value, and returns that value.
 * @template T
 * @param {() => T | Promise<T>} probe
 * @param {{ what: string, timeoutMs?: number, intervalMs?: number }} options
 * @returns {Promise<NonNullable<T>>}
 */
export async function waitFor(probe, { what, timeoutMs = 60_000, intervalMs = 250 }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return /** @type {NonNullable<T>} */ (value);
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Runs `step`, printing its name and how long it took.
 * @template T
 * @param {string} name
 * @param {() => Promise<T>} step
 * @returns {Promise<T>}
 */
export async function timed(name, step) {
  const start = Date.now();
  process.stdout.write(`[vscode] ${name}…\n`);
  const result = await step();
  process.stdout.write(`[vscode] ${name}: done in ${((Date.now() - start) / 1000).toFixed(1)} s\n`);
  return result;
}
