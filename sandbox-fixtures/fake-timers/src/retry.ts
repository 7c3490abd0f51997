const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `task` up to `attempts` times, waiting `baseMs`, then twice as long, … between tries. */
export async function retry<T>(task: () => Promise<T>, attempts: number, baseMs: number): Promise<T> {
  let failures = 0;
  let wait = baseMs;
  for (;;) {
    try {
      return await task();
    } catch (error) {
      if (++failures >= attempts) throw error;
      await sleep(wait);
      wait *= 2;
    }
  }
}
