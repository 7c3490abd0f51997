import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutantIdentity, verdictKey, type VerdictInputs } from '../../../src/incremental/verdict-key.js';
import { reuseVerdicts } from '../../../src/incremental/reuse.js';
import type { Options } from '../../../src/model.js';
import type { MutantRun } from '../../../src/plan/index.js';
import { tempProject } from '../config/temp-project.js';
import { addMutant, append, dry, LOADED, options, plan, PROJECT_FILES, run, SOURCE, sourceFiles } from './helpers.js';

/** The verdict key the pipeline gives the `a + b` mutant's run in the project at `root`. */
async function keyIn(root: string, change: { run?: Partial<MutantRun>; options?: Partial<Options>; loaded?: string[] } = {}): Promise<string> {
  const files = await sourceFiles(root);
  const keyed = await reuseVerdicts(plan([run(root, addMutant(files[0].text), change.run)]), {
    files,
    dry: dry(root, change.loaded),
    options: options(root, change.options),
    events: {},
  });
  return keyed.runs[0].mutant.verdictKey!;
}

describe('mutantIdentity', () => {
  it('does not change with edits elsewhere in the file, line numbers included', () => {
    const edited = `// a comment that moves every line\n${SOURCE.replace('a - b', 'b - a')}\nexport const three = 3;\n`;
    expect(mutantIdentity(addMutant(edited), edited)).toEqual(mutantIdentity(addMutant(SOURCE), SOURCE));
  });

  it('tells apart the same change of the same text at different places', () => {
    const twice = `${SOURCE}export function add2(a: number, b: number): number {\n  return a + b;\n}\n`;
    const first = addMutant(twice);
    const secondStart = twice.lastIndexOf('a + b');
    const second = { ...first, start: secondStart, end: secondStart + 5 };
    expect(mutantIdentity(first, twice).occurrence).toBe(0);
    expect(mutantIdentity(second, twice).occurrence).toBe(1);
    expect(mutantIdentity(second, twice)).not.toEqual(mutantIdentity(first, twice));
  });

  it('holds the file, mutator, replacement and original text', () => {
    expect(mutantIdentity(addMutant(SOURCE), SOURCE)).toEqual({ file: 'src/math.ts', mutator: 'ArithmeticOperator', replacement: 'a - b', original: 'a + b', occurrence: 0 });
  });
});

describe('verdictKey', () => {
  const inputs: VerdictInputs = {
    identity: mutantIdentity(addMutant(SOURCE), SOURCE),
    fileContent: 'f',
    static: false,
    coveredBy: ['t1', 't2'],
    files: [
      { project: '', file: 'test/a.test.ts', tests: ['t1'], modules: 'm1' },
      { project: 'unit', file: 'test/b.test.ts', tests: ['t2'], modules: 'm2' },
    ],
    environment: 'e',
  };

  it('does not depend on the order of tests and files (the plan orders them by dry-run duration)', () => {
    const reordered = { ...inputs, coveredBy: ['t2', 't1'], files: [...inputs.files].reverse() };
    expect(verdictKey(reordered)).toBe(verdictKey(inputs));
  });

  it('changes with each part', () => {
    const changed: Array<Partial<VerdictInputs>> = [
      { identity: { ...inputs.identity, occurrence: 1 } },
      { fileContent: 'g' },
      { static: true },
      { coveredBy: ['t1'] },
      { files: [inputs.files[0], { ...inputs.files[1], tests: 'all' }] },
      { files: [inputs.files[0], { ...inputs.files[1], modules: 'm3' }] },
      { environment: 'f' },
    ];
    const keys = new Set([verdictKey(inputs), ...changed.map((part) => verdictKey({ ...inputs, ...part }))]);
    expect(keys.size).toBe(changed.length + 1);
  });
});

describe('the verdict key of a planned run', () => {
  it('comes out the same for the same project', async () => {
    const root = await tempProject(PROJECT_FILES);
    expect(await keyIn(root)).toBe(await keyIn(root));
  });

  it('stays when files the tests did not load change, and with options that do not change verdicts', async () => {
    const root = await tempProject(PROJECT_FILES);
    const before = await keyIn(root);
    await append(root, 'src/other.ts', 'export const more = 2;\n');
    expect(await keyIn(root)).toBe(before);
    expect(await keyIn(root, { options: { concurrency: 1, reporters: ['json'] } })).toBe(before);
    expect(await keyIn(root, { run: { expectedMs: 99 } })).toBe(before);
  });

  it.each([
    ['the mutated file, anywhere in it', 'src/math.ts'],
    ['a covering test file', 'test/math.test.ts'],
    ['a test helper it loads', 'test/helper.ts'],
    ['a source helper outside mutate it loads', 'lib/format.ts'],
    ['the lockfile', 'package-lock.json'],
    ['the vitest config', 'vitest.config.ts'],
    ['package.json', 'package.json'],
  ])('changes with %s', async (_what, file) => {
    const root = await tempProject(PROJECT_FILES);
    const before = await keyIn(root);
    await append(root, file, file.endsWith('.json') ? ' ' : '// edited\n');
    expect(await keyIn(root)).not.toBe(before);
  });

  it('changes with the covering tests, the modules they load, and every option that can change a verdict', async () => {
    const root = await tempProject(PROJECT_FILES);
    const keys = [
      await keyIn(root),
      await keyIn(root, { run: { coveredBy: ['t1', 't2'] } }),
      await keyIn(root, { run: { selection: [{ project: '', moduleId: path.join(root, 'test/math.test.ts'), testIds: ['t1', 't2'] }] } }),
      await keyIn(root, { run: { selection: [{ project: '', moduleId: path.join(root, 'test/math.test.ts') }], static: true } }),
      await keyIn(root, { loaded: [...LOADED, 'src/other.ts'] }),
    ];
    const verdictOptions: Array<Partial<Options>> = [
      { timeoutMS: 1 },
      { timeoutFactor: 2 },
      { coverageAnalysis: 'all' },
      { disableBail: true },
      { isolation: 'full' },
      { ignoreStatic: true },
      { memoryLimitMb: 512 },
    ];
    for (const change of verdictOptions) keys.push(await keyIn(root, { options: change }));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds the lockfile above the project root (a workspace)', async () => {
    const top = await tempProject({ ...Object.fromEntries(Object.entries(PROJECT_FILES).map(([file, text]) => [`pkg/${file}`, text])), 'pnpm-lock.yaml': 'lockfileVersion: 9\n' });
    const root = path.join(top, 'pkg');
    await rename(path.join(root, 'package-lock.json'), path.join(root, 'moved-away.json'));
    const before = await keyIn(root);
    await append(top, 'pnpm-lock.yaml', 'packages: {}\n');
    expect(await keyIn(root)).not.toBe(before);
  });

  it('matches nothing stored when the import graph does not know a test file', async () => {
    const root = await tempProject(PROJECT_FILES);
    const files = await sourceFiles(root);
    const unknown = { ...dry(root), imports: { loaded: {}, configFiles: [] } };
    const key = async () => (await reuseVerdicts(plan([run(root, addMutant(files[0].text))]), { files, dry: unknown, options: options(root), events: {} })).runs[0].mutant.verdictKey;
    expect(await key()).not.toBe(await key());
  });

  it('hashes what a deleted loaded file was: unreadable, so a key with it stored no longer matches', async () => {
    const root = await tempProject(PROJECT_FILES);
    const before = await keyIn(root);
    await mkdir(path.join(root, 'gone'), { recursive: true });
    await rename(path.join(root, 'test/helper.ts'), path.join(root, 'gone/helper.ts'));
    expect(await keyIn(root)).not.toBe(before);
    await writeFile(path.join(root, 'test/helper.ts'), PROJECT_FILES['test/helper.ts']);
    expect(await keyIn(root)).toBe(before);
  });
});
