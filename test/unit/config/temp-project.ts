/** Creates throwaway project directories for tests: `tempProject({ 'src/a.ts': 'x' })`. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A temp dir holding `files` (path → contents); objects are written as JSON. Removed after each test. */
export async function tempProject(files: Record<string, string | object>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-test-'));
  created.push(dir);
  for (const [name, contents] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof contents === 'string' ? contents : JSON.stringify(contents, null, 2));
  }
  return dir;
}
