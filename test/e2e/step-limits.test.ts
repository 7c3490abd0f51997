/**
 * Per-file step limits (plan's fileStepLimitsOf, AssaySettings.stepLimits), through the built
 * session and the real vitest: a test file's own limit stops a loop through mutated code that the
 * run's limit would let run on (a loop that allocates as it goes fills the thread's heap first);
 * a file without one has the run's.
 */
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Session from '../../src/vitest/session.js';
import { repoRoot } from '../support/assay.js';
import { tempProject } from '../unit/config/temp-project.js';

const { VitestSession, fileKey } = (await import(pathToFileURL(path.join(repoRoot, 'dist/vitest/session.js')).href)) as typeof Session;

/** Passes mutated code (mutant 7's check) 50,000 times, as instrumented code in a loop would. */
const LOOPS = `import { it } from 'vitest';
it('loops through mutated code', () => {
  const runtime = (globalThis as { __assay: { on(id: number): boolean } }).__assay;
  for (let i = 0; i < 50_000; i++) runtime.on(7);
});
`;

let session: Session.VitestSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('a step limit per test file', () => {
  it("stops a loop at the file's own limit, where the run's would not", async () => {
    const dir = await tempProject({ 'package.json': { type: 'module' }, 'vitest.config.ts': 'export default {};\n', 'a.test.ts': LOOPS, 'b.test.ts': LOOPS });
    await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    session = await VitestSession.start({ projectRoot: dir, code: { instrumented: {} }, bail: false, maxWorkers: 1, memoryLimitMb: 512, batch: true });
    const [a, b] = ['a.test.ts', 'b.test.ts'].map((name) => ({ project: '', moduleId: path.join(dir, name) }));
    const outcome = await session.run({ mode: 'mutant', active: 5, hitLimit: 1_000, stepLimit: 1_000_000 }, [a, b], { threads: 'per-file', stepLimits: { [fileKey(a)]: 10_000 } });
    const byFile = Object.fromEntries(outcome.tests.map((test) => [path.basename(test.moduleId), test]));
    expect(byFile['a.test.ts'].state).toBe('failed');
    expect(byFile['a.test.ts'].errors[0]).toMatch(/mutated code was reached more than 10000 times/);
    expect(byFile['b.test.ts'].state).toBe('passed');
  });
});
