/**
 * Warm-up: while the dry run goes, every pool worker runs one related test file of each vitest
 * project with no mutant active. Its vitest session then has transformed what those tests load,
 * and its test threads have started, set up their environment and imported the tests'
 * dependencies, and are parked (src/vitest/warm-threads.ts): the first batches run in warm
 * threads instead of each paying a cold start (a second or more on real suites) after the dry
 * run. A warm-up's outcome is not used and its failure is ignored: the dry run is what judges the
 * suite.
 */
import type { Piscina } from 'piscina';
import type { TestFile } from '../vitest/session.js';
import type { WorkerMessage } from './task.js';

/** Queues a warm-up for each of the pool's threads, ahead of any mutant run. */
export function warmUp(pool: Piscina, testFiles: readonly TestFile[]): void {
  const firstOfEach = new Map<string, TestFile>();
  for (const file of testFiles) if (!firstOfEach.has(file.project)) firstOfEach.set(file.project, file);
  if (firstOfEach.size === 0) return;
  const task: WorkerMessage = { kind: 'warm-up', selection: [...firstOfEach.values()], stepLimit: Number.POSITIVE_INFINITY, lines: {} };
  for (let thread = 0; thread < pool.options.maxThreads; thread++) pool.run(task).catch(() => undefined);
}
