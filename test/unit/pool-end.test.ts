import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Piscina } from 'piscina';
import { endPool } from '../../src/pool-end.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('endPool', () => {
  it('returns once the pool has ended', async () => {
    let destroyed = false;
    await endPool({ destroy: async () => void (destroyed = true) } as unknown as Piscina);
    expect(destroyed).toBe(true);
  });

  it('stops waiting after ten seconds for a pool whose threads will not end', async () => {
    vi.useFakeTimers();
    let ended = false;
    const ending = endPool({ destroy: () => new Promise(() => undefined) } as unknown as Piscina).then(() => (ended = true));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(ended).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await ending;
    expect(ended).toBe(true);
  });
});
