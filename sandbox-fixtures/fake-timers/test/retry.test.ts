import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { retry } from '../src/retry';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

it('retries with a doubling wait until the task succeeds', async () => {
  const startedAt: number[] = [];
  const task = vi.fn(async () => {
    startedAt.push(Date.now());
    if (startedAt.length < 3) throw new Error('busy');
    return 'ok';
  });
  const result = retry(task, 5, 100);
  await vi.runAllTimersAsync();
  await expect(result).resolves.toBe('ok');
  expect(startedAt.map((t) => t - startedAt[0])).toEqual([0, 100, 300]);
});

it('gives up after the last attempt with the last error', async () => {
  const task = vi.fn(async () => {
    throw new Error(`failure ${task.mock.calls.length}`);
  });
  const result = retry(task, 3, 10);
  const settled = expect(result).rejects.toThrow('failure 3');
  await vi.runAllTimersAsync();
  await settled;
  expect(task).toHaveBeenCalledTimes(3);
});
