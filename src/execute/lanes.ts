/**
 * Lanes over a shared queue whose work can make more work: a batch that could not settle a mutant
 * puts that mutant's own run back at the front. A lane that finds no work it may take waits while
 * any other lane is still at work, since what that lane is running may yet add work for it; the
 * lanes end together, once the queue is empty and none is at work, or as soon as `stopped()` says
 * so. (A lane that simply ended on an empty queue left every later split-out to one worker.)
 *
 * Work that mostly waits (`waits`) has a lane of its own beside the `count` worker lanes, so that
 * the waiting overlaps the other lanes' work instead of holding a worker lane. It is `reserved`
 * for that lane (a run that confirms a timeout sits out the project's test timeout, seconds of an
 * idle thread): a worker lane takes the first work that is not, and reserved work only when nothing
 * else is left and the waiting lane is busy. Or it is `shared` (a batch of tests on real timers,
 * long enough that it must start early): worker lanes take it in its turn too, and the waiting
 * lane takes only such work.
 *
 * Work may have to wait before it is taken (`ready`, e.g. until the type check has passed its
 * mutants): a lane takes the first work that is ready, and waits while none is; `onChange` tells
 * when more may be.
 */
export interface Lanes<W> {
  /** Puts work at the front of the queue, in order: what a run left over goes next. */
  putFirst(...work: W[]): void;
}

export interface LaneOptions<W> {
  stopped?: () => boolean;
  /** Work for the waiting lane, and whether worker lanes leave it to that lane; without it there is no waiting lane, and the worker lanes take everything. */
  waits?: (item: W) => 'reserved' | 'shared' | undefined;
  /**
   * Called once a worker lane has waited `idleMs` on an empty queue while another lane works (at
   * most once per wait; not when it gets work or the lanes end first).
   */
  onIdle?: () => void;
  idleMs?: number;
  /** Whether work may be taken now; without it, all may. */
  ready?: (item: W) => boolean;
  /** Gets the call that wakes the lanes waiting for work to become ready. */
  onChange?: (wake: () => void) => void;
}

/**
 * Runs `work` until the queue is drained, on `count` worker lanes (0 … count-1) and, with
 * `options.waits`, the waiting lane (numbered `count`, or 1 when `count` is 0); rejects with the first lane's error.
 */
export async function runLanes<W>(
  queue: W[],
  count: number,
  work: (item: W, lanes: Lanes<W>, lane: number) => Promise<void>,
  { stopped = () => false, waits, onIdle = () => undefined, idleMs = 0, ready = () => true, onChange }: LaneOptions<W> = {},
): Promise<void> {
  const workers = Math.max(1, count);
  let working = 0;
  let failed = false;
  let waiting: Array<() => void> = [];
  const wakeAll = () => {
    const wake = waiting;
    waiting = [];
    for (const resolve of wake) resolve();
  };
  onChange?.(wakeAll);
  const lanes: Lanes<W> = {
    putFirst(...items) {
      queue.unshift(...items);
      wakeAll();
    },
  };
  let waitingLaneBusy = false;
  const indexFor = (lane: number): number => {
    if (waits === undefined) return queue.findIndex(ready);
    if (lane === workers) return queue.findIndex((item) => waits(item) !== undefined && ready(item));
    const own = queue.findIndex((item) => waits(item) !== 'reserved' && ready(item));
    return own === -1 && waitingLaneBusy ? queue.findIndex(ready) : own;
  };
  const take = async (lane: number): Promise<W | undefined> => {
    let idle: ReturnType<typeof setTimeout> | undefined;
    try {
      for (;;) {
        if (failed || stopped()) return undefined;
        const index = indexFor(lane);
        // Counted as at work from the moment it is taken: a lane that looks between the taking and
        // the start must not see every lane idle and end, nor the waiting lane idle.
        if (index !== -1) {
          working++;
          const item = queue.splice(index, 1)[0];
          if (lane === workers) {
            waitingLaneBusy = true;
            // Worker lanes waiting beside waiting work may now help with it.
            if (queue.length > 0) wakeAll();
          }
          return item;
        }
        if (working === 0 && queue.length === 0) return undefined;
        if (lane < workers && queue.length === 0) idle ??= setTimeout(onIdle, idleMs);
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    } finally {
      clearTimeout(idle);
    }
  };
  const run = async (lane: number) => {
    for (let item = await take(lane); item !== undefined; item = await take(lane)) {
      try {
        await work(item, lanes, lane);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        working--;
        if (lane === workers) waitingLaneBusy = false;
        wakeAll();
      }
    }
  };
  await Promise.all(Array.from({ length: workers + (waits === undefined ? 0 : 1) }, (_, lane) => run(lane)));
}
