/**
 * A group of static mutants in one vitest run (src/execute/static-groups.ts), through the built
 * session and the real vitest: a test file listed once per mutant loads each time with its own
 * mutant active (the setup file counts the runs of each file), each run of the file is reported
 * apart with the mutant it ran with — also a run that failed while loading — and a
 * mutant's tests after its first failure do not run (vitest reports them pending) while the other
 * mutants' runs go on. In a workspace each project's test thread counts the runs of its own files.
 *
 * The module under test reads the active mutant while it loads, as a static mutant's code runs.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Session from '../../src/vitest/session.js';
import type * as StaticGroups from '../../src/execute/static-groups.js';
import type { StaticGroupTask } from '../../src/execute/task.js';
import { repoRoot } from '../support/assay.js';
import { fileKey, sessionOn } from '../support/session.js';
const { projectParts } = (await import(pathToFileURL(path.join(repoRoot, 'dist/execute/static-groups.js')).href)) as typeof StaticGroups;

/** Loads with the active mutant read once; mutant 1 makes it throw while loading. */
const MODULE = `const active = (globalThis as { __assay: { active: number } }).__assay.active;
if (active === 1) throw new Error('mutant 1 breaks the module while it loads');
export const loadedWith = active;
`;

/** Two tests: the first fails under mutant 2, the second under any mutant. */
const TESTS = `import { expect, it } from 'vitest';
import { loadedWith } from './rates';
it('first', () => { expect(loadedWith).not.toBe(2); });
it('second', () => { expect(loadedWith).toBe(-1); });
`;

const mutantMode = { mode: 'mutant', active: -1, hitLimit: 1000 } as const;

/** Per run of a file, in order: [project, mutant, file errors, test states]. */
const runsOf = (outcome: Session.RunOutcome) =>
  outcome.files.map((file) => [
    file.project,
    file.active,
    file.errors.length,
    outcome.tests.filter((test) => fileKey(test) === fileKey(file) && test.active === file.active).map((test) => test.state),
  ]);

describe('a group of static mutants in one vitest run', () => {
  it('loads a file listed once per mutant with each mutant active in turn, and tells the runs apart', async () => {
    const { dir, session } = await sessionOn({ 'rates.ts': MODULE, 'rates.test.ts': TESTS });
    const file = { project: '', moduleId: path.join(dir, 'rates.test.ts') };
    const outcome = await session.run(mutantMode, [file, file, file], { threads: 'shared', activeByFile: { [fileKey(file)]: [1, 2, 3] } });
    expect(outcome.unhandledErrors).toEqual([]);
    expect(runsOf(outcome)).toEqual([
      ['', 1, 1, []],
      ['', 2, 0, ['failed', 'pending']],
      ['', 3, 0, ['passed', 'failed']],
    ]);
    // The same file with no mutant passes: nothing carried over from the runs before.
    const clean = await session.run(mutantMode, [file], { threads: 'shared', activeByFile: { [fileKey(file)]: [-1] } });
    expect(runsOf(clean)).toEqual([['', -1, 0, ['passed', 'passed']]]);
  });

  it('in a workspace, tells the runs of a file apart in each project', async () => {
    const projects = `export default { test: { projects: [{ test: { name: 'one' } }, { test: { name: 'two' } }] } };\n`;
    const { dir, session } = await sessionOn({ 'vitest.config.ts': projects, 'rates.ts': MODULE, 'rates.test.ts': TESTS });
    const moduleId = path.join(dir, 'rates.test.ts');
    const [one, two] = [{ project: 'one', moduleId }, { project: 'two', moduleId }];
    const activeByFile = { [fileKey(one)]: [2, 3], [fileKey(two)]: [3, 2] };
    const group: StaticGroupTask = { kind: 'static', activeByFile, hitLimits: {}, selection: [one, two, one, two], bail: false };
    const options = { threads: 'shared' } as const;
    const parts = [];
    for (const part of projectParts(group)) parts.push(runsOf(await session.run(mutantMode, part.selection, { ...options, activeByFile: part.activeByFile })));
    expect(parts).toEqual([
      [
        ['one', 2, 0, ['failed', 'pending']],
        ['one', 3, 0, ['passed', 'failed']],
      ],
      [
        ['two', 3, 0, ['passed', 'failed']],
        ['two', 2, 0, ['failed', 'pending']],
      ],
    ]);
    // vitest gives the second project's listings a thread run each here; they share the thread, which counts on.
    const mixed = await session.run(mutantMode, group.selection, { ...options, activeByFile });
    expect(runsOf(mixed)).toEqual(parts.flat());
  });

  it("activates each listing's mutant before the project's own setup files load code under test, also where they run in parallel", async () => {
    const config = `export default { test: { setupFiles: ['./user-setup.ts'], sequence: { setupFiles: 'parallel' } } };\n`;
    // The project's setup file loads the module under test, which reads the active mutant as it loads.
    const userSetup = `import { loadedWith } from './rates';\n(globalThis as { seenBySetup?: number[] }).seenBySetup = [...((globalThis as { seenBySetup?: number[] }).seenBySetup ?? []), loadedWith];\n`;
    const tests = `import { expect, it } from 'vitest';\nimport { loadedWith } from './rates';\nit('sees', () => { expect(loadedWith).toBe((globalThis as { seenBySetup: number[] }).seenBySetup.at(-1)); expect(loadedWith).not.toBe(3); });\n`;
    const { dir, session } = await sessionOn({ 'vitest.config.ts': config, 'user-setup.ts': userSetup, 'rates.ts': MODULE.replace("if (active === 1) throw new Error('mutant 1 breaks the module while it loads');\n", ''), 'rates.test.ts': tests });
    const file = { project: '', moduleId: path.join(dir, 'rates.test.ts') };
    expect(session.testProjects()[0].map((project) => project.config.sequence.setupFiles)).toEqual(['list']);
    const outcome = await session.run(mutantMode, [file, file], { threads: 'shared', activeByFile: { [fileKey(file)]: [2, 3] } });
    expect(runsOf(outcome)).toEqual([
      ['', 2, 0, ['passed']],
      ['', 3, 0, ['failed']],
    ]);
  });
});
