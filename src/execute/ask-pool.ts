/**
 * A task that is not a mutant run (the dry run's runs, the coverage pass) sent to the execute
 * stage's pool: the worker answers a user's mistake it met (a config vitest rejects) as a
 * UserErrorAnswer, since an error thrown across the thread boundary loses its class; this turns
 * it back into the UserError the CLI prints as one line.
 */
import type { Piscina } from 'piscina';
import { UserError } from '../errors.js';
import type { UserErrorAnswer, WorkerMessage, WorkerTask } from './task.js';

export async function askPool<T>(pool: Piscina, task: WorkerTask, options: { lines?: Record<string, number>; signal?: AbortSignal } = {}): Promise<T> {
  const message: WorkerMessage = { ...task, stepLimit: Number.POSITIVE_INFINITY, lines: options.lines ?? {} };
  const answer = (await pool.run(message, options.signal === undefined ? {} : { signal: options.signal })) as T | UserErrorAnswer;
  if (answer !== null && typeof answer === 'object' && 'userError' in answer) throw new UserError(answer.userError, answer.exitCode);
  return answer as T;
}
