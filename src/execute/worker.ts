/**
 * A pool worker (piscina worker thread). It starts one vitest session when the thread starts —
 * instrumented modules served from memory, no mutant active, the batch runner installed — and
 * then runs one task at a time: a single mutant, or a batch of mutants in one vitest run.
 * When a task is aborted (wall-clock timeout) piscina terminates the thread, vitest's own test
 * threads with it, and a fresh worker takes its place.
 */
import { workerData } from 'node:worker_threads';
import { VitestSession, type RunOutcome, type SessionOptions } from '../vitest/session.js';
import type { BatchUnsupported, WorkerTask } from './task.js';

const session = await VitestSession.start({ ...(workerData as SessionOptions), batch: true });

export default async function runTask(task: WorkerTask): Promise<RunOutcome | BatchUnsupported> {
  if (task.kind === 'single') {
    return session.run({ mode: 'mutant', active: task.mutantId, hitLimit: task.hitLimit }, task.selection);
  }
  if (!session.batchCapable) return { batchUnsupported: true };
  const { plan, hitLimits, expected } = task;
  return session.run({ mode: 'batch', active: -1, hitLimit: 0, plan, hitLimits, expected }, task.selection);
}
