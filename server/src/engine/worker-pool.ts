import { Worker } from 'node:worker_threads';

/** What a worker posts for each task: its index and the result. */
export interface PoolReply<R> {
  index: number;
  result: R;
}

export interface PoolOptions<T, R> {
  /** The worker entry (a bundled .js file): it answers each `{ index, task }` with `{ index, result }`. */
  script: string;
  /** Workers to start; never more than there are tasks. */
  size: number;
  tasks: T[];
  /** The order to hand tasks out in (indexes into `tasks`), e.g. largest first; defaults to as given. */
  order?: number[];
  signal?: AbortSignal;
  /** Called on this thread as each task's result arrives. */
  onResult?: (index: number, result: R) => void;
}

/**
 * Runs tasks on a pool of worker threads, each worker taking the next task as it finishes one,
 * and resolves with the results in the tasks' order. The workers are terminated at the end, on
 * the first failure, or when `signal` aborts (the promise then rejects with an AbortError).
 */
export function runPool<T, R>(options: PoolOptions<T, R>): Promise<R[]> {
  const { tasks } = options;
  const queue = [...(options.order ?? tasks.map((_, i) => i))];
  const results: R[] = new Array(tasks.length);
  const workers: Worker[] = [];
  let remaining = tasks.length;
  return new Promise<R[]>((resolvePool, rejectPool) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const worker of workers) void worker.terminate();
      if (error) rejectPool(error);
      else resolvePool(results);
    };
    const onAbort = () => {
      const error = new Error('The workspace lint was cancelled.');
      error.name = 'AbortError';
      finish(error);
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    if (tasks.length === 0) return finish();

    const next = (worker: Worker) => {
      const index = queue.shift();
      if (index !== undefined) worker.postMessage({ index, task: tasks[index] });
    };
    for (let i = 0; i < Math.max(1, Math.min(options.size, tasks.length)); i++) {
      const worker = new Worker(options.script);
      workers.push(worker);
      worker.on('message', ({ index, result }: PoolReply<R>) => {
        if (settled) return;
        results[index] = result;
        options.onResult?.(index, result);
        if (--remaining === 0) finish();
        else next(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (!settled) finish(new Error(`A lint worker exited with code ${code} before finishing.`));
      });
      next(worker);
    }
  });
}
