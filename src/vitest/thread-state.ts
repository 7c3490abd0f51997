/**
 * Inside a test thread: what the thread tells its owner (warm-threads.ts) through the shared Int32
 * slots it was started with (`workerData[THREAD_STATE_KEY]`): the mutant its runtime activated
 * last, read should the thread die of memory, and the size of its V8 heap, read as its run ends to
 * decide whether it may serve another. A thread vitest started itself has no slots: then nothing
 * is written.
 */
import { getHeapStatistics } from 'node:v8';
import { workerData } from 'node:worker_threads';
import { ACTIVE_MUTANT, FIRST_HEAP_MB, HEAP_MB, THREAD_STATE_KEY } from './settings.js';

const shared = (workerData as Record<string, unknown> | null)?.[THREAD_STATE_KEY];
const slots = shared instanceof SharedArrayBuffer ? new Int32Array(shared) : undefined;

export function recordActiveMutant(id: number): void {
  if (slots !== undefined) Atomics.store(slots, ACTIVE_MUTANT, id);
}

/** Records the heap's size now (MB): at a file's end, and when a run's files are done; the first time, as the thread's first size too. */
export function recordHeapSize(): void {
  if (slots === undefined) return;
  const mb = Math.round(getHeapStatistics().total_physical_size / 2 ** 20);
  Atomics.store(slots, HEAP_MB, mb);
  Atomics.compareExchange(slots, FIRST_HEAP_MB, 0, mb);
}
