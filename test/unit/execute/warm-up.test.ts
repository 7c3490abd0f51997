/**
 * warmUp queues, on a stand-in pool, one warm-up per pool thread with the first related test file
 * of each vitest project, and nothing when no test file is related.
 */
import { describe, expect, it } from 'vitest';
import type { Piscina } from 'piscina';
import { warmUp } from '../../../src/execute/warm-up.js';
import type { WorkerMessage } from '../../../src/execute/task.js';

function pool(threads: number) {
  const tasks: WorkerMessage[] = [];
  const fake = { options: { maxThreads: threads }, run: async (task: WorkerMessage) => void tasks.push(task) };
  return { pool: fake as unknown as Piscina, tasks };
}

describe('warmUp', () => {
  it('runs the first test file of each project once per pool thread', () => {
    const { pool: two, tasks } = pool(2);
    warmUp(two, [
      { project: 'unit', moduleId: '/p/a.test.ts' },
      { project: 'unit', moduleId: '/p/b.test.ts' },
      { project: 'props', moduleId: '/p/c.test.ts' },
    ]);
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toEqual({
      kind: 'warm-up',
      selection: [
        { project: 'unit', moduleId: '/p/a.test.ts' },
        { project: 'props', moduleId: '/p/c.test.ts' },
      ],
      stepLimit: Number.POSITIVE_INFINITY,
      lines: {},
    });
    expect(tasks[1]).toEqual(tasks[0]);
  });

  it('queues nothing without a related test file', () => {
    const { pool: two, tasks } = pool(2);
    warmUp(two, []);
    expect(tasks).toEqual([]);
  });
});
