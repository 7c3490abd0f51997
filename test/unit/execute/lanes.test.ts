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
    }, () => stop);
    expect(seen).toEqual(['a', 'b']);
    await expect(runLanes(['x', 'y'], 2, async (item) => {
      if (item === 'x') throw new Error('lane failed');
      await tick(5);
    })).rejects.toThrow('lane failed');
  });
});
