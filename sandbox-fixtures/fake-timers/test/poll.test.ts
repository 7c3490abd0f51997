import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { pollUntil } from '../src/poll';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

it('stops polling once ready', () => {
  let checks = 0;
  const ready = () => ++checks === 3;
  const onReady = vi.fn();
  pollUntil(ready, 50, onReady);
  vi.advanceTimersByTime(149);
  expect(onReady).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(onReady).toHaveBeenCalledTimes(1);
  // Nothing is left to run: the interval was cleared.
  vi.runAllTimers();
  expect(checks).toBe(3);
  expect(vi.getTimerCount()).toBe(0);
});
