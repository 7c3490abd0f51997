/**
 * Shorter vitest test timeouts (src/execute/test-timeouts.ts, AssaySettings.testTimeouts), through
 * the built session and the real vitest: a file's tests are collected with the shorter timeout a
 * run gives it, a test's own timeout stands, and the next run of the file in the same warm thread
 * without one has the project's timeout back.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Session from '../../src/vitest/session.js';
import { fileKey, sessionOn } from '../support/session.js';

const TESTS = `import { expect, it } from 'vitest';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
it('quick', () => { expect(1).toBe(1); });
it('waits 600 ms', async () => { await wait(600); });
it('waits 600 ms with a timeout of its own', { timeout: 4000 }, async () => { await wait(600); });
`;

const mutantMode = { mode: 'mutant', active: -1, hitLimit: 1000 } as const;

/** Per test, its state and first error. */
const statesOf = (outcome: Session.RunOutcome) =>
  outcome.tests.map((test) => [path.basename(test.moduleId), test.name, test.state, test.errors[0]?.replace(/\n[^]*/, '')]);

describe('a shorter test timeout for a run', () => {
  it("collects a file's tests with it, keeps a test's own, and leaves other files and the next run the project's", async () => {
    const { dir, session } = await sessionOn({ 'vitest.config.ts': 'export default { test: { testTimeout: 3000 } };\n', 'short.test.ts': TESTS, 'other.test.ts': TESTS });
    const short = { project: '', moduleId: path.join(dir, 'short.test.ts') };
    const other = { project: '', moduleId: path.join(dir, 'other.test.ts') };
    const passing = (file: string) => [
      [file, 'quick', 'passed', undefined],
      [file, 'waits 600 ms', 'passed', undefined],
      [file, 'waits 600 ms with a timeout of its own', 'passed', undefined],
    ];

    // Both files in one thread: the shorter timeout is short.test.ts's only.
    const shorter = await session.run(mutantMode, [short, other], { threads: 'shared', noBail: true, testTimeouts: { [fileKey(short)]: 200 } });
    expect(statesOf(shorter)).toEqual([
      ['short.test.ts', 'quick', 'passed', undefined],
      ['short.test.ts', 'waits 600 ms', 'failed', 'Error: Test timed out in 200ms.'],
      ['short.test.ts', 'waits 600 ms with a timeout of its own', 'passed', undefined],
      ...passing('other.test.ts'),
    ]);

    // The same warm thread, no shorter timeout: the project's 3000 ms.
    const own = await session.run(mutantMode, [short, other], { threads: 'shared', noBail: true });
    expect(statesOf(own)).toEqual([...passing('short.test.ts'), ...passing('other.test.ts')]);
  });
});
