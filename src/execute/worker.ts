/**
 * A pool worker (piscina worker thread). It starts one vitest session when the thread starts —
 * instrumented modules served from memory, no mutant active, the batch runner installed — and
 * then runs one task at a time: a single mutant (a fresh test thread per file, as vitest
 * isolates), a batch of mutants, a group of static mutants, or a warm-up, in one vitest run each.
 * When a task is aborted (wall-clock timeout) piscina terminates the thread, vitest's own test
 * threads with it, and a fresh worker takes its place.
 */
import { workerData } from 'node:worker_threads';
import { VitestSession, type RunOutcome, type SessionOptions } from '../vitest/session.js';
import type { BatchUnsupported, WorkerMessage } from './task.js';
import { NO_MUTANT } from '../vitest/settings.js';

// A session that fails to start (e.g. the vitest config throws) fails each task, not the thread: an
// error while the thread starts would end the whole process, before the dry run reports the same problem.
const starting = VitestSession.start({ ...(workerData as SessionOptions), batch: true });
starting.catch(() => undefined);

export default async function runTask(task: WorkerMessage): Promise<RunOutcome | BatchUnsupported> {
  const session = await starting;
  session.learnLines(task.lines);
  switch (task.kind) {
    case 'single':
      return session.run({ mode: 'mutant', active: task.mutantId, hitLimit: task.hitLimit, stepLimit: task.stepLimit }, task.selection, { threads: 'per-file' });
    case 'static': {
      const { activeByFile, hitLimits, stepLimit } = task;
      // No bail for several mutants: a failure in one mutant's files must not stop the others' files.
      return session.run({ mode: 'mutant', active: -1, hitLimit: 0, activeByFile, hitLimits, stepLimit }, task.selection, { threads: 'shared', noBail: !task.bail });
    }
    case 'warm-up':
      return session.run({ mode: 'mutant', active: NO_MUTANT, hitLimit: Number.POSITIVE_INFINITY }, task.selection, { threads: 'shared' });
    case 'batch': {
      if (!session.batchCapable) return { batchUnsupported: true };
      const { plan, hitLimits, expected, stepLimit } = task;
      return session.run({ mode: 'batch', active: -1, hitLimit: 0, plan, hitLimits, expected, stepLimit }, task.selection, { threads: task.threads });
    }
  }
}
