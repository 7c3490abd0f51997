/** listedFileOf: which selected file a vite module id names, through symlinks either way. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listedFileOf, withoutQuery } from '../../src/listed-file.js';

describe('listedFileOf', () => {
  // root/packages/core/src/pricing.ts, linked as root/node_modules/@mono/core, as npm links a workspace package.
  let root: string;
  let pricing: string;
  let linked: string;
  beforeAll(async () => {
    root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'assay-listed-file-')));
    pricing = path.join(root, 'packages/core/src/pricing.ts');
    linked = path.join(root, 'node_modules/@mono/core/src/pricing.ts');
    await mkdir(path.dirname(pricing), { recursive: true });
    await writeFile(pricing, 'export const rate = 0.2;\n');
    await writeFile(path.join(root, 'packages/core/src/other.ts'), 'export {};\n');
    await mkdir(path.join(root, 'node_modules/@mono'), { recursive: true });
    await symlink('../../packages/core', path.join(root, 'node_modules/@mono/core'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds a listed file by its own path, query and hash ignored', () => {
    const listedFile = listedFileOf([pricing]);
    expect(listedFile(pricing)).toBe(pricing);
    expect(listedFile(`${pricing}?v=1`)).toBe(pricing);
    expect(listedFile(`${pricing}#x`)).toBe(pricing);
  });

  it('finds a listed file through a link to its folder (vite keeping symlinks)', () => {
    expect(listedFileOf([pricing])(linked)).toBe(pricing);
    expect(listedFileOf([pricing])(`${linked}?import`)).toBe(pricing);
  });

  it('finds a file listed by a path through a link when vite names it by its real path', () => {
    expect(listedFileOf([linked])(pricing)).toBe(linked);
  });

  it('finds nothing for other files, missing files and virtual modules', () => {
    const listedFile = listedFileOf([pricing]);
    expect(listedFile(path.join(root, 'packages/core/src/other.ts'))).toBeUndefined();
    expect(listedFile(path.join(root, 'node_modules/@mono/core/src/other.ts'))).toBeUndefined();
    expect(listedFile(path.join(root, 'packages/core/src/missing.ts'))).toBeUndefined();
    expect(listedFile('\0virtual:assay')).toBeUndefined();
  });
});

describe('withoutQuery', () => {
  it('cuts at the first ? or #', () => {
    expect(withoutQuery('/a/b.ts?v=1#x')).toBe('/a/b.ts');
    expect(withoutQuery('/a/b.ts#x?y')).toBe('/a/b.ts');
    expect(withoutQuery('/a/b.ts')).toBe('/a/b.ts');
  });
});
