/**
 * Warm test threads (src/vitest/warm-threads.ts), through the built session and the real vitest:
 * a run whose files share threads takes the thread the previous such run left, a run that gives
 * each file a fresh thread does not, and a run in which a file found globals changed leaves no
 * thread behind for the next — also when the change keeps that file from loading, and, in a batch,
 * after any file failed to load. Each test records the id of the thread it ran in.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Session from '../../src/vitest/session.js';
import { dryMode as dry, sessionOn } from '../support/session.js';

/** A test file whose test appends its name and its thread's id to threads.log beside it. */
const recordThread = (name: string, extra = '') => `import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { it } from 'vitest';
it('${name}', () => {
  appendFileSync(new URL('threads.log', import.meta.url), '${name} ' + threadId + '\\n');${extra}
});
`;

async function project(files: Record<string, string>): Promise<{ session: Session.VitestSession; threads: () => Promise<string[]> }> {
  const { dir, session } = await sessionOn(files, { bail: false });
  const threads = async () => (await readFile(path.join(dir, 'threads.log'), 'utf8')).trim().split('\n');
  return { session, threads };
}

describe('warm test threads', () => {
  it('serve the next shared-thread run, never a fresh-thread run', async () => {
    const { session, threads } = await project({ 'a.test.ts': recordThread('a') });
    await session.run(dry, 'all', { threads: 'shared' });
    await session.run(dry, 'all', { threads: 'shared' });
    await session.run(dry, 'all', { threads: 'per-file' });
    await session.run(dry, 'all', { threads: 'shared' });
    const ids = (await threads()).map((line) => line.split(' ')[1]);
    expect(ids).toHaveLength(4);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(ids[3]).toBe(ids[0]);
  });

  it('are ended when their heap grew much (RETIRE_ABOVE_MB, RETIRE_GROWTH_MB), and only then', async () => {
    // An array of 24 M numbers (about 190 MB) held by the test file's module until the file ends: the heap is past both limits then.
    const holdsMuch = `const big = new Array<number>(24_000_000).fill(1.5);\n${recordThread('big', `\n  if (big.length === 0) throw new Error('unreachable');`)}`;
    const { session, threads } = await project({ 'a.test.ts': recordThread('a'), 'big.test.ts': holdsMuch });
    const [small, big] = ['a.test.ts', 'big.test.ts'];
    const only = async (file: string) => {
      const files = await session.suite();
      await session.run(dry, [{ project: '', moduleId: files.specifications.find((each) => each.moduleId.endsWith(file))!.moduleId }], { threads: 'shared' });
    };
    await only(small);
    await only(small);
    await only(big);
    await only(small);
    const ids = (await threads()).map((line) => line.split(' ')[1]);
    expect(ids).toHaveLength(4);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).not.toBe(ids[0]);
  });

  it('are discarded after a run in which a file found globals changed', async () => {
    // Each file leaves a global behind; the second to run in the thread finds the first's, so that thread serves no later run.
    // A patched prototype is what cannot be put back (environment variables and globals are).
    const leaves = (name: string) => `\n  (Array.prototype as unknown as Record<string, unknown>).leftBy_${name} = 1;`;
    const { session, threads } = await project({ 'a.test.ts': recordThread('a', leaves('a')), 'b.test.ts': recordThread('b', leaves('b')) });
    const first = await session.run(dry, 'all', { threads: 'shared' });
    expect(first.files.flatMap((file) => file.leaked)).toHaveLength(1);
    await session.run(dry, [{ project: '', moduleId: testPath('b.test.ts', first) }], { threads: 'shared' });
    const lines = await threads();
    expect(lines).toHaveLength(3);
    const [firstRun, secondRun] = [lines.slice(0, 2), lines.slice(2)];
    expect(new Set(firstRun.map((line) => line.split(' ')[1])).size).toBe(1);
    expect(secondRun[0].split(' ')[1]).not.toBe(firstRun[0].split(' ')[1]);
  });

  it('are discarded after a file found Object.prototype polluted, though vitest then failed to load it', async () => {
    // An enumerable key on Object.prototype breaks vitest's own collection of the next file (its
    // hooks are merged with for…in): that file's setup saw the leak, and must report it although no hook of it runs.
    const pollutes = (name: string) => `\n  (Object.prototype as unknown as Record<string, unknown>).polluted_${name} = 1;`;
    const { session, threads } = await project({ 'a.test.ts': recordThread('a', pollutes('a')), 'b.test.ts': recordThread('b', pollutes('b')) });
    const first = await session.run(dry, 'all', { threads: 'shared' });
    const broken = first.files.filter((file) => file.errors.length > 0);
    expect(broken).toHaveLength(1);
    expect(broken[0].leaked).toEqual([`Object.polluted_${(await threads())[0].split(' ')[0]}`]);
    await session.run(dry, [{ project: '', moduleId: broken[0].moduleId }], { threads: 'shared' });
    const lines = await threads();
    expect(lines).toHaveLength(2);
    expect(lines[1].split(' ')[1]).not.toBe(lines[0].split(' ')[1]);
  });

  it("count a prototype's symbol keys", async () => {
    const leaves = (name: string) => `\n  (Array.prototype as unknown as Record<symbol, unknown>)[Symbol.for('leftBy_${name}')] = 1;`;
    const { session } = await project({ 'a.test.ts': recordThread('a', leaves('a')), 'b.test.ts': recordThread('b', leaves('b')) });
    const first = await session.run(dry, 'all', { threads: 'shared' });
    expect(first.files.flatMap((file) => file.leaked)).toEqual([expect.stringMatching(/^Array\.Symbol\(leftBy_[ab]\)$/)]);
  });

  it('are discarded after a batch in which a file failed to load, whatever the cause', async () => {
    // A flag under a symbol of globalThis, which the fingerprint does not cover: the second file to load in a thread throws.
    const breaksNext = (name: string) => `if ((globalThis as Record<symbol, unknown>)[Symbol.for('broken')]) throw new Error('loaded in a broken world');
${recordThread(name, "\n  (globalThis as Record<symbol, unknown>)[Symbol.for('broken')] = true;")}`;
    const { session, threads } = await project({ 'a.test.ts': breaksNext('a'), 'b.test.ts': breaksNext('b') });
    const found = await session.run(dry, 'all', { threads: 'per-file' });
    const ids = found.tests.map((test) => test.id);
    const batch = { mode: 'batch', active: -1, hitLimit: 0, plan: Object.fromEntries(ids.map((id) => [id, [-1]])), expected: Object.fromEntries(ids.map((id) => [id, []])) } as const;
    const selection = found.tests.map((test) => ({ project: '', moduleId: test.moduleId, testIds: [test.id] }));
    const first = await session.run(batch, selection, { threads: 'shared' });
    expect(first.files.filter((file) => file.errors.length > 0)).toHaveLength(1);
    await session.run(batch, selection.slice(0, 1), { threads: 'shared' });
    const lines = await threads();
    // Two from the per-file run, one from the batch (its second file failed), one from the run after it.
    expect(lines).toHaveLength(4);
    expect(lines[3].split(' ')[1]).not.toBe(lines[2].split(' ')[1]);
  });
});

/** The module id vitest gave test file `name` in `outcome`. */
function testPath(name: string, outcome: Session.RunOutcome): string {
  const file = outcome.files.find((candidate) => candidate.moduleId.endsWith(`/${name}`));
  if (file === undefined) throw new Error(`${name} did not run`);
  return file.moduleId;
}
