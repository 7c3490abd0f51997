/**
 * The assay command's answers to users: exit codes, one-line messages naming the file or option,
 * warnings, and never a stack trace. Each case builds a small project in a temp dir.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { repoRoot } from '../support/assay.js';

const assayBin = path.join(repoRoot, 'bin/assay.js');
const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A project with `files` (path → content) and, unless told otherwise, node_modules linked in. */
async function project(files: Record<string, string>, { linkModules = true } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-cli-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  if (linkModules) await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

async function assay(dir: string, ...args: string[]) {
  const result = await execa(process.execPath, [assayBin, ...args], { cwd: dir, reject: false, env: { FORCE_COLOR: '0' } });
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}

const pkg = { 'package.json': '{ "type": "module" }' };
const greet = {
  ...pkg,
  'src/greet.ts': "export const greet = (name: string) => 'hi ' + name;\n",
  'test/greet.test.ts':
    "import { expect, it } from 'vitest';\nimport { greet } from '../src/greet';\nit('greets', () => { expect(greet('ann')).toContain('ann'); });\n",
};

describe('assay command', () => {
  it('prints its version', async () => {
    const { exitCode, stdout } = await assay(repoRoot, '--version');
    expect(exitCode).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'))).version);
  });

  it('prints help with the run command', async () => {
    const { exitCode, stdout } = await assay(repoRoot, '--help');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('run [options]');
  });

  const cases: Array<{ name: string; files: Record<string, string>; args?: string[]; linkModules?: boolean; exitCode: number; message: string }> = [
    { name: 'no package.json', files: {}, exitCode: 2, message: "assay: no package.json in <dir>: run assay from your project's root" },
    {
      name: 'testRunner other than vitest',
      files: { ...greet, 'stryker.config.json': '{ "testRunner": "jest" }' },
      exitCode: 2,
      message: 'assay: stryker.config.json: "testRunner" must be "vitest" (assay only runs vitest suites), got "jest"',
    },
    {
      name: 'wrong type',
      files: { ...greet, 'stryker.config.json': '{ "concurrency": "two" }' },
      exitCode: 2,
      message: 'assay: stryker.config.json: "concurrency" must be a positive integer, got "two"',
    },
    {
      name: 'malformed config file',
      files: { ...greet, 'stryker.config.json': '{ "mutate": ' },
      exitCode: 2,
      message: 'assay: stryker.config.json: invalid JSON: Unexpected end of JSON input',
    },
    {
      name: 'mutate matching nothing',
      files: { ...greet },
      args: ['--mutate', 'lib/**/*.ts'],
      exitCode: 2,
      message: "assay: mutate matched no files: lib/**/*.ts; check 'mutate' in stryker.config.json",
    },
    {
      name: 'vitest not installed',
      files: { ...greet },
      linkModules: false,
      exitCode: 2,
      message: "assay: vitest is not installed in <dir>: run 'npm i -D vitest' (assay supports vitest 4.x)",
    },
    {
      name: 'a suite that fails without mutants',
      files: { ...greet, 'test/greet.test.ts': "import { expect, it } from 'vitest';\nit('fails', () => { expect(1).toBe(2); });\n" },
      exitCode: 3,
      message:
        "assay: the test suite fails without any mutant (initial test run); fix it first ('npx vitest run'):\n  test/greet.test.ts > fails: AssertionError: expected 1 to be 2 // Object.is equality",
    },
    {
      name: 'a memory limit of zero',
      files: { ...greet },
      args: ['--memory-limit', '0'],
      exitCode: 2,
      message: 'assay: --memory-limit must be a positive integer, got 0',
    },
    {
      name: 'a bad flag value',
      files: { ...greet },
      args: ['--concurrency', 'x'],
      exitCode: 2,
      message: "error: option '--concurrency <n>' argument 'x' is invalid. expected a number\n(add --help for usage)",
    },
  ];

  for (const c of cases) {
    it(`answers ${c.name} with exit ${c.exitCode} and one clear message`, async () => {
      const dir = await project(c.files, { linkModules: c.linkModules });
      const { exitCode, stderr } = await assay(dir, 'run', ...(c.args ?? []));
      expect(stderr.replace(/npm warn.*\n/g, '').trim()).toBe(c.message.replaceAll('<dir>', dir));
      expect(exitCode).toBe(c.exitCode);
    });
  }

  it('warns once per unknown key, runs, and exits 1 below the break threshold', async () => {
    const dir = await project({ ...greet, 'stryker.config.json': '{ "foo": 1, "packageManager": "npm" }' });
    const { exitCode, stderr, stdout } = await assay(dir, 'run', '--threshold-break', '100', '--reporters', 'clear-text');
    expect(stderr).toContain("assay: warning: unknown option 'foo' in stryker.config.json, ignored\n");
    expect(stderr).toContain("assay: warning: StrykerJS option 'packageManager' in stryker.config.json is not used by assay, ignored\n");
    // Two mutants: 'hi ' → "" survives (the test only checks the name is in the result), + → - is killed.
    expect(stdout).toContain('src/greet.ts:1:40  StringLiteral');
    expect(stderr).toContain('assay: Final mutation score 50.00 is under break threshold 100.');
    expect(exitCode).toBe(1);
  });

  it('gives every test file a fresh thread, and says so, when test files leave global state for the next', async () => {
    const leaves = "import { expect, it } from 'vitest';\nimport { greet } from '../src/greet';\nit('greets', () => {\n  (globalThis as Record<string, unknown>).leftover = 1;\n  expect(greet('ann')).toContain('ann');\n});\n";
    const dir = await project({ ...greet, 'test/a.test.ts': leaves, 'test/b.test.ts': leaves });
    // One thread, so the second file to run finds what the first left.
    const { exitCode, stderr, stdout } = await assay(dir, 'run', '--concurrency', '1', '--reporters', 'clear-text');
    expect(stderr).toMatch(/assay: warning: test files leave global state behind for the next one \(leftover, found by test\/\w+\.test\.ts\): every test file gets a fresh thread, which is slower\n/);
    expect(stdout).toContain('src/greet.ts:1:40  StringLiteral');
    expect(exitCode).toBe(0);
  });
});

