/**
 * Lanes over a shared queue whose work can make more work: a batch that could not settle a mutant
 * puts that mutant's own run back at the front. A lane that finds the queue empty waits while any
 * other lane is still at work, since what that lane is running may yet add work for it; the lanes
 * end together, once the queue is empty and none is at work, or as soon as `stopped()` says so.
 * (A lane that simply ended on an empty queue left every later split-out to one worker.)
 */
export interface Lanes<W> {
  /** Puts work at the front of the queue, in order: what a run left over goes next. */
  putFirst(...work: W[]): void;
}

/** Runs `work` on `count` lanes until the queue is drained; rejects with the first lane's error. */
export async function runLanes<W>(
  queue: W[],
  count: number,
  work: (item: W, lanes: Lanes<W>) => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<void> {
  let working = 0;
  let failed = false;
  let waiting: Array<() => void> = [];
  const wakeAll = () => {
    const wake = waiting;
    waiting = [];
    for (const resolve of wake) resolve();
  };
  const lanes: Lanes<W> = {
    putFirst(...items) {
      queue.unshift(...items);
      wakeAll();
    },
  };
  const take = async (): Promise<W | undefined> => {
    for (;;) {
      if (failed || stopped()) return undefined;
      const item = queue.shift();
      if (item !== undefined) return item;
      if (working === 0) return undefined;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const lane = async () => {
    for (let item = await take(); item !== undefined; item = await take()) {
      working++;
      try {
        await work(item, lanes);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        working--;
        wakeAll();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, count) }, lane));
}
