/**
 * Errors that escape the tests of a batch (src/vitest/escaped-errors.ts), through the built
 * session and the real vitest: an uncaught exception and an unhandled rejection, each made while
 * one mutant's repeat of a test ran, are reported for the run with that mutant's id, also the one
 * that escapes only during a later mutant's repeat; so is a test thread that dies of memory (its
 * heap limit) with the mutant it was running.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryMode, sessionOn } from '../support/session.js';

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

describe('an error that escapes a batch', () => {
  it('is reported with the mutant whose repeat it came from', async () => {
    const { dir, session } = await sessionOn({ 'leaves.test.ts': TESTS });
    const file = { project: '', moduleId: path.join(dir, 'leaves.test.ts') };
    const dry = await session.run(dryMode, [file], { threads: 'shared' });
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
    const { dir, session } = await sessionOn({ 'grows.test.ts': allocates }, { memoryLimitMb: 128 });
    const file = { project: '', moduleId: path.join(dir, 'grows.test.ts') };
    const dry = await session.run(dryMode, [file], { threads: 'shared' });
    const [grows] = dry.tests.map((test) => test.id);
    const batch = await session.run({ mode: 'batch', active: -1, hitLimit: 0, plan: { [grows]: [4, 5, 6, 7, -1] }, expected: { [grows]: [] } }, [{ ...file, testIds: [grows] }], { threads: 'shared' });
    expect(batch.unhandledErrors[0]).toMatch(/^ASSAY_OUT_OF_MEMORY/);
    expect(batch.escapedWith).toEqual([6]);
  });
});
