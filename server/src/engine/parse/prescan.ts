import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StructureIndex } from './structure-scan';

/**
 * Scans a large JSON file's structure on a worker thread while this thread reads and parses it
 * (see structure-scan.ts). The worker writes the index into shared memory; `take` waits for it
 * the first time a finding needs a position, so the engine stays synchronous.
 */
export interface Prescan {
  /** The index, waiting for the worker if needed; undefined if it failed or the file could not be read. */
  take(): StructureIndex | undefined;
}

/** Texts shorter than this (in characters) are located faster than a thread starts. */
export const PRESCAN_MIN_CHARS = 16 * 1024 * 1024;
/** Int32 slots for the index: the header, then (start, end) pairs, (array start, offset) pairs and line starts. */
const SLOTS = 1 << 22;
const HEADER = 8;
const PENDING = 0;
const DONE = 1;
const FAILED = 2;
/** A worker that has not finished by then is given up on; the locator scans for itself. */
const WAIT_MS = 60_000;

export interface PrescanRequest {
  path: string;
  shared: SharedArrayBuffer;
}

/** Starts the scan of `path` on `script` (dist/structure-worker.mjs); undefined if the script is missing. */
export function startPrescan(path: string, script = defaultScript()): Prescan | undefined {
  if (!script || !existsSync(script)) return undefined;
  const shared = new SharedArrayBuffer(SLOTS * 4);
  const slots = new Int32Array(shared);
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { path, shared } satisfies PrescanRequest });
  } catch {
    return undefined;
  }
  worker.unref();
  // A worker that dies (out of memory, a missing file) says so, so nothing waits on it.
  worker.on('error', () => fail(slots));
  worker.on('exit', () => fail(slots));
  let taken: StructureIndex | undefined | null = null;
  return {
    take() {
      if (taken === null) {
        Atomics.wait(slots, 0, PENDING, WAIT_MS);
        taken = Atomics.load(slots, 0) === DONE ? readIndex(slots) : undefined;
        void worker.terminate();
      }
      return taken;
    },
  };
}

function fail(slots: Int32Array): void {
  if (Atomics.compareExchange(slots, 0, PENDING, FAILED) === PENDING) Atomics.notify(slots, 0);
}

/** Writes the index for the waiting thread; too large an index is reported as a failure. */
export function writeIndex(shared: SharedArrayBuffer, index: StructureIndex | undefined): void {
  const slots = new Int32Array(shared);
  const checkpoints = index ? [...index.checkpoints].reduce((n, [, list]) => n + list.length, 0) : 0;
  if (!index || HEADER + 2 * index.ends.size + 2 * checkpoints + index.lineStarts.length > slots.length || index.length > 0x7fffffff) {
    fail(slots);
    return;
  }
  let at = HEADER;
  for (const [start, end] of index.ends) {
    slots[at++] = start;
    slots[at++] = end;
  }
  for (const [start, list] of index.checkpoints) {
    for (const offset of list) {
      slots[at++] = start;
      slots[at++] = offset;
    }
  }
  for (const start of index.lineStarts) slots[at++] = start;
  slots[1] = index.length;
  slots[2] = index.ends.size;
  slots[3] = index.every;
  slots[4] = checkpoints;
  slots[5] = index.lineStarts.length;
  slots[6] = index.lines;
  slots[7] = index.carriageReturns ? 1 : 0;
  Atomics.store(slots, 0, DONE);
  Atomics.notify(slots, 0);
}

function readIndex(slots: Int32Array): StructureIndex {
  const ends = new Map<number, number>();
  const checkpoints = new Map<number, number[]>();
  let at = HEADER;
  for (let i = 0; i < slots[2]; i++, at += 2) ends.set(slots[at], slots[at + 1]);
  // Checkpoints were written array by array, each array's in order.
  for (let i = 0; i < slots[4]; i++, at += 2) {
    let list = checkpoints.get(slots[at]);
    if (!list) checkpoints.set(slots[at], (list = []));
    list.push(slots[at + 1]);
  }
  const lineStarts = Array.from(slots.subarray(at, at + slots[5]));
  return { length: slots[1], every: slots[3], ends, checkpoints, lineStarts, lines: slots[6], carriageReturns: slots[7] === 1 };
}

/** structure-worker.mjs beside the running bundle (dist/); absent when the engine runs from source. */
function defaultScript(): string | undefined {
  return typeof __dirname === 'string' ? join(__dirname, 'structure-worker.mjs') : undefined;
}
