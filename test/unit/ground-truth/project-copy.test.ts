import { afterEach, describe, expect, it } from 'vitest';
import { lstat, mkdir, mkdtemp, readFile, readlink, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copyProject } from '../../../ground-truth/project-copy.js';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'assay-copy-test-')));
  made.push(dir);
  return dir;
}

async function put(file: string, text = ''): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

describe('copyProject', () => {
  it('copies sources, leaves out reports, and links a linked node_modules to its real path', async () => {
    const [store, project, target] = [await tempDir(), await tempDir(), path.join(await tempDir(), 'copy')];
    await put(path.join(store, 'vitest/package.json'), '{}');
    await put(path.join(project, 'src/a.ts'), 'export const a = 1;\n');
    await put(path.join(project, 'reports/mutation/mutation.json'), '{}');
    await symlink(store, path.join(project, 'node_modules'));
    await copyProject(project, target);
    expect(await readFile(path.join(target, 'src/a.ts'), 'utf8')).toBe('export const a = 1;\n');
    await expect(lstat(path.join(target, 'reports'))).rejects.toThrow('ENOENT');
    expect(await readlink(path.join(target, 'node_modules'))).toBe(store);
  });

  it('in a real node_modules, links workspace packages into the copy and everything else to the original', async () => {
    const [project, target] = [await tempDir(), path.join(await tempDir(), 'copy')];
    await put(path.join(project, 'packages/core/index.js'), 'export default 1;\n');
    await put(path.join(project, 'node_modules/vitest/package.json'), '{}');
    await put(path.join(project, 'node_modules/.vite/results.json'), '{}');
    await mkdir(path.join(project, 'node_modules/@mono'));
    await symlink('../../packages/core', path.join(project, 'node_modules/@mono/core'));
    // pnpm's shape: a package's own node_modules links a sibling package.
    await put(path.join(project, 'packages/app/index.js'));
    await mkdir(path.join(project, 'packages/app/node_modules/@mono'), { recursive: true });
    await symlink('../../../core', path.join(project, 'packages/app/node_modules/@mono/core'));
    await copyProject(project, target);

    expect(await realpath(path.join(target, 'node_modules/@mono/core'))).toBe(path.join(target, 'packages/core'));
    expect(await realpath(path.join(target, 'packages/app/node_modules/@mono/core'))).toBe(path.join(target, 'packages/core'));
    expect(await readlink(path.join(target, 'node_modules/vitest'))).toBe(path.join(project, 'node_modules/vitest'));
    await expect(lstat(path.join(target, 'node_modules/.vite'))).rejects.toThrow('ENOENT');
  });

  it("leaves out a dangling link in a nested node_modules (a package manager's leftover)", async () => {
    const [project, target] = [await tempDir(), path.join(await tempDir(), 'copy')];
    await put(path.join(project, 'node_modules/vitest/package.json'), '{}');
    await mkdir(path.join(project, 'examples/basic/node_modules'), { recursive: true });
    await symlink('../../../node_modules/.pnpm/jiti/node_modules/jiti', path.join(project, 'examples/basic/node_modules/jiti'));
    await copyProject(project, target);
    await expect(lstat(path.join(target, 'examples/basic/node_modules/jiti'))).rejects.toThrow('ENOENT');
    expect(await readlink(path.join(target, 'node_modules/vitest'))).toBe(path.join(project, 'node_modules/vitest'));
  });
});
