/**
 * The vitest pool assay runs tests in: vitest's own threads worker (its `workers/threads.js`
 * entry), started through the custom-pool API of vitest 4 and 5 (`pool: { name,
 * createPoolWorker }`) so the thread gets a heap limit. Mutated code that allocates without
 * bound then ends its own thread with ERR_WORKER_OUT_OF_MEMORY — which vitest reports as a
 * failed run — instead of growing until the machine runs out of memory.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PoolOptions, PoolWorker } from 'vitest/node';

export const ASSAY_POOL = 'assay-threads';

/** What `pool` in a vitest config takes: a name and a factory of workers. */
export interface AssayPool {
  name: string;
  createPoolWorker: (options: PoolOptions) => PoolWorker;
}

/** `onOutOfMemory` is called when a test thread is ended for passing `memoryLimitMb`. */
export function assayPool(memoryLimitMb: number, onOutOfMemory: () => void): AssayPool {
  return { name: ASSAY_POOL, createPoolWorker: (options) => new LimitedThreadWorker(options, memoryLimitMb, onOutOfMemory) };
}

class LimitedThreadWorker implements PoolWorker {
  readonly name = ASSAY_POOL;
  private thread: Worker | undefined;
  private outOfMemory = false;
  /** The wrapper registered in place of each of vitest's 'exit' listeners (see exitListener). */
  private readonly exitListeners = new Map<(arg: unknown) => void, (arg: unknown) => void>();

  constructor(
    private readonly options: PoolOptions,
    private readonly memoryLimitMb: number,
    private readonly onOutOfMemory: () => void,
  ) {}

  async start(): Promise<void> {
    this.thread ??= new Worker(resolve(this.options.distPath, 'workers/threads.js'), {
      env: this.options.env,
      execArgv: this.options.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb },
      // Taken and dropped: what tests write to stdout/stderr directly must not reach the terminal.
      stdout: true,
      stderr: true,
    });
    this.thread.stdout.resume();
    this.thread.stderr.resume();
    this.thread.on('error', (error: Error & { code?: string }) => {
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return;
      this.outOfMemory = true;
      this.onOutOfMemory();
    });
  }

  async stop(): Promise<void> {
    await this.thread?.terminate();
    this.thread = undefined;
  }

  on(event: string, callback: (arg: unknown) => void): void {
    this.running().on(event, event === 'exit' ? this.exitListener(callback) : callback);
  }

  off(event: string, callback: (arg: unknown) => void): void {
    this.running().off(event, event === 'exit' ? this.exitListener(callback) : callback);
  }

  /**
   * vitest learns of a thread ended for memory from its 'error' event; the 'exit' that follows
   * would be reported a second time, as an error event with no listener left, which ends the
   * whole process. So that exit is not passed on.
   */
  private exitListener(callback: (arg: unknown) => void): (arg: unknown) => void {
    let listener = this.exitListeners.get(callback);
    if (listener === undefined) {
      listener = (code) => {
        if (!this.outOfMemory) callback(code);
      };
      this.exitListeners.set(callback, listener);
    }
    return listener;
  }

  send(message: unknown): void {
    this.running().postMessage(message);
  }

  deserialize(data: unknown): unknown {
    return data;
  }

  private running(): Worker {
    if (this.thread === undefined) throw new Error('assay: the test thread is not running');
    return this.thread;
  }
}
