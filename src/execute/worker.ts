/**
 * A pool worker (piscina worker thread). It starts one vitest session when the thread starts —
 * instrumented modules served from memory, no mutant active — and then runs one mutant per task.
 * When a task is aborted (wall-clock timeout) piscina terminates the thread, vitest's own test
 * threads with it, and a fresh worker takes its place.
 */
import { workerData } from 'node:worker_threads';
import { VitestSession, type RunOutcome, type SessionOptions } from '../vitest/session.js';
import type { WorkerTask } from './task.js';

const session = await VitestSession.start(workerData as SessionOptions);

export default async function runMutant(task: WorkerTask): Promise<RunOutcome> {
  return session.run({ mode: 'mutant', active: task.mutantId, hitLimit: task.hitLimit }, task.selection);
}
