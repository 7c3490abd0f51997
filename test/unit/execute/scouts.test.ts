import { describe, expect, it } from 'vitest';
import { scouting } from '../../../src/execute/scouts.js';
import type { MutantRun } from '../../../src/plan/index.js';
import { run } from './runs.js';

/** A static mutant of `fileName` whose run lists the given test files. */
const staticRun = (id: number, fileName: string, files: string[]): MutantRun => ({ ...run(id, fileName, Object.fromEntries(files.map((file) => [file, [`${file}#1`]]))), static: true });
const idOf = (each: MutantRun) => each.mutant.id;
const ids = (runs: readonly MutantRun[]) => runs.map((each) => each.mutant.id);

describe('scouting', () => {
  it('sends one static mutant of several test files per module first; the module\'s others wait for its verdict (or for it to be left out)', () => {
    const runs = [staticRun(1, 'src/a.ts', ['x', 'y']), staticRun(2, 'src/a.ts', ['x', 'y']), staticRun(3, 'src/b.ts', ['x', 'y']), staticRun(4, 'src/a.ts', ['x', 'y'])];
    const scouts = scouting(runs);
    expect(ids(scouts.scouts)).toEqual([1, 3]);
    expect(scouts.free).toEqual([]);
    expect(ids(scouts.release(idOf(runs[2])))).toEqual([]);
    expect(ids(scouts.release(idOf(runs[0])))).toEqual([2, 4]);
    expect(ids(scouts.release(idOf(runs[0])))).toEqual([]);
  });

  it('runs at once the mutants that need no probe: static ones of one test file, and any that is not static', () => {
    const runs = [staticRun(1, 'src/a.ts', ['x']), run(2, 'src/a.ts', { x: ['x#1'], y: ['y#1'] }), staticRun(3, 'src/a.ts', ['x', 'y'])];
    const scouts = scouting(runs);
    expect(ids(scouts.scouts)).toEqual([3]);
    expect(ids(scouts.free)).toEqual([1, 2]);
    expect(ids(scouts.release(idOf(runs[1])))).toEqual([]);
  });
});
