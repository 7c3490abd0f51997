import { describe, expect, it } from 'vitest';
import { fileStepLimitsOf, planMutants, stepLimitOf } from '../../../src/plan/index.js';
import { dry, mutant, options } from './plans.js';

describe('planMutants', () => {
  it('selects a test file once per vitest project that runs it, fastest test first', () => {
    const plan = planMutants([mutant(1)], dry({
      unitSlow: { project: 'unit', moduleId: '/t/a.test.ts', ms: 9, reached: [1] },
      unitFast: { project: 'unit', moduleId: '/t/a.test.ts', ms: 1, reached: [1] },
      strict: { project: 'strict', moduleId: '/t/a.test.ts', ms: 5, reached: [1] },
    }), options);
    expect(plan.runs[0].selection).toEqual([
      { project: 'unit', moduleId: '/t/a.test.ts', testIds: ['unitFast', 'unitSlow'] },
      { project: 'strict', moduleId: '/t/a.test.ts', testIds: ['strict'] },
    ]);
    expect(plan.runs[0].plannedTests).toBe(3);
  });

  it('makes a mutant only flaky tests reach NoCoverage, saying so', () => {
    const plan = planMutants([mutant(1), mutant(2)], dry(
      { steady: { project: '', moduleId: '/t/a.test.ts', ms: 1, reached: [2] } },
      {
        flaky: [{ id: 'wobbly', name: 'greets', fileName: 'test/b.test.ts', reason: 'passed, then failed in a second run' }],
        flakyFile: { wobbly: { project: '', moduleId: '/t/b.test.ts' } },
        flakyCoverage: { wobbly: [1, 2] },
      },
    ), options);
    expect(plan.settled).toMatchObject([{ id: 1, status: 'NoCoverage', statusReason: 'reached only by flaky tests: test/b.test.ts > greets' }]);
    expect(plan.runs.map((run) => [run.mutant.id, run.selection])).toEqual([[2, [{ project: '', moduleId: '/t/a.test.ts', testIds: ['steady'] }]]]);
  });

  it('runs a static mutant in every test of its files but the flaky ones', () => {
    const plan = planMutants([mutant(1)], dry(
      { steady: { project: '', moduleId: '/t/a.test.ts', ms: 1, reached: [] } },
      {
        staticIn: { 1: [{ project: '', moduleId: '/t/a.test.ts' }] },
        flaky: [{ id: 'wobbly', name: 'w', fileName: 't/a.test.ts', reason: 'failed, then passed when run again' }],
        flakyFile: { wobbly: { project: '', moduleId: '/t/a.test.ts' } },
        flakyCoverage: { wobbly: [] },
      },
    ), options);
    expect(plan.runs[0].selection).toEqual([{ project: '', moduleId: '/t/a.test.ts', testIds: ['steady'] }]);
    expect(plan.runs[0].static).toBe(true);
  });

  it("orders a static mutant's files by how many of their tests reach its module's mutants, most first", () => {
    const a = { project: '', moduleId: '/t/a.test.ts' };
    const b = { project: '', moduleId: '/t/b.test.ts' };
    const c = { project: '', moduleId: '/t/c.test.ts' };
    const plan = planMutants([mutant(1), mutant(2)], dry(
      {
        a1: { ...a, ms: 1, reached: [] },
        b1: { ...b, ms: 1, reached: [2] },
        c1: { ...c, ms: 1, reached: [2] },
        c2: { ...c, ms: 1, reached: [2] },
      },
      { staticIn: { 1: [a, b, c] } },
    ), options);
    expect(plan.runs.find((run) => run.mutant.id === 1)?.selection).toEqual([c, b, a]);
  });
});

describe('stepLimitOf', () => {
  it('allows 100 times the mutated code the whole dry run reached, and at least 1,000,000', () => {
    expect(stepLimitOf({ hits: { 1: 40_000, 2: 5_000, 3: 1 } })).toBe(4_500_100);
    expect(stepLimitOf({ hits: { 1: 20 } })).toBe(1_000_000);
    expect(stepLimitOf({ hits: {} })).toBe(1_000_000);
  });
});

describe('fileStepLimitsOf', () => {
  it("allows each test file 100 times the mutated code it reached in the dry run, and at least 1,000,000", () => {
    expect(fileStepLimitsOf({ fileHits: { a: 45_001, b: 20, c: 0 } })).toEqual({ a: 4_500_100, b: 1_000_000, c: 1_000_000 });
  });
});
