/**
 * Per-file step limits (plan's fileStepLimitsOf, AssaySettings.stepLimits), through the built
 * session and the real vitest: a test file's own limit stops a loop through mutated code that the
 * run's limit would let run on (a loop that allocates as it goes fills the thread's heap first);
 * a file without one has the run's.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKey, sessionOn } from '../support/session.js';

/** Passes mutated code (mutant 7's check) 50,000 times, as instrumented code in a loop would. */
const LOOPS = `import { it } from 'vitest';
it('loops through mutated code', () => {
  const runtime = (globalThis as { __assay: { on(id: number): boolean } }).__assay;
  for (let i = 0; i < 50_000; i++) runtime.on(7);
});
`;

describe('a step limit per test file', () => {
  it("stops a loop at the file's own limit, where the run's would not", async () => {
    const { dir, session } = await sessionOn({ 'a.test.ts': LOOPS, 'b.test.ts': LOOPS }, { bail: false });
    const [a, b] = ['a.test.ts', 'b.test.ts'].map((name) => ({ project: '', moduleId: path.join(dir, name) }));
    const outcome = await session.run({ mode: 'mutant', active: 5, hitLimit: 1_000, stepLimit: 1_000_000 }, [a, b], { threads: 'per-file', stepLimits: { [fileKey(a)]: 10_000 } });
    const byFile = Object.fromEntries(outcome.tests.map((test) => [path.basename(test.moduleId), test]));
    expect(byFile['a.test.ts'].state).toBe('failed');
    expect(byFile['a.test.ts'].errors[0]).toMatch(/mutated code was reached more than 10000 times/);
    expect(byFile['b.test.ts'].state).toBe('passed');
  });
});
