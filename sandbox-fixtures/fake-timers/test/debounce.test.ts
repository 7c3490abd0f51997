import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { debounce } from '../src/debounce';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

it('calls once, with the last arguments, after the calls stop', () => {
  const save = vi.fn();
  const debounced = debounce(save, 100);
  debounced('a');
  vi.advanceTimersByTime(60);
  debounced('b');
  vi.advanceTimersByTime(99);
  expect(save).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(save).toHaveBeenCalledTimes(1);
  expect(save).toHaveBeenCalledWith('b');
});
