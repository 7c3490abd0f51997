import { describe, expect, it } from 'vitest';
import { Interrupted, untilAborted } from '../../src/interrupt.js';

describe('untilAborted', () => {
  it('rejects with Interrupted when the signal aborts, whatever the work does later', async () => {
    const stop = new AbortController();
    let fail: (error: Error) => void = () => undefined;
    const work = new Promise<number>((_, reject) => (fail = reject));
    const waiting = untilAborted(work, stop.signal);
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(Interrupted);
    fail(new Error('Terminating worker thread'));
  });

  it('leaves no unhandled rejection when the signal aborted before the wait began and the work fails after', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const stop = new AbortController();
      stop.abort();
      let fail: (error: Error) => void = () => undefined;
      const work = new Promise<number>((_, reject) => (fail = reject));
      await expect(untilAborted(work, stop.signal)).rejects.toBeInstanceOf(Interrupted);
      // The workers end: the work fails, with no one left to wait for it.
      fail(new Error('Terminating worker thread'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('gives the work as it is without a signal', async () => {
    await expect(untilAborted(Promise.resolve(7), undefined)).resolves.toBe(7);
  });
});
