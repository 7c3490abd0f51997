/**
 * Bail inside a batch across test files (src/vitest/batch-runner.ts, decidedInRun), through the
 * built session and the real vitest: a mutant that left a test waiting until vitest's (shorter)
 * test timeout is not run by the thread's later test files of that run, and the thread's next run
 * runs it again. (Where vitest makes a runner for each file, which this small project does not
 * show, test/unit/vitest/batch-runner.test.ts checks the same.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Session from '../../src/vitest/session.js';
import { dryMode, fileKey, sessionOn } from '../support/session.js';

/** Waits forever under mutant 5 (vitest's test timeout ends it), passes otherwise. */
const TESTS = `import { it } from 'vitest';
it('waits under mutant 5', async () => {
  if ((globalThis as { __assay: { active: number } }).__assay.active === 5) await new Promise(() => {});
});
`;

/** Per test file, the mutants its test's repeats ran, and how each ended. */
const recordsOf = (outcome: Session.RunOutcome) => outcome.tests.map((test) => [path.basename(test.moduleId), (test.batch ?? []).map(([mutant, result]) => [mutant, result])]);

describe('a mutant decided in a batch', () => {
  it("is skipped by the thread's later test files of the run, and runs again in the next run", async () => {
    const { dir, session } = await sessionOn({ 'vitest.config.ts': "export default { test: { projects: [{ test: { name: 'p', include: ['*.test.ts'] } }] } };\n", 'a.test.ts': TESTS, 'b.test.ts': TESTS });
    const files = ['a.test.ts', 'b.test.ts'].map((name) => ({ project: 'p', moduleId: path.join(dir, name) }));
    const dry = await session.run(dryMode, files, { threads: 'shared' });
    const ids = dry.tests.map((test) => test.id);
    const selection = files.map((file, index) => ({ ...file, testIds: [ids[index]] }));
    const settings = { mode: 'batch', active: -1, hitLimit: 0, plan: Object.fromEntries(ids.map((id) => [id, [5, -1]])), expected: Object.fromEntries(ids.map((id) => [id, []])) } as const;

    const testTimeouts = Object.fromEntries(files.map((file) => [fileKey(file), 300]));
    const first = await session.run(settings, selection, { threads: 'shared', testTimeouts });
    const again = await session.run(settings, selection, { threads: 'shared', testTimeouts });
    for (const outcome of [first, again]) {
      // Which file ran first is vitest's choice; the other one skips mutant 5.
      const records = recordsOf(outcome).sort((x, y) => (x[1] as unknown[]).length - (y[1] as unknown[]).length);
      expect(records.map(([, runs]) => runs)).toEqual([[[-1, 'pass']], [[5, 'unreached'], [-1, 'pass']]]);
    }
  });
});
