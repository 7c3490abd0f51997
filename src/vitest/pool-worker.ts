/**
 * The vitest pool assay runs tests in: vitest's own threads worker (its `workers/threads.js`
 * entry), started through the custom-pool API of vitest 4 and 5 (`pool: { name,
 * createPoolWorker }`) so the thread gets a heap limit and can outlive its run:
 * - Mutated code that allocates without bound ends its own thread with ERR_WORKER_OUT_OF_MEMORY —
 *   which vitest reports as a failed run — instead of growing until the machine runs out of memory.
 * - Where the session allows it (warm-threads.ts), a thread whose run ended is parked rather than
 *   ended, and the next run's pool worker takes it. vitest's pool speaks to a worker in messages:
 *   `start` (set up the environment), then `run` requests, then `stop` (tear down). For a parked
 *   thread the pool worker answers `start` with `started` itself — the thread was set up the same
 *   way, which the thread key guarantees — and answers `stop` with `stopped`, parking the thread
 *   instead of tearing it down. A forced stop (a cancelled run) or a thread that is still running
 *   tests, has exited, passed its heap limit, grew much (warm-threads.ts) or was retired by a
 *   discard while in use is ended, never parked.
 */
import { resolve } from 'node:path';
import { trace } from '../trace.js';
import { EventEmitter } from 'node:events';
import type { PoolOptions, PoolWorker } from 'vitest/node';
import { TestThread, type WarmThreads } from './warm-threads.js';

export const ASSAY_POOL = 'assay-threads';

/** What `pool` in a vitest config takes: a name and a factory of workers. */
export interface AssayPool {
  name: string;
  createPoolWorker: (options: PoolOptions) => PoolWorker;
}

/** `onOutOfMemory` is called, with the mutant active in it, when a test thread is ended for passing `memoryLimitMb`. */
export function assayPool(memoryLimitMb: number, warm: WarmThreads, onOutOfMemory: (active: number) => void): AssayPool {
  return { name: ASSAY_POOL, createPoolWorker: (options) => new AssayThreadWorker(options, { memoryLimitMb, warm, onOutOfMemory }) };
}

interface VitestMessage {
  type?: string;
  __vitest_worker_request__?: boolean;
  context?: unknown;
}

class AssayThreadWorker implements PoolWorker {
  readonly name = ASSAY_POOL;
  private thread: TestThread | undefined;
  /** vitest's listeners: the thread's events reach them through here, whichever thread serves. */
  private readonly events = new EventEmitter();
  /** vitest asked to stop and was answered here: `stop()` parks the thread. */
  private parking = false;

  constructor(
    private readonly options: PoolOptions,
    private readonly limits: { memoryLimitMb: number; warm: WarmThreads; onOutOfMemory: (active: number) => void },
  ) {}

  /** The thread is chosen when vitest sends `start`, whose context says how it must be set up. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    if (thread !== undefined) await this.limits.warm.release(thread, this.parking);
  }

  on(event: string, callback: (arg: unknown) => void): void {
    this.events.on(event, callback);
  }

  off(event: string, callback: (arg: unknown) => void): void {
    this.events.off(event, callback);
  }

  send(message: VitestMessage): void {
    if (message.__vitest_worker_request__ === true && message.type === 'start') return this.bind(message);
    const thread = this.running();
    if (message.__vitest_worker_request__ === true && message.type === 'stop' && this.limits.warm.enabled && thread.reusable) {
      this.parking = true;
      setImmediate(() => this.events.emit('message', { type: 'stopped', __vitest_worker_response__: true }));
      return;
    }
    if (message.__vitest_worker_request__ === true && (message.type === 'run' || message.type === 'collect')) thread.busy = true;
    thread.send(message);
  }

  deserialize(data: unknown): unknown {
    return data;
  }

  /** Takes a parked thread set up as `start` asks, or starts one. */
  private bind(start: VitestMessage): void {
    const key = JSON.stringify([start.context, this.options.env, this.options.execArgv]);
    const { thread, warm } = this.limits.warm.acquire(key, () =>
      new TestThread(key, {
        filename: resolve(this.options.distPath, 'workers/threads.js'),
        env: this.options.env,
        execArgv: this.options.execArgv,
        memoryLimitMb: this.limits.memoryLimitMb,
        onOutOfMemory: this.limits.onOutOfMemory,
      }),
    );
    trace(warm ? 'test thread: a warm one' : 'test thread: started');
    this.thread = thread;
    thread.attach((event, arg) => this.forward(event, arg));
    if (warm) setImmediate(() => this.events.emit('message', { type: 'started', __vitest_worker_response__: true }));
    else thread.send(start);
  }

  /**
   * vitest learns of a thread ended for memory from its 'error' event; the 'exit' that follows
   * would be reported a second time, as an error event with no listener left, which ends the
   * whole process. So that exit is not passed on.
   */
  private forward(event: 'message' | 'error' | 'exit', arg: unknown): void {
    if (event === 'exit' && this.thread?.outOfMemory) return;
    // An 'error' with no listener would end the process: vitest has stopped listening to this worker.
    if (event === 'error' && this.events.listenerCount('error') === 0) return;
    this.events.emit(event, arg);
  }

  private running(): TestThread {
    if (this.thread === undefined) throw new Error('assay: the test thread is not running');
    return this.thread;
  }
}
