/**
 * Cancellation of a lint that a newer version of its file has made pointless. The engine checks the
 * signal between stages (parse, each file's adapter, each rule, locating the findings) and stops
 * with `LintCancelled`, which is never reported as a finding.
 *
 * The flag lives in a SharedArrayBuffer so that another thread can raise it while the lint runs
 * synchronously: the language server's main thread cancels a lint running in its worker.
 */
export interface CancelSignal {
  readonly cancelled: boolean;
}

export class CancelFlag implements CancelSignal {
  private readonly cell: Int32Array;

  /** Pass the `buffer` of another thread's flag to share it. */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.cell = new Int32Array(buffer, 0, 1);
  }

  get cancelled(): boolean {
    return Atomics.load(this.cell, 0) !== 0;
  }

  cancel(): void {
    Atomics.store(this.cell, 0, 1);
  }
}

/** Thrown by a cancelled lint. Its result would have been superseded, so nothing of it is reported. */
export class LintCancelled extends Error {
  constructor() {
    super('The lint was cancelled: a newer version of the file superseded it.');
    this.name = 'LintCancelled';
  }
}

export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.cancelled) throw new LintCancelled();
}

export function isCancelled(error: unknown): error is LintCancelled {
  return error instanceof LintCancelled;
}
