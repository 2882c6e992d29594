/** Runs one step of an end-to-end check, naming it in the error when it fails. @template T @param {string} name @param {() => Promise<T>} run @returns {Promise<T>} */
export async function step(name, run) {
  try {
    return await run();
  } catch (error) {
    throw new Error(`step "${name}": ${error instanceof Error ? error.message : String(error)}`);
  }
}
