import { describe, expect, it } from 'vitest';
import { formStaticGroups, probeOf, staticGroupVerdicts } from '../../../src/execute/static-groups.js';
import type { FileOutcome } from '../../../src/vitest/session.js';
import { outcome, run, test } from './runs.js';

/** A static mutant's run: whole test files (no test ids), as the plan makes them. */
function staticRun(id: number, files: string[], expectedMs: number) {
  const base = run(id, 'src/config.ts', {});
  return { ...base, static: true, expectedMs, selection: files.map((moduleId) => ({ project: '', moduleId })), plannedTests: files.length };
}

const file = (moduleId: string, fields: Partial<FileOutcome> = {}): FileOutcome => ({
  project: '',
  moduleId,
  errors: [],
  staticCoverage: [],
  hits: [],
  timedOut: false,
  leaked: [],
  ...fields,
});

describe('formStaticGroups', () => {
  it('puts mutants together only when their test files do not overlap, longest first', () => {
    const groups = formStaticGroups(
      [staticRun(1, ['/t/a.ts'], 5), staticRun(2, ['/t/a.ts', '/t/b.ts'], 9), staticRun(3, ['/t/c.ts'], 1), staticRun(4, ['/t/b.ts'], 2)],
      10,
    );
    expect(groups.map((group) => group.runs.map((r) => r.mutant.id))).toEqual([[2, 3], [1, 4]]);
    expect(groups[0].task).toEqual({
      kind: 'static',
      activeByFile: { '/t/a.ts': 2, '/t/b.ts': 2, '/t/c.ts': 3 },
      hitLimits: { 2: 1002, 3: 1003 },
      selection: [{ project: '', moduleId: '/t/a.ts' }, { project: '', moduleId: '/t/b.ts' }, { project: '', moduleId: '/t/c.ts' }],
      bail: false,
    });
    expect(groups[0].expectedMs).toBe(10);
    // Alone in its group, a mutant stops at its first failure.
    expect(formStaticGroups([staticRun(1, ['/t/a.ts'], 5)], 10)[0].task.bail).toBe(true);
  });

  it('keeps groups to maxSize mutants', () => {
    const runs = [1, 2, 3, 4, 5].map((id) => staticRun(id, [`/t/${id}.ts`], 1));
    expect(formStaticGroups(runs, 2).map((group) => group.runs.length)).toEqual([2, 2, 1]);
  });
});

describe('staticGroupVerdicts', () => {
  const runs = [staticRun(1, ['/t/a.ts'], 1), staticRun(2, ['/t/b.ts'], 1)];
  const tests = [
    test('a1', [], { moduleId: '/t/a.ts', state: 'failed', errors: ['AssertionError: changed'] }),
    test('b1', [], { moduleId: '/t/b.ts' }),
  ];

  it('reads each mutant from its own files, as if it had run alone', () => {
    const verdicts = staticGroupVerdicts(runs, outcome(tests, { files: [file('/t/a.ts'), file('/t/b.ts')] }));
    expect(verdicts.get(1)).toEqual({ status: 'Killed', statusReason: 'AssertionError: changed', killedBy: ['a1'], testsCompleted: 1 });
    expect(verdicts.get(2)).toEqual({ status: 'Survived', killedBy: [], testsCompleted: 1 });
  });

  it('leaves a mutant whose file found global state changed on arrival to a run of its own', () => {
    const verdicts = staticGroupVerdicts(runs, outcome(tests, { files: [file('/t/a.ts'), file('/t/b.ts', { leaked: ['greeting'] })] }));
    expect([...verdicts.keys()]).toEqual([1]);
  });

  it('settles nothing when the run had errors outside any file, or a file never ran', () => {
    expect(staticGroupVerdicts(runs, outcome(tests, { files: [file('/t/a.ts'), file('/t/b.ts')], unhandledErrors: ['Error: late'] })).size).toBe(0);
    expect([...staticGroupVerdicts(runs, outcome(tests, { files: [file('/t/a.ts')] })).keys()]).toEqual([1]);
  });

  it('kills a mutant whose failure came before bail ended the run, though a later file never ran', () => {
    const both = [staticRun(1, ['/t/a.ts', '/t/b.ts'], 1)];
    const bailed = outcome([tests[0]], { files: [file('/t/a.ts')] });
    expect(staticGroupVerdicts(both, bailed).get(1)).toMatchObject({ status: 'Killed', killedBy: ['a1'] });
    const passedInPart = outcome([tests[1]], { files: [file('/t/b.ts')] });
    expect(staticGroupVerdicts(both, passedInPart).size).toBe(0);
  });

  it('scores a file that fails to load with the mutant active as Killed, and gives a test timeout as an unproven Timeout (for a run of its own to confirm)', () => {
    const loadError = outcome([test('b1', [], { moduleId: '/t/b.ts', state: 'failed', errors: ['Error: Test timed out in 5000ms.'] })], {
      files: [file('/t/a.ts', { errors: ['TypeError: x is not a function'] }), file('/t/b.ts')],
    });
    const verdicts = staticGroupVerdicts(runs, loadError);
    expect(verdicts.get(1)).toMatchObject({ status: 'Killed', statusReason: 'TypeError: x is not a function' });
    expect(verdicts.get(2)).toMatchObject({ status: 'Timeout', statusReason: 'Error: Test timed out in 5000ms.' });
  });
});

describe('probeOf', () => {
  it('probes a mutant of several files with the one that killed most so far, else its first; none for one file', () => {
    const both = staticRun(1, ['/t/a.ts', '/t/b.ts'], 1);
    expect(probeOf(staticRun(1, ['/t/a.ts'], 1), undefined)).toBeUndefined();
    const first = probeOf(both, undefined);
    expect(first?.task.selection).toEqual([{ project: '', moduleId: '/t/a.ts' }]);
    expect(first?.task.activeByFile).toEqual({ '/t/a.ts': 1 });
    expect(first?.probeOf).toBe(both);
    expect(probeOf(both, new Map([['\u0000/t/b.ts', 2]]))?.task.selection).toEqual([{ project: '', moduleId: '/t/b.ts' }]);
  });
});
