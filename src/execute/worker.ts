/**
 * A pool worker (piscina worker thread). It starts one vitest session when the thread starts —
 * instrumented modules served from memory, no mutant active, the batch runner installed — and
 * then runs one task at a time: a single mutant (a fresh test thread per file, as vitest
 * isolates), a batch of mutants, or a group of static mutants, in one vitest run each.
 * When a task is aborted (wall-clock timeout) piscina terminates the thread, vitest's own test
 * threads with it, and a fresh worker takes its place.
 */
import { workerData } from 'node:worker_threads';
import { VitestSession, type RunOutcome, type SessionOptions } from '../vitest/session.js';
import type { BatchUnsupported, WorkerTask } from './task.js';

const session = await VitestSession.start({ ...(workerData as SessionOptions), batch: true });

export default async function runTask(task: WorkerTask): Promise<RunOutcome | BatchUnsupported> {
  switch (task.kind) {
    case 'single':
      return session.run({ mode: 'mutant', active: task.mutantId, hitLimit: task.hitLimit }, task.selection, { threads: 'per-file' });
    case 'static': {
      const { activeByFile, hitLimits } = task;
      // No bail: a failure in one mutant's files must not stop the others' files.
      return session.run({ mode: 'mutant', active: -1, hitLimit: 0, activeByFile, hitLimits }, task.selection, { threads: 'shared', noBail: true });
    }
    case 'batch': {
      if (!session.batchCapable) return { batchUnsupported: true };
      const { plan, hitLimits, expected } = task;
      return session.run({ mode: 'batch', active: -1, hitLimit: 0, plan, hitLimits, expected }, task.selection, { threads: task.threads });
    }
  }
}
