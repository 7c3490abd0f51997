import { describe, expect, it } from 'vitest';
import { fileKey, forgetUnlisted } from '../../../src/vitest/session.js';
import { fileOutcome } from '../execute/runs.js';

const run = (moduleId: string, active?: number) => fileOutcome(moduleId, active === undefined ? {} : { active });

describe('forgetUnlisted', () => {
  const listed = { [fileKey({ project: '', moduleId: '/t/a.ts' })]: [1, 2], [fileKey({ project: '', moduleId: '/t/b.ts' })]: [3] };

  it("keeps the mutants a file's runs report when they are the ones listed for it, each once", () => {
    const files = [run('/t/a.ts', 2), run('/t/b.ts', 3), run('/t/a.ts', 1)];
    forgetUnlisted(files, listed);
    expect(files.map((file) => file.active)).toEqual([2, 3, 1]);
  });

  it('forgets every run of a file whose runs report a mutant twice, or one not listed, or lack one', () => {
    const twice = [run('/t/a.ts', 1), run('/t/a.ts', 1), run('/t/b.ts', 3)];
    forgetUnlisted(twice, listed);
    expect(twice.map((file) => file.active)).toEqual([undefined, undefined, 3]);
    const unknown = [run('/t/a.ts', 1), run('/t/a.ts')];
    forgetUnlisted(unknown, listed);
    expect(unknown.map((file) => file.active)).toEqual([undefined, undefined]);
    const other = [run('/t/b.ts', 4)];
    forgetUnlisted(other, listed);
    expect(other.map((file) => file.active)).toEqual([undefined]);
  });
});
