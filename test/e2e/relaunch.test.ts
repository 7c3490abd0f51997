/**
 * `assay run` on Linux with glibc starts again with malloc held to two arenas (src/cli/relaunch.ts).
 * Through the real command on a small project whose test records what the process running it
 * started with (`/proc/self/environ`, fixed at exec) and what its `process.env` says now: the
 * run's process started with `MALLOC_ARENA_MAX=2`, the tests do not see it, a user's own
 * `MALLOC_ARENA_MAX` is left as it is, and the run's exit code comes through.
 */
import { describe, expect, it } from 'vitest';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { repoRoot, toolchains } from '../support/assay.js';
import { tempProject } from '../unit/config/temp-project.js';

const assayBin = path.join(repoRoot, 'bin/assay.js');

const files: Record<string, string> = {
  'package.json': '{ "type": "module" }',
  'src/add.ts': 'export const add = (a: number, b: number) => a + b;\n',
  'test/add.test.ts': `import { appendFileSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { add } from '../src/add';
it('adds', () => {
  const started = readFileSync('/proc/self/environ', 'utf8').split('\\0').find((pair) => pair.startsWith('MALLOC_ARENA_MAX=')) ?? null;
  appendFileSync(new URL('../env.log', import.meta.url), JSON.stringify({ started, now: process.env.MALLOC_ARENA_MAX ?? null }) + '\\n');
  expect(add(2, 3)).toBe(5);
});
`,
};

async function runWith(node: string, env: Record<string, string | undefined>): Promise<{ exitCode: number | undefined; seen: Array<{ started: string | null; now: string | null }> }> {
  const dir = await tempProject(files);
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const result = await execa(node, [assayBin, 'run', '--reporters', 'json'], { cwd: dir, reject: false, env: { FORCE_COLOR: '0', ...env } });
  const lines = (await readFile(path.join(dir, 'env.log'), 'utf8')).trim().split('\n');
  return { exitCode: result.exitCode, seen: lines.map((line) => JSON.parse(line)) };
}

/** Each Node of the matrix once: Node 20 relaunches in a child process, 22.15 and later in place (process.execve). */
const nodes = [...new Set(toolchains.map((toolchain) => toolchain.node))];

describe.runIf(process.platform === 'linux').each(nodes)('the assay command on Linux, with %s', (node) => {
  it('runs in a process started with MALLOC_ARENA_MAX=2, which the tests do not see', async () => {
    const { exitCode, seen } = await runWith(node, { MALLOC_ARENA_MAX: undefined });
    expect(exitCode).toBe(0);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const line of seen) expect(line).toEqual({ started: 'MALLOC_ARENA_MAX=2', now: null });
  });

  it("ends with the run's exit code and its one-line answer", async () => {
    const dir = await tempProject({});
    const result = await execa(node, [assayBin, 'run', '--concurrency', 'many'], { cwd: dir, reject: false, env: { FORCE_COLOR: '0', MALLOC_ARENA_MAX: undefined } });
    expect(result.exitCode).toBe(2);
    expect(String(result.stderr).trim().split('\n')).toHaveLength(1);
    expect(String(result.stderr)).toContain('--concurrency');
  });

  it("leaves a user's own MALLOC_ARENA_MAX as it is", async () => {
    const { exitCode, seen } = await runWith(node, { MALLOC_ARENA_MAX: '4' });
    expect(exitCode).toBe(0);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const line of seen) expect(line).toEqual({ started: 'MALLOC_ARENA_MAX=4', now: '4' });
  });
});
