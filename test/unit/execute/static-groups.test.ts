import { describe, expect, it } from 'vitest';
import { failedMutants, fileRounds, formStaticGroups, probes, staticGroupOf, staticGroupVerdicts, withoutDecided } from '../../../src/execute/static-groups.js';
import { fileOutcome, outcome, run, test } from './runs.js';

/** A static mutant's run: whole test files (no test ids), as the plan makes them. */
function staticRun(id: number, files: string[], expectedMs: number) {
  const base = run(id, 'src/config.ts', {});
  return { ...base, static: true, expectedMs, selection: files.map((moduleId) => ({ project: '', moduleId })), plannedTests: files.length };
}

const file = fileOutcome;

const key = (moduleId: string) => `\u0000${moduleId}`;

describe('formStaticGroups', () => {
  it('groups mutants longest first; a group lists a test file once per mutant that runs it', () => {
    const runs = [staticRun(1, ['/t/a.ts'], 5), staticRun(2, ['/t/a.ts', '/t/b.ts'], 9), staticRun(3, ['/t/c.ts'], 1), staticRun(4, ['/t/b.ts'], 2)];
    const ids = (groups: { runs: { mutant: { id: number } }[] }[]) => groups.map((group) => group.runs.map((r) => r.mutant.id));
    // Five listings for one worker: four to a group at least.
    expect(ids(formStaticGroups(runs, { maxSize: 500, workers: 1 }))).toEqual([[2, 1, 4], [3]]);
    expect(ids(formStaticGroups(runs, { maxSize: 2, workers: 1 }))).toEqual([[2, 1], [4, 3]]);
    const together = staticGroupOf([staticRun(2, ['/t/a.ts', '/t/b.ts'], 9), staticRun(1, ['/t/a.ts'], 5)]);
    expect(together.task).toEqual({
      kind: 'static',
      activeByFile: { [key('/t/a.ts')]: [2, 1], [key('/t/b.ts')]: [2] },
      hitLimits: { 1: 1001, 2: 1002 },
      selection: [{ project: '', moduleId: '/t/a.ts' }, { project: '', moduleId: '/t/b.ts' }, { project: '', moduleId: '/t/a.ts' }],
      bail: false,
    });
    expect([together.expectedMs, together.repeats]).toEqual([14, 2]);
    // Alone in its group, a mutant ends the run at its first failure.
    expect(formStaticGroups([staticRun(1, ['/t/a.ts'], 5)], { maxSize: 500, workers: 1 })[0].task.bail).toBe(true);
  });

  it('shares the listings about evenly among four groups per worker; a run of many files makes a group of its own', () => {
    const runs = Array.from({ length: 40 }, (_, index) => staticRun(index + 1, ['/t/a.ts'], 1));
    expect(formStaticGroups(runs, { maxSize: 500, workers: 2 }).map((group) => group.runs.length)).toEqual(Array(8).fill(5));
    const wide = staticRun(41, Array.from({ length: 30 }, (_, index) => `/t/${index}.ts`), 50);
    expect(formStaticGroups([...runs.slice(0, 6), wide], { maxSize: 500, workers: 2 }).map((group) => group.runs.length)).toEqual([1, 5, 1]);
    // Probed first, the wide run lists one file: it joins the others.
    const probedFirst = (run: { selection: unknown[] }) => (run.selection.length > 1 ? 1 : run.selection.length);
    expect(formStaticGroups([...runs.slice(0, 6), wide], { maxSize: 500, workers: 2 }, probedFirst).map((group) => group.runs.length)).toEqual([4, 3]);
  });
});

describe('fileRounds', () => {
  it('runs the k-th listing of each file in round k, for a vitest that cannot tell the runs of a file apart', () => {
    const group = staticGroupOf([staticRun(1, ['/t/a.ts', '/t/b.ts'], 2), staticRun(2, ['/t/a.ts'], 1)]);
    expect(fileRounds(group.task)).toEqual([
      { selection: [{ project: '', moduleId: '/t/a.ts' }, { project: '', moduleId: '/t/b.ts' }], activeByFile: { [key('/t/a.ts')]: [1], [key('/t/b.ts')]: [1] } },
      { selection: [{ project: '', moduleId: '/t/a.ts' }], activeByFile: { [key('/t/a.ts')]: [2] } },
    ]);
  });
});

describe('the later parts of a group, with bail', () => {
  it('leave out the mutants an earlier part saw fail: a failed test or a file that failed to load', () => {
    const seen = outcome(
      [
        test('a1', [], { moduleId: '/t/a.ts', state: 'failed', errors: ['AssertionError: changed'], active: 1 }),
        test('a2', [], { moduleId: '/t/a.ts', active: 2 }),
      ],
      { files: [file('/t/a.ts', { active: 1 }), file('/t/a.ts', { active: 2 }), file('/t/b.ts', { active: 3, errors: ['Error: cannot load'] })] },
    );
    expect([...failedMutants(seen)].sort()).toEqual([1, 3]);
  });

  it("drop a decided mutant's listings and keep each file's remaining listings with their own mutants", () => {
    const group = staticGroupOf([staticRun(1, ['/t/a.ts', '/t/b.ts'], 2), staticRun(2, ['/t/a.ts'], 1), staticRun(3, ['/t/a.ts', '/t/b.ts'], 1)]);
    const part = { selection: group.task.selection, activeByFile: group.task.activeByFile };
    expect(withoutDecided(part, new Set([1]))).toEqual({
      selection: [{ project: '', moduleId: '/t/a.ts' }, { project: '', moduleId: '/t/a.ts' }, { project: '', moduleId: '/t/b.ts' }],
      activeByFile: { [key('/t/a.ts')]: [2, 3], [key('/t/b.ts')]: [3] },
    });
    expect(withoutDecided(part, new Set([1, 2, 3]))).toEqual({ selection: [], activeByFile: {} });
    expect(withoutDecided(part, new Set())).toBe(part);
  });
});

describe('staticGroupVerdicts', () => {
  const runs = [staticRun(1, ['/t/a.ts'], 1), staticRun(2, ['/t/b.ts'], 1)];
  const tests = [
    test('a1', [], { moduleId: '/t/a.ts', state: 'failed', errors: ['AssertionError: changed'], active: 1 }),
    test('b1', [], { moduleId: '/t/b.ts', active: 2 }),
  ];

  it('reads each mutant from its own files, as if it had run alone', () => {
    const verdicts = staticGroupVerdicts(runs, outcome(tests, { files: [file('/t/a.ts', { active: 1 }), file('/t/b.ts', { active: 2 })] }));
    expect(verdicts.get(1)).toEqual({ status: 'Killed', statusReason: 'AssertionError: changed', killedBy: ['a1'], testsCompleted: 1 });
    expect(verdicts.get(2)).toEqual({ status: 'Survived', killedBy: [], testsCompleted: 1 });
  });

  it('reads the runs of one test file apart by the mutant active in each, and nothing from a run whose mutant is unknown', () => {
    const same = [staticRun(1, ['/t/a.ts'], 1), staticRun(2, ['/t/a.ts'], 1), staticRun(3, ['/t/a.ts'], 1)];
    const runsOfA = outcome(
      [
        test('a1', [], { moduleId: '/t/a.ts', active: 1 }),
        test('a1', [], { moduleId: '/t/a.ts', state: 'failed', errors: ['AssertionError: changed'], active: 2 }),
        test('a1', [], { moduleId: '/t/a.ts' }),
      ],
      { files: [file('/t/a.ts', { active: 1 }), file('/t/a.ts', { active: 2 }), file('/t/a.ts')] },
    );
    const verdicts = staticGroupVerdicts(same, runsOfA);
    expect(verdicts.get(1)).toMatchObject({ status: 'Survived', testsCompleted: 1 });
    expect(verdicts.get(2)).toMatchObject({ status: 'Killed', killedBy: ['a1'] });
    expect(verdicts.has(3)).toBe(false);
  });

  it('leaves a mutant whose file found global state changed on arrival to a run of its own', () => {
    const verdicts = staticGroupVerdicts(runs, outcome(tests, { files: [file('/t/a.ts', { active: 1 }), file('/t/b.ts', { leaked: ['greeting'], active: 2 })] }));
    expect([...verdicts.keys()]).toEqual([1]);
  });

  it('settles nothing when the run had errors outside any file, or a file never ran', () => {
    expect(staticGroupVerdicts(runs, outcome(tests, { files: [file('/t/a.ts', { active: 1 }), file('/t/b.ts', { active: 2 })], unhandledErrors: ['Error: late'] })).size).toBe(0);
    expect([...staticGroupVerdicts(runs, outcome(tests, { files: [file('/t/a.ts', { active: 1 })] })).keys()]).toEqual([1]);
  });

  it('kills a mutant whose failure came before bail ended the run, though a later file never ran', () => {
    const both = [staticRun(1, ['/t/a.ts', '/t/b.ts'], 1)];
    const bailed = outcome([tests[0]], { files: [file('/t/a.ts', { active: 1 })] });
    expect(staticGroupVerdicts(both, bailed).get(1)).toMatchObject({ status: 'Killed', killedBy: ['a1'] });
    const passedInPart = outcome([{ ...tests[1], active: 1 }], { files: [file('/t/b.ts', { active: 1 })] });
    expect(staticGroupVerdicts(both, passedInPart).size).toBe(0);
  });

  it('scores a file that fails to load with the mutant active as Killed, and gives a test timeout as an unproven Timeout (for a run of its own to confirm)', () => {
    const loadError = outcome([test('b1', [], { moduleId: '/t/b.ts', state: 'failed', errors: ['Error: Test timed out in 5000ms.'], active: 2 })], {
      files: [file('/t/a.ts', { errors: ['TypeError: x is not a function'], active: 1 }), file('/t/b.ts', { active: 2 })],
    });
    const verdicts = staticGroupVerdicts(runs, loadError);
    expect(verdicts.get(1)).toMatchObject({ status: 'Killed', statusReason: 'TypeError: x is not a function' });
    expect(verdicts.get(2)).toMatchObject({ status: 'Timeout', statusReason: 'Error: Test timed out in 5000ms.' });
  });
});

describe('probes', () => {
  const both = staticRun(1, ['/t/a.ts', '/t/b.ts'], 1);
  const single = staticRun(2, ['/t/a.ts'], 1);

  it('probes each mutant of several files in the file that killed most so far, else its first; runs a mutant of one file whole', () => {
    const group = staticGroupOf([both, single]);
    const first = probes(group, new Map(), new Map());
    expect(first?.task.selection).toEqual([{ project: '', moduleId: '/t/a.ts' }, { project: '', moduleId: '/t/a.ts' }]);
    expect(first?.task.activeByFile).toEqual({ [key('/t/a.ts')]: [1, 2] });
    expect([...(first?.probeOf ?? [])]).toEqual([[1, both]]);
    const learned = probes(group, new Map([['src/config.ts', new Map([[key('/t/b.ts'), 2]])]]), new Map());
    expect(learned?.task.selection).toEqual([{ project: '', moduleId: '/t/b.ts' }, { project: '', moduleId: '/t/a.ts' }]);
  });

  it('after a probe missed, probes again only in a file that has killed since; else the mutant runs whole', () => {
    const three = staticRun(3, ['/t/a.ts', '/t/b.ts', '/t/c.ts'], 1);
    const missedInA = new Map([[3, new Set([key('/t/a.ts')])]]);
    expect(probes(staticGroupOf([three]), new Map(), missedInA)).toBeUndefined();
    const killedInA = new Map([['src/config.ts', new Map([[key('/t/a.ts'), 3]])]]);
    expect(probes(staticGroupOf([three]), killedInA, missedInA)).toBeUndefined();
    const killedInC = new Map([['src/config.ts', new Map([[key('/t/a.ts'), 3], [key('/t/c.ts'), 1]])]]);
    expect(probes(staticGroupOf([three]), killedInC, missedInA)?.task.selection).toEqual([{ project: '', moduleId: '/t/c.ts' }]);
  });

  it('does not probe a group without a mutant of several files, nor a confirming run', () => {
    expect(probes(staticGroupOf([single]), new Map(), new Map())).toBeUndefined();
    expect(probes({ ...staticGroupOf([both]), confirming: true }, new Map(), new Map())).toBeUndefined();
  });
});
