import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import type { Options } from '../../../src/model.js';
import { DEFAULT_MUTATE, testOptions } from '../../support/options.js';
import { selectFiles } from '../../../src/select/index.js';
import { tempProject } from '../config/temp-project.js';

const options = testOptions;

/** Names selected in a project holding `files` (each containing its own name). */
async function selectedNames(files: string[], overrides: Partial<Options> = {}) {
  const root = await tempProject(Object.fromEntries(files.map((name) => [name, name])));
  return (await selectFiles(options(root, overrides))).map((file) => file.name);
}

describe('selectFiles', () => {
  it('returns path, name and text of each file, sorted by name', async () => {
    const root = await tempProject({ 'src/b.ts': 'const b = 2;\n', 'src/a/z.ts': 'z', 'src/A.ts': 'A' });
    expect(await selectFiles(options(root))).toStrictEqual([
      { path: path.join(root, 'src/A.ts'), name: 'src/A.ts', text: 'A' },
      { path: path.join(root, 'src/a/z.ts'), name: 'src/a/z.ts', text: 'z' },
      { path: path.join(root, 'src/b.ts'), name: 'src/b.ts', text: 'const b = 2;\n' },
    ]);
  });

  it('applies the default patterns: sources under src, not tests or declarations', async () => {
    expect(
      await selectedNames([
        'src/a.ts',
        'src/b.tsx',
        'src/c.mjs',
        'src/d.cts',
        'src/a.test.ts',
        'src/b.spec.tsx',
        'src/__tests__/e.ts',
        'src/types.d.ts',
        'src/style.css',
        'lib/f.ts',
        'index.ts',
      ]),
    ).toEqual(['src/a.ts', 'src/b.tsx', 'src/c.mjs', 'src/d.cts']);
  });

  it('sets lineRanges from range patterns', async () => {
    const root = await tempProject({ 'src/a.ts': 'a', 'src/b.ts': 'b' });
    const files = await selectFiles(options(root, { mutate: ['src/a.ts:2-4', './src/b.ts'] }));
    expect(files).toStrictEqual([
      { path: path.join(root, 'src/a.ts'), name: 'src/a.ts', text: 'a', lineRanges: [{ start: 2, end: 4 }] },
      { path: path.join(root, 'src/b.ts'), name: 'src/b.ts', text: 'b' },
    ]);
  });

  it('leaves out ignorePatterns', async () => {
    expect(
      await selectedNames(['src/a.ts', 'src/generated/b.ts', 'src/c.gen.ts'], {
        ignorePatterns: ['generated', '*.gen.ts'],
      }),
    ).toEqual(['src/a.ts']);
  });

  it('never selects node_modules anywhere, nor dist, coverage, reports, .stryker-tmp at the root', async () => {
    const files = [
      'node_modules/x/index.ts',
      'src/node_modules/y.ts',
      'dist/a.ts',
      'coverage/b.ts',
      'reports/c.ts',
      '.stryker-tmp/sandbox/src/d.ts',
      'src/reports/e.ts',
      'src/f.ts',
    ];
    expect(await selectedNames(files, { mutate: ['**/*.ts'] })).toEqual(['src/f.ts', 'src/reports/e.ts']);
    expect(await selectedNames(files, { mutate: ['dist/a.ts', 'node_modules/x/index.ts', 'src/f.ts'] })).toEqual([
      'src/f.ts',
    ]);
  });

  it('does not match dot files with wildcards', async () => {
    expect(await selectedNames(['src/.hidden.ts', 'src/.cache/a.ts', 'src/b.ts'])).toEqual(['src/b.ts']);
  });

  it('accepts patterns that match nothing as long as something is selected', async () => {
    expect(await selectedNames(['src/a.ts'], { mutate: ['lib/**/*.ts', 'src/a.ts'] })).toEqual(['src/a.ts']);
  });

  it('fails when nothing is selected', async () => {
    const root = await tempProject({ 'src/a.test.ts': '', 'lib/b.ts': '' });
    const error = await selectFiles(options(root)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `mutate matched no files: ${DEFAULT_MUTATE.join(', ')}; check --mutate, or "mutate" in stryker.config.json`,
    );
  });

  it('fails when ignorePatterns or negations remove everything', async () => {
    const root = await tempProject({ 'src/a.ts': '' });
    await expect(selectFiles(options(root, { ignorePatterns: ['src'] }))).rejects.toThrow(
      'mutate matched no files: src/**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}, !src/**/*.{test,spec}.*, !src/**/__tests__/**, !src/**/*.d.ts; check --mutate, or "mutate" in stryker.config.json',
    );
    await expect(selectFiles(options(root, { mutate: ['!src/a.ts'] }))).rejects.toThrow(
      'mutate matched no files: !src/a.ts; check --mutate, or "mutate" in stryker.config.json',
    );
  });
});

describe('selectFiles with changed lines (--since)', () => {
  const r = (start: number, end = start) => ({ start, end });
  const files = { 'src/a.ts': 'a', 'src/b.ts': 'b', 'src/c.ts': 'c', 'src/a.test.ts': 't', 'lib/d.ts': 'd' };

  it('keeps the selected files that changed, each limited to its changed lines', async () => {
    const root = await tempProject(files);
    const changed = { 'src/a.ts': [r(2, 3)], 'src/c.ts': [r(1), r(7, 9)], 'src/a.test.ts': [r(1)], 'lib/d.ts': [r(1)], 'src/gone.ts': [r(1)] };
    expect(await selectFiles(options(root), changed)).toStrictEqual([
      { path: path.join(root, 'src/a.ts'), name: 'src/a.ts', text: 'a', lineRanges: [r(2, 3)] },
      { path: path.join(root, 'src/c.ts'), name: 'src/c.ts', text: 'c', lineRanges: [r(1), r(7, 9)] },
    ]);
  });

  it('intersects the changed lines with the ranges mutate gives, dropping a file with none in common', async () => {
    const root = await tempProject(files);
    const changed = { 'src/a.ts': [r(2, 12)], 'src/b.ts': [r(1, 3)] };
    expect(await selectFiles(options(root, { mutate: ['src/a.ts:10-20', 'src/b.ts:5-9'] }), changed)).toStrictEqual([
      { path: path.join(root, 'src/a.ts'), name: 'src/a.ts', text: 'a', lineRanges: [r(10, 12)] },
    ]);
  });

  it('gives no files when none of the selected files changed', async () => {
    const root = await tempProject(files);
    expect(await selectFiles(options(root), {})).toEqual([]);
    expect(await selectFiles(options(root), { 'lib/d.ts': [r(1)] })).toEqual([]);
  });

  it('still fails when mutate matches no files at all', async () => {
    const root = await tempProject(files);
    await expect(selectFiles(options(root, { mutate: ['app/**/*.ts'] }), { 'src/a.ts': [r(1)] })).rejects.toThrow(
      'mutate matched no files: app/**/*.ts; check --mutate, or "mutate" in stryker.config.json',
    );
  });
});
