/**
 * stopOnSignals (src/cli/signals.ts): the first signal aborts the run, a second one exits at
 * once, and in a child that bin/assay.js started, the same signal twice within a moment (a Ctrl-C
 * that reaches it from the terminal and again from its parent) is one signal.
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stopOnSignals, type SignalStop } from '../../../src/cli/signals.js';

let stop: SignalStop | undefined;
let exit: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
});

afterEach(() => {
  stop?.dispose();
  vi.useRealTimers();
  exit.mockRestore();
});

describe('stopOnSignals', () => {
  it('in a child that receives each signal twice, counts the same signal twice within a moment as one', () => {
    stop = stopOnSignals(new PassThrough(), true);
    process.emit('SIGINT', 'SIGINT');
    vi.advanceTimersByTime(5);
    process.emit('SIGINT', 'SIGINT');
    expect(stop.signal.aborted).toBe(true);
    expect(stop.received()).toBe('SIGINT');
    expect(exit).not.toHaveBeenCalled();
  });

  it('otherwise exits at once on a second signal, however soon', () => {
    stop = stopOnSignals(new PassThrough(), false);
    process.emit('SIGINT', 'SIGINT');
    vi.advanceTimersByTime(5);
    process.emit('SIGINT', 'SIGINT');
    expect(exit).toHaveBeenCalledWith(130);
  });

  it('exits at once on the same signal a while later, with 128 + its number', () => {
    stop = stopOnSignals(new PassThrough(), true);
    process.emit('SIGINT', 'SIGINT');
    vi.advanceTimersByTime(1_000);
    process.emit('SIGINT', 'SIGINT');
    expect(exit).toHaveBeenCalledWith(130);
  });

  it('exits at once on another signal, however soon', () => {
    stop = stopOnSignals(new PassThrough(), true);
    process.emit('SIGINT', 'SIGINT');
    process.emit('SIGTERM', 'SIGTERM');
    expect(exit).toHaveBeenCalledWith(130);
  });
});
