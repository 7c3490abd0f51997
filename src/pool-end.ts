/**
 * Ending a pool of worker threads on a path that ends the run (an error, an interruption): the
 * user's answer must not wait on a thread that will not end (one inside native code, a compiler
 * mid-check), so the wait is bounded; the CLI exits the process right after, which ends any
 * thread still there.
 */
import type { Piscina } from 'piscina';

/** How long an ending run waits for its pool's threads to end. */
const END_WAIT_MS = 10_000;

export function endPool(pool: Piscina): Promise<void> {
  return atMost(pool.destroy(), END_WAIT_MS);
}

/** Waits for `work` (its failure too) for at most `ms`. */
export async function atMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  await Promise.race([work.catch(() => undefined), waited]);
  clearTimeout(timer);
}
