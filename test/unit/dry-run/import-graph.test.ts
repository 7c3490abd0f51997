import { describe, expect, it } from 'vitest';
import { mkdir, realpath, symlink } from 'node:fs/promises';
import path from 'node:path';
import { tempProject } from '../config/temp-project.js';
import { importGraph, type GraphModule, type ModuleGraph, type ProjectGraphs } from '../../../src/dry-run/import-graph.js';
import { fileKey } from '../../../src/vitest/session.js';

const ROOT = '/project';

/** A module graph from `imports` (file → the files it imports); every file named is in it. */
function graph(imports: Record<string, string[]>): ModuleGraph {
  const modules = new Map<string, GraphModule>();
  const node = (file: string) => {
    let module = modules.get(file);
    if (module === undefined) modules.set(file, (module = { file, importedModules: new Set() }));
    return module;
  };
  for (const [file, imported] of Object.entries(imports)) for (const other of imported) node(file).importedModules.add(node(other));
  for (const file of Object.keys(imports)) node(file);
  return { getModuleById: (id) => modules.get(id), idToModuleMap: modules };
}

const p = (file: string) => `${ROOT}/${file}`;
const files = (record: Record<string, string[]>) => Object.fromEntries(Object.entries(record).map(([from, to]) => [p(from), to.map(p)]));
const test = (file: string, project = '') => ({ project, moduleId: p(file) });

function loaded(projects: ProjectGraphs[], testFiles: Array<ReturnType<typeof test>>) {
  const { loaded: byFile } = importGraph(projects, testFiles, ROOT);
  return Object.fromEntries(testFiles.map((file) => [file.moduleId.slice(ROOT.length + 1), byFile[fileKey(file)]]));
}

describe('importGraph', () => {
  it('counts the mutated files require() may load for every test file that loaded CommonJS, and only those', () => {
    const ssr = graph(files({ 'test/quota.test.ts': ['src/quota.cjs'], 'test/esm.test.mts': ['src/pure.mjs'] }));
    const project = { name: '', graphs: [ssr], setupFiles: [], configFiles: [] };
    const testFiles = [test('test/quota.test.ts'), test('test/esm.test.mts')];
    const { loaded: byFile } = importGraph([project], testFiles, ROOT, [p('src/units.cjs')]);
    expect(byFile[fileKey(testFiles[0])]).toEqual(['src/quota.cjs', 'src/units.cjs', 'test/quota.test.ts']);
    expect(byFile[fileKey(testFiles[1])]).toEqual(['src/pure.mjs', 'test/esm.test.mts']);
  });

  it('follows every import from the test file, helpers outside mutate and node_modules-free', () => {
    const ssr = graph(
      files({
        'test/a.test.ts': ['src/a.ts', 'test/support/builders.ts', 'node_modules/lib/index.js'],
        'src/a.ts': ['lib/round.ts'],
        'node_modules/lib/index.js': ['node_modules/lib/util.js'],
        'test/b.test.ts': ['src/b.ts'],
      }),
    );
    expect(loaded([{ name: '', graphs: [graph({}), ssr], setupFiles: [], configFiles: [] }], [test('test/a.test.ts'), test('test/b.test.ts')])).toEqual({
      'test/a.test.ts': ['lib/round.ts', 'src/a.ts', 'test/a.test.ts', 'test/support/builders.ts'],
      'test/b.test.ts': ['src/b.ts', 'test/b.test.ts'],
    });
  });

  it('adds setup files and what they import to every test file of the project', () => {
    const ssr = graph(files({ 'test/a.test.ts': ['src/a.ts'], 'test/setup.ts': ['test/support/matchers.ts'] }));
    const project = { name: '', graphs: [ssr], setupFiles: [p('test/setup.ts')], configFiles: [] };
    expect(loaded([project], [test('test/a.test.ts')])['test/a.test.ts']).toEqual(['src/a.ts', 'test/a.test.ts', 'test/setup.ts', 'test/support/matchers.ts']);
  });

  it('gives a manual mock to the test files that load the module it mocks, and other orphans to every test file', () => {
    const ssr = graph(
      files({
        'test/a.test.ts': ['src/a.ts'],
        'src/a.ts': ['src/rates.ts'],
        'test/b.test.ts': ['src/b.ts'],
        'src/__mocks__/rates.ts': ['src/fake-data.ts'],
        'src/locales/de.ts': [],
      }),
    );
    const result = loaded([{ name: '', graphs: [ssr], setupFiles: [], configFiles: [] }], [test('test/a.test.ts'), test('test/b.test.ts')]);
    expect(result['test/a.test.ts']).toEqual(['src/__mocks__/rates.ts', 'src/a.ts', 'src/fake-data.ts', 'src/locales/de.ts', 'src/rates.ts', 'test/a.test.ts']);
    expect(result['test/b.test.ts']).toEqual(['src/b.ts', 'src/locales/de.ts', 'test/b.test.ts']);
  });

  it('does not take another test file (say one whose tests are all skipped) for an orphan', () => {
    const ssr = graph(files({ 'test/a.test.ts': ['src/a.ts'], 'test/skipped.test.ts': ['test/support/slow.ts'] }));
    const project = { name: '', graphs: [ssr], setupFiles: [], configFiles: [], isTestFile: (file: string) => file.endsWith('.test.ts') };
    expect(loaded([project], [test('test/a.test.ts')])['test/a.test.ts']).toEqual(['src/a.ts', 'test/a.test.ts']);
  });

  it('keeps vitest projects apart, and a test file run by two projects gets each its own', () => {
    const unit = graph(files({ 'test/shared.test.ts': ['src/a.ts'] }));
    const strict = graph(files({ 'test/shared.test.ts': ['src/a.ts', 'src/strict.ts'] }));
    const { loaded: byFile, configFiles } = importGraph(
      [
        { name: 'unit', graphs: [unit], setupFiles: [], configFiles: [p('vitest.config.ts'), p('vitest.base.ts')] },
        { name: 'strict', graphs: [strict], setupFiles: [], configFiles: [p('vitest.config.ts'), p('node_modules/preset/config.js')] },
      ],
      [test('test/shared.test.ts', 'unit'), test('test/shared.test.ts', 'strict')],
      ROOT,
    );
    expect(byFile[fileKey(test('test/shared.test.ts', 'unit'))]).toEqual(['src/a.ts', 'test/shared.test.ts']);
    expect(byFile[fileKey(test('test/shared.test.ts', 'strict'))]).toEqual(['src/a.ts', 'src/strict.ts', 'test/shared.test.ts']);
    expect(configFiles).toEqual(['vitest.base.ts', 'vitest.config.ts']);
  });

  it('adds the snapshot file a test file reads', async () => {
    const root = await tempProject({ 'test/a.test.ts': '', 'test/__snapshots__/a.test.ts.snap': '', 'test/b.test.ts': '' });
    const ssr = graph({ [`${root}/test/a.test.ts`]: [], [`${root}/test/b.test.ts`]: [] });
    const testFiles = [{ project: '', moduleId: `${root}/test/a.test.ts` }, { project: '', moduleId: `${root}/test/b.test.ts` }];
    const { loaded: byFile } = importGraph([{ name: '', graphs: [ssr], setupFiles: [], configFiles: [] }], testFiles, root);
    expect(testFiles.map((file) => byFile[fileKey(file)])).toEqual([['test/__snapshots__/a.test.ts.snap', 'test/a.test.ts'], ['test/b.test.ts']]);
  });
});

describe('importGraph in a workspace', () => {
  it('counts a sibling package reached through its node_modules link (vite keeping symlinks) by its real path', async () => {
    const root = await realpath(await tempProject({ 'packages/app/test/a.test.ts': '', 'packages/core/src/pricing.ts': '', 'node_modules/lib/index.js': '' }));
    await mkdir(path.join(root, 'node_modules/@mono'));
    await symlink('../../packages/core', path.join(root, 'node_modules/@mono/core'));
    const testFile = `${root}/packages/app/test/a.test.ts`;
    const ssr = graph({ [testFile]: [`${root}/node_modules/@mono/core/src/pricing.ts`, `${root}/node_modules/lib/index.js`] });
    const { loaded: byFile } = importGraph([{ name: '', graphs: [ssr], setupFiles: [], configFiles: [] }], [{ project: '', moduleId: testFile }], root);
    expect(byFile[fileKey({ project: '', moduleId: testFile })]).toEqual(['packages/app/test/a.test.ts', 'packages/core/src/pricing.ts']);
  });
});
