/**
 * A batch repeat that pollutes Object.prototype (src/vitest/batch-runner.ts), through the built
 * session and the real vitest: under mutant 5 the first test merges a `__proto__` key into
 * Object.prototype and still passes; under mutant 6 the second test would fail only because of
 * it (it counts an object's keys with for…in). The canaries then fail, so neither test's records
 * are trusted: both mutants are left to runs of their own, never scored from the polluted thread.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryMode, sessionOn } from '../support/session.js';

const TESTS = `import { expect, it } from 'vitest';
const runtime = () => (globalThis as { __assay: { active: number; on(id: number): boolean } }).__assay;
// Each test passes the active mutant's code, as instrumented code would.
const active = () => {
  if (runtime().active !== -1) runtime().on(runtime().active);
  return runtime().active;
};
it('merges', () => {
  if (active() === 5) Object.assign(Object.getPrototypeOf({}), { polluted: 1 });
  expect(1).toBe(1);
});
it('counts keys', () => {
  active();
  let keys = 0;
  for (const _key in { a: 1 }) keys++;
  expect(keys).toBe(1);
});
`;

describe('a batch repeat that pollutes Object.prototype', () => {
  it("leaves no record of the thread's later tests trusted", async () => {
    const { dir, session } = await sessionOn({ 'pollutes.test.ts': TESTS });
    const file = { project: '', moduleId: path.join(dir, 'pollutes.test.ts') };
    const dry = await session.run(dryMode, [file], { threads: 'shared' });
    const [merges, counts] = dry.tests.map((test) => test.id);
    const plan = { [merges]: [5, -1], [counts]: [6, -1] };
    const batch = await session.run({ mode: 'batch', active: -1, hitLimit: 0, hitLimits: { 5: 100, 6: 100 }, plan, expected: { [merges]: [], [counts]: [] } }, [{ ...file, testIds: [merges, counts] }], { threads: 'shared' });
    const records = batch.tests.map((test) => (test.batch ?? []).map(([mutant, result, error]) => [mutant, result, error?.slice(0, 40)]));
    expect(records).toEqual([
      [[5, 'pass', undefined], [-1, 'fail', 'assay: Object.prototype has an enumerabl']],
      [[6, 'fail', 'AssertionError: expected 2 to be 1 // Ob'], [-1, 'fail', 'assay: Object.prototype has an enumerabl']],
    ]);
  });
});
