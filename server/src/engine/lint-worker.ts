/**
 * Entry of dist/lint-worker.mjs: a worker thread of `lintPathsParallel` that lints one chain per
 * message and posts the reports back (see worker-pool.ts).
 */
import { parentPort } from 'node:worker_threads';
import { runChainTask, type ChainTask } from './workspace';

parentPort?.on('message', ({ index, task }: { index: number; task: ChainTask }) => {
  parentPort!.postMessage({ index, result: runChainTask(task) });
});
