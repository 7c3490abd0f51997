import { describe, expect, it } from 'vitest';
import { runLanes } from '../../../src/execute/lanes.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runLanes', () => {
  it('gives work that a lane adds late to an idle lane, rather than leaving it to the lane that added it', async () => {
    // Lane A takes the long item; lane B finishes the short one at once and must wait, not end:
    // the long item then adds two items, which the two lanes take one each.
    // How many items were running (this one included) when each started.
    const ranOn: Record<string, number> = {};
    const active = new Set<string>();
    await runLanes(['long', 'short'], 2, async (item, lanes) => {
      active.add(item);
      ranOn[item] = active.size;
      if (item === 'long') {
        await tick(20);
        lanes.putFirst('late-1', 'late-2');
      }
      if (item.startsWith('late')) await tick(20);
      active.delete(item);
    });
    // Both late items ran while the other was running: two lanes were at work.
    expect([ranOn['late-1'], ranOn['late-2']].sort()).toEqual([1, 2]);
  });

  it('ends when the queue is empty and no lane is at work, having run every item once', async () => {
    const seen: string[] = [];
    await runLanes(['a', 'b', 'c'], 2, async (item, lanes) => {
      seen.push(item);
      if (item === 'a') lanes.putFirst('a2');
      await tick(1);
    });
    expect(seen.sort()).toEqual(['a', 'a2', 'b', 'c']);
  });

  it('stops taking work once stopped() says so, and rejects with a lane error', async () => {
    const seen: string[] = [];
    let stop = false;
    await runLanes(['a', 'b', 'c', 'd'], 1, async (item) => {
      seen.push(item);
      if (item === 'b') stop = true;
    }, { stopped: () => stop });
    expect(seen).toEqual(['a', 'b']);
    await expect(runLanes(['x', 'y'], 2, async (item) => {
      if (item === 'x') throw new Error('lane failed');
      await tick(5);
    })).rejects.toThrow('lane failed');
  });

  it('calls onIdle each time a lane waits for work another lane may add, and not when the lanes end', async () => {
    // Lane B finishes 'short' while A runs 'long': B waits (one call, 'long' running). A then adds
    // 'late', which B takes; A, out of work while B has it, waits (a second call). Then both end,
    // with no call.
    const idle: string[] = [];
    const running = new Set<string>();
    await runLanes(['long', 'short'], 2, async (item, lanes) => {
      running.add(item);
      if (item === 'long') {
        await tick(20);
        lanes.putFirst('late');
      }
      if (item === 'late') await tick(20);
      running.delete(item);
    }, { onIdle: () => idle.push([...running].join()) });
    expect(idle).toHaveLength(2);
    expect(idle[0]).toBe('long');
  });

  it('gives waiting work to the waiting lane while worker lanes take the rest, and lets worker lanes help once only waiting work is left', async () => {
    // One worker lane and the waiting lane. The waiting lane (1) takes 'wait-1' at once although a
    // worker item is queued ahead of it; the worker lane (0) runs 'a' and 'b' meanwhile; when 'b' is
    // done only 'wait-2' is left and the waiting lane is busy, so the worker lane takes it.
    const ranOn: Record<string, number> = {};
    await runLanes(['a', 'wait-1', 'b', 'wait-2'], 1, async (item, _lanes, lane) => {
      ranOn[item] = lane;
      await tick(item === 'wait-1' ? 60 : 10);
    }, { waits: (item) => (item.startsWith('wait') ? 'reserved' : undefined) });
    expect(ranOn).toEqual({ a: 0, 'wait-1': 1, b: 0, 'wait-2': 0 });
  });

  it('lets worker lanes take shared waiting work in its turn, and the waiting lane only that', async () => {
    // One worker lane and the waiting lane: the worker lane takes 'wait-1' first, as it comes; the
    // waiting lane takes 'wait-2' beside it and never 'a'.
    const ranOn: Record<string, number> = {};
    await runLanes(['wait-1', 'wait-2', 'a'], 1, async (item, _lanes, lane) => {
      ranOn[item] = lane;
      await tick(item === 'a' ? 5 : 30);
    }, { waits: (item) => (item.startsWith('wait') ? 'shared' : undefined) });
    expect(ranOn).toEqual({ 'wait-1': 0, 'wait-2': 1, a: 0 });
  });

  it('has no waiting lane without `waits`: every item runs on a worker lane', async () => {
    const lanesUsed = new Set<number>();
    await runLanes(['a', 'wait-1', 'b'], 2, async (_item, _lanes, lane) => {
      lanesUsed.add(lane);
      await tick(5);
    });
    expect([...lanesUsed].sort()).toEqual([0, 1]);
  });

  it('has an idle worker lane help with waiting work as soon as the waiting lane is busy', async () => {
    const ranOn: Record<string, number> = {};
    await runLanes(['wait-1', 'wait-2', 'wait-3'], 1, async (item, _lanes, lane) => {
      ranOn[item] = lane;
      await tick(30);
    }, { waits: () => 'reserved' });
    // wait-2 starts beside wait-1, on the worker lane; wait-3 goes to whichever lane is free first.
    expect([ranOn['wait-1'], ranOn['wait-2']]).toEqual([1, 0]);
  });
  it('takes only ready work, first the first ready in the queue; waits while none is, until onChange wakes it', async () => {
    const ready = new Set(['b']);
    let wake = () => undefined as void;
    const order: string[] = [];
    const done = runLanes(['a', 'b', 'c'], 1, async (item) => void order.push(item), { ready: (item) => ready.has(item), onChange: (call) => (wake = call) });
    await tick(10);
    // Only 'b' was ready: it ran, and the lane waits for 'a' and 'c' rather than ending.
    expect(order).toEqual(['b']);
    ready.add('c');
    ready.add('a');
    wake();
    await done;
    expect(order).toEqual(['b', 'a', 'c']);
  });

  it('ends a lane that waits for work to become ready once stopped() says so and it is woken', async () => {
    let stop = false;
    let wake = () => undefined as void;
    const seen: string[] = [];
    const done = runLanes(['a'], 2, async (item) => void seen.push(item), { ready: () => false, onChange: (call) => (wake = call), stopped: () => stop });
    await tick(10);
    stop = true;
    wake();
    await done;
    expect(seen).toEqual([]);
  });
});
