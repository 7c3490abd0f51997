/**
 * Test threads that outlive a vitest run. vitest ends its test threads when a run ends, so every
 * run paid a thread start: Node's worker start-up, vitest's worker runtime, the test environment
 * (jsdom alone is hundreds of milliseconds) and every dependency the tests import from
 * node_modules (which Node's module cache keeps per thread: one import per thread, not per file).
 * A thread parked here when its run ends is taken by the next run whose thread would be started
 * the same way — same vitest project config, environment, `env` and `execArgv` (`ThreadKey`) —
 * and skips all of that. Modules under test are still fresh for every test file: assay runs
 * vitest with `isolate` on inside the threads, which resets the module graph before each file.
 * A parked thread keeps its globals, as a thread vitest shares between files does; the setup
 * file's fingerprint of global state (global-state.ts) tells a file that finds them changed, and
 * the session discards the parked threads after such a run (`discard`), as after a run in which
 * vitest timed a test out (the test's body may go on running in its thread), after a batch in
 * which a file failed to load or an error escaped (a world the fingerprint does not see), and
 * after a run vitest gave up on when a thread died of memory (its other threads too). A thread
 * whose heap has grown much is ended rather than parked (RETIRE_ABOVE_MB): its memory goes with it.
 */
import { Worker } from 'node:worker_threads';
import { ACTIVE_MUTANT, FIRST_HEAP_MB, HEAP_MB, NO_MUTANT, THREAD_STATE_KEY, THREAD_STATE_SLOTS } from './settings.js';

/** The young generation of each test thread and pool worker, in MB (see TestThread). */
export const YOUNG_GENERATION_MB = 8;

/**
 * A thread whose V8 heap has grown past RETIRE_ABOVE_MB, and by more than RETIRE_GROWTH_MB since
 * its first test file ended, is ended when its run ends rather than parked. V8 keeps the pages of
 * a heap once grown, and a thread holds as much again outside its heap: on a 2,000-mutant library,
 * ending one thread whose heap had grown to 185 MB took 370 MB off the process. A thread of plain
 * Node tests is at about 30 MB after its first file, and most stay under 64 MB for the whole run;
 * the growth term keeps a thread whose environment alone is larger (jsdom) warm.
 */
export const RETIRE_ABOVE_MB = 64;
export const RETIRE_GROWTH_MB = 32;

/** What must be equal for a thread to serve another run: JSON of how vitest would start it. */
export type ThreadKey = string;

/** Receives a thread's events while a pool worker owns it. */
export type ThreadListener = (event: 'message' | 'error' | 'exit', arg: unknown) => void;

/** A vitest test thread with a heap limit, handed from one pool worker to the next. */
export class TestThread {
  /** Set when the thread was ended for passing its heap limit. */
  outOfMemory = false;
  /** Set when the thread must serve no later run (WarmThreads.discard while it was in use). */
  retired = false;
  exited = false;
  /** A run or collect request was sent and its `testfileFinished` answer has not come back. */
  busy = false;
  private listener: ThreadListener | undefined;
  readonly worker: Worker;
  /**
   * What the thread writes from inside (thread-state.ts): the mutant active, as its runtime last
   * switched (read when the thread dies of memory, which leaves nothing else to tell which of a
   * batch's mutants it ran), and its heap's size, now and after its first file (RETIRE_ABOVE_MB).
   */
  private readonly state = new Int32Array(new SharedArrayBuffer(THREAD_STATE_SLOTS * Int32Array.BYTES_PER_ELEMENT));

  constructor(
    readonly key: ThreadKey,
    options: { filename: string; env: Partial<NodeJS.ProcessEnv>; execArgv: string[]; memoryLimitMb: number; onOutOfMemory: (active: number) => void },
  ) {
    this.state[ACTIVE_MUTANT] = NO_MUTANT;
    this.worker = new Worker(options.filename, {
      env: options.env,
      execArgv: options.execArgv,
      workerData: { [THREAD_STATE_KEY]: this.state.buffer },
      // A young generation of 8 MB rather than V8's default (up to 3 × 16 MB): a thread that
      // allocates much keeps its default young space grown, and a run holds several threads
      // (about 100 MB less at peak on a suite of three vitest projects, no slower measured).
      resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      // Taken and dropped: what tests write to stdout/stderr directly must not reach the terminal.
      stdout: true,
      stderr: true,
    });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.worker.on('message', (message: { type?: string; __vitest_worker_response__?: boolean }) => {
      if (message?.__vitest_worker_response__ === true && message.type === 'testfileFinished') this.busy = false;
      this.listener?.('message', message);
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.outOfMemory = true;
        options.onOutOfMemory(Atomics.load(this.state, ACTIVE_MUTANT));
      }
      this.listener?.('error', error);
    });
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.listener?.('exit', code);
    });
  }

  /** Events go to `listener` from now on (undefined: dropped, while the thread is parked). */
  attach(listener: ThreadListener | undefined): void {
    this.listener = listener;
  }

  send(message: unknown): void {
    this.worker.postMessage(message);
  }

  /** Alive, idle, not ended for memory, not retired and not grown too large (RETIRE_ABOVE_MB): fit to serve another run. */
  get reusable(): boolean {
    return !this.exited && !this.outOfMemory && !this.retired && !this.busy && !this.grown;
  }

  private get grown(): boolean {
    const heap = Atomics.load(this.state, HEAP_MB);
    return heap > RETIRE_ABOVE_MB && heap > Atomics.load(this.state, FIRST_HEAP_MB) + RETIRE_GROWTH_MB;
  }

  async terminate(): Promise<void> {
    this.attach(undefined);
    await this.worker.terminate();
  }
}

/** The parked threads of one vitest session, and whether its current run may use them. */
export class WarmThreads {
  private readonly parked: TestThread[] = [];
  /** Threads a pool worker holds: vitest stops them after its run has resolved, not before. */
  private readonly inUse = new Set<TestThread>();
  private readonly waiting: Array<() => void> = [];
  /** Runs whose test files share threads use warm threads; a run that gives each file a fresh thread does not. */
  enabled = false;

  /** A parked thread started like `key`, if the current run may reuse threads; else a new one from `start`. */
  acquire(key: ThreadKey, start: () => TestThread): { thread: TestThread; warm: boolean } {
    const index = this.enabled ? this.parked.findIndex((thread) => thread.key === key && thread.reusable) : -1;
    const thread = index === -1 ? start() : this.parked.splice(index, 1)[0];
    this.inUse.add(thread);
    return { thread, warm: index !== -1 };
  }

  /** Parks `thread` for a later run when `keep` and the current run may reuse threads; ends it otherwise. */
  async release(thread: TestThread, keep: boolean): Promise<void> {
    thread.attach(undefined);
    if (keep && this.enabled && thread.reusable) this.parked.push(thread);
    else await thread.terminate();
    this.inUse.delete(thread);
    if (this.inUse.size === 0) this.waiting.splice(0).forEach((resume) => resume());
  }

  /** Resolves once every thread of the run that just ended has been parked or ended. */
  async settled(): Promise<void> {
    if (this.inUse.size > 0) await new Promise<void>((resume) => this.waiting.push(resume));
  }

  /**
   * Ends every parked thread: their globals may have been changed by the run that used them last.
   * Threads still in use (a run vitest gave up on) are ended when released rather than parked.
   */
  async discard(): Promise<void> {
    for (const thread of this.inUse) thread.retired = true;
    await Promise.all(this.parked.splice(0).map((thread) => thread.terminate()));
  }
}
