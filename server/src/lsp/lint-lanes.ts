import { Worker } from 'node:worker_threads';
import type { MemberSource, WorkerEntries, WorkerLint, WorkerMessage, WorkerReply } from './worker-protocol';

/**
 * One lint thread (document-worker.ts) and what the main thread knows of it: the replies it awaits,
 * the version of each open document whose text it holds, and the files whose lints it is running.
 */
export class LintLane {
  private readonly pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  /** The version of each open document whose text this thread holds. */
  readonly sent = new Map<string, number>();
  /** The files whose lints were posted here and have not answered, with how many of each. */
  private readonly linting = new Map<string, number>();
  private nextId = 1;
  private stopped = false;

  private constructor(private readonly worker: Worker) {}

  /** `onStop` runs once if the thread fails or exits: the lane is then of no use and its waiters are rejected. */
  static start(script: string, onStop: (lane: LintLane) => void): LintLane {
    const worker = new Worker(script);
    // The server ends when its connection does, not when a worker is idle.
    worker.unref();
    const lane = new LintLane(worker);
    worker.on('message', (reply: WorkerReply) => {
      const waiter = lane.pending.get(reply.id);
      lane.pending.delete(reply.id);
      waiter?.resolve(reply);
    });
    const fail = (error: Error) => {
      if (lane.stopped) return;
      lane.stopped = true;
      for (const waiter of lane.pending.values()) waiter.reject(error);
      lane.pending.clear();
      onStop(lane);
    };
    worker.on('error', (error) => fail(new Error(`The lint worker failed: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`The lint worker stopped (exit code ${code}).`)));
    return lane;
  }

  /** True while it runs (or has queued) the lint of a file other than `path`. */
  busyWithOtherThan(path: string): boolean {
    for (const file of this.linting.keys()) if (file !== path) return true;
    return false;
  }

  get idle(): boolean {
    return this.linting.size === 0;
  }

  /** How many lints it has queued or running. */
  get load(): number {
    let n = 0;
    for (const count of this.linting.values()) n += count;
    return n;
  }

  /** Posts a lint; the texts it carries are the versions this thread will hold. */
  lint(message: Omit<WorkerLint, 'id'>, sources: MemberSource[]): Promise<WorkerReply> {
    const path = message.file.path;
    this.linting.set(path, (this.linting.get(path) ?? 0) + 1);
    const reply = this.post(message);
    for (const source of sources) if (source.text !== undefined && source.version !== undefined) this.sent.set(source.path, source.version);
    const done = () => {
      const left = (this.linting.get(path) ?? 1) - 1;
      if (left > 0) this.linting.set(path, left);
      else this.linting.delete(path);
    };
    reply.then(done, done);
    return reply;
  }

  entries(message: Omit<WorkerEntries, 'id'>): Promise<WorkerReply> {
    return this.post(message);
  }

  /** Drops the thread's copy of a document's text and what it kept of its lint. */
  forget(path: string): void {
    if (this.sent.delete(path) && !this.stopped) this.worker.postMessage({ type: 'forget', path } satisfies WorkerMessage);
  }

  terminate(): Promise<number> {
    this.stopped = true;
    return this.worker.terminate();
  }

  private post(message: Omit<WorkerLint, 'id'> | Omit<WorkerEntries, 'id'>): Promise<WorkerReply> {
    if (this.stopped) return Promise.reject(new Error('The lint worker stopped.'));
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id } as WorkerMessage);
    });
  }
}

/**
 * The lint threads of the language server. A document is linted on the thread that linted it last
 * (which holds its text and its previous parse), unless that thread is busy with another document:
 * then on an idle thread, started when needed (or ahead of time beside a long lint), up to `size`.
 * So one slow file (a 90 MB genesis, a pathological input) delays only documents that queue behind
 * it once every thread is busy.
 */
export class LintLanes {
  private readonly lanes: LintLane[] = [];
  private readonly home = new Map<string, LintLane>();

  constructor(private readonly script: string, private readonly size = 2) {}

  /** Starts the first thread ahead of the first lint. */
  warmUp(): void {
    if (this.lanes.length === 0) this.spawn();
  }

  /** The thread to lint `path` on, which becomes its home. */
  for(path: string): LintLane {
    const home = this.home.get(path);
    let lane = home && !home.busyWithOtherThan(path) ? home : this.lanes.find((l) => l.idle);
    if (!lane && this.lanes.length < this.size) lane = this.spawn();
    lane ??= home ?? this.lanes.reduce((a, b) => (b.load < a.load ? b : a));
    if (home && home !== lane) home.forget(path);
    this.home.set(path, lane);
    return lane;
  }

  /** If no thread is idle, starts one now (up to `size`), so that the next document does not wait for a thread to load. */
  spare(): void {
    if (this.lanes.length < this.size && !this.lanes.some((l) => l.idle)) this.spawn();
  }

  forget(path: string): void {
    for (const lane of this.lanes) lane.forget(path);
    this.home.delete(path);
  }

  async dispose(): Promise<void> {
    const lanes = this.lanes.splice(0);
    this.home.clear();
    await Promise.all(lanes.map((lane) => lane.terminate()));
  }

  private spawn(): LintLane {
    const lane = LintLane.start(this.script, (stopped) => {
      const at = this.lanes.indexOf(stopped);
      if (at >= 0) this.lanes.splice(at, 1);
      for (const [path, home] of this.home) if (home === stopped) this.home.delete(path);
    });
    this.lanes.push(lane);
    return lane;
  }
}
