/**
 * Errors that escape the tests of a batch (src/vitest/escaped-errors.ts), through the built
 * session and the real vitest: an uncaught exception and an unhandled rejection, each made while
 * one mutant's repeat of a test ran, are reported for the run with that mutant's id, also the one
 * that escapes only during a later mutant's repeat; so is a test thread that dies of memory (its
 * heap limit) with the mutant it was running.
 */
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Session from '../../src/vitest/session.js';
import { repoRoot } from '../support/assay.js';
import { tempProject } from '../unit/config/temp-project.js';

const { VitestSession } = (await import(pathToFileURL(path.join(repoRoot, 'dist/vitest/session.js')).href)) as typeof Session;

/** Under mutant 5 the test leaves behind a timer that throws during a later repeat; under mutant 6, a rejected promise. */
const TESTS = `import { it } from 'vitest';
const active = () => (globalThis as { __assay: { active: number } }).__assay.active;
it('leaves something behind under some mutants', async () => {
  if (active() === 5) setTimeout(() => { throw new Error('escaped under 5'); }, 80);
  if (active() === 6) Promise.reject(new Error('rejected under 6'));
  await new Promise((resolve) => setTimeout(resolve, 50));
});
it('passes', () => {});
`;

let session: Session.VitestSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('an error that escapes a batch', () => {
  it('is reported with the mutant whose repeat it came from', async () => {
    const dir = await tempProject({ 'package.json': { type: 'module' }, 'vitest.config.ts': 'export default {};\n', 'leaves.test.ts': TESTS });
    await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    session = await VitestSession.start({ projectRoot: dir, code: { instrumented: {} }, bail: true, maxWorkers: 1, memoryLimitMb: 512, batch: true });
    const file = { project: '', moduleId: path.join(dir, 'leaves.test.ts') };
    const dry = await session.run({ mode: 'dry', active: -1, hitLimit: Number.POSITIVE_INFINITY }, [file], { threads: 'shared' });
    const [leaves, passes] = dry.tests.map((test) => test.id);
    expect(dry.unhandledErrors).toEqual([]);

    const plan = { [leaves]: [4, 5, 6, 7, -1], [passes]: [4, -1] };
    const batch = await session.run({ mode: 'batch', active: -1, hitLimit: 0, plan, expected: { [leaves]: [], [passes]: [] } }, [{ ...file, testIds: [leaves, passes] }], { threads: 'shared' });
    expect(batch.unhandledErrors.sort()).toEqual(['Error: escaped under 5', 'Error: rejected under 6']);
    expect(batch.escapedWith?.sort()).toEqual([5, 6]);
  });

  it('names the mutant whose repeat a test thread ran when it passed its heap limit', async () => {
    const allocates = `import { it } from 'vitest';
it('allocates without bound under mutant 6', () => {
  const kept: number[][] = [];
  if ((globalThis as { __assay: { active: number } }).__assay.active === 6) for (;;) kept.push(new Array(100_000).fill(1));
});
`;
    const dir = await tempProject({ 'package.json': { type: 'module' }, 'vitest.config.ts': 'export default {};\n', 'grows.test.ts': allocates });
    await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    session = await VitestSession.start({ projectRoot: dir, code: { instrumented: {} }, bail: true, maxWorkers: 1, memoryLimitMb: 128, batch: true });
    const file = { project: '', moduleId: path.join(dir, 'grows.test.ts') };
    const dry = await session.run({ mode: 'dry', active: -1, hitLimit: Number.POSITIVE_INFINITY }, [file], { threads: 'shared' });
    const [grows] = dry.tests.map((test) => test.id);
    const batch = await session.run({ mode: 'batch', active: -1, hitLimit: 0, plan: { [grows]: [4, 5, 6, 7, -1] }, expected: { [grows]: [] } }, [{ ...file, testIds: [grows] }], { threads: 'shared' });
    expect(batch.unhandledErrors[0]).toMatch(/^ASSAY_OUT_OF_MEMORY/);
    expect(batch.escapedWith).toEqual([6]);
  });
});
