/**
 * A small vitest project whose tests take a while (each waits before it checks a price), for
 * tests that stop a run midway. A test that starts writes the file named by ASSAY_TEST_RUNNING,
 * if set, so the caller knows a vitest run is under way. The caller removes the directory.
 */
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './assay.js';

const source = `export function price(n: number, vip: boolean): number {
  let total = n * 10;
  if (vip && n > 2) total = total - 5;
  if (n >= 10) total = total * 0.9;
  return total;
}
`;

/** `files` test files, each test waiting `waitMs`; in a fresh temp dir named after `prefix`. */
export async function slowProject(prefix: string, files: number, waitMs: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await mkdir(path.join(dir, 'src'));
  await mkdir(path.join(dir, 'test'));
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  await writeFile(path.join(dir, 'src/calc.ts'), source);
  for (let i = 1; i <= files; i++) {
    await writeFile(
      path.join(dir, `test/calc${i}.test.ts`),
      `import { writeFileSync } from 'node:fs';\nimport { expect, it } from 'vitest';\nimport { price } from '../src/calc';\nit('prices ${i}', async () => {\n  if (process.env.ASSAY_TEST_RUNNING) writeFileSync(process.env.ASSAY_TEST_RUNNING, '');\n  await new Promise((done) => setTimeout(done, ${waitMs}));\n  expect(price(${i}, ${i % 2 === 0})).toBeGreaterThan(0);\n  expect(price(12, true)).toBe(103.5);\n});\n`,
    );
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Waits until `condition` holds, checking every 50 ms; fails after `timeoutMs`. */
export async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 50));
  }
}
