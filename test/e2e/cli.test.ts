/**
 * The assay command's answers to users: exit codes, one-line messages naming the file or option,
 * warnings, and never a stack trace. Each case builds a small project in a temp dir.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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

/** The vitest major assay advises installing on the Node running this suite: 5 needs Node 22.12. */
const [nodeMajor, nodeMinor] = process.versions.node.split('.').map(Number);
const nodeRunsVitest5 = nodeMajor > 22 || (nodeMajor === 22 && nodeMinor >= 12);

/** A stand-in for an installed vitest of another version: its package.json and the entries it exports. */
const fakeVitest = (version: string) => ({
  'node_modules/vitest/package.json': JSON.stringify({
    name: 'vitest',
    version,
    type: 'module',
    exports: { '.': './dist/index.js', './node': './dist/node.js', './package.json': './package.json' },
  }),
  'node_modules/vitest/dist/index.js': 'export {};\n',
  'node_modules/vitest/dist/node.js': 'export {};\n',
});

interface Case {
  name: string;
  files: Record<string, string>;
  /** The command line after `assay`; `run` when absent. */
  args?: string[];
  linkModules?: boolean;
  exitCode: number;
  /** All of stderr, exactly; `<dir>` is the project, `<t>` the initial run's seconds. */
  message: string;
  /** More checks on the project afterwards. */
  check?: (dir: string) => Promise<void>;
}
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

  const cases: Case[] = [
    // The project
    { name: 'no package.json', files: {}, exitCode: 2, message: "assay: no package.json in <dir>: run assay from your project's root" },
    {
      name: 'vitest not installed',
      files: { ...greet },
      linkModules: false,
      exitCode: 2,
      message: "assay: vitest is not installed in <dir>: run 'npm i -D vitest' (assay supports vitest 4.x and 5.x)",
    },
    {
      name: 'vitest installed in an unsupported version',
      files: { ...greet, ...fakeVitest('3.2.4') },
      linkModules: false,
      exitCode: 2,
      message: `assay: vitest 3.2.4 is not supported: assay supports vitest 4.x and 5.x; upgrade with 'npm i -D vitest@${nodeRunsVitest5 ? 5 : 4}'`,
    },
    {
      name: 'vitest installed in a version newer than supported',
      files: { ...greet, ...fakeVitest('6.0.0') },
      linkModules: false,
      exitCode: 2,
      message: `assay: vitest 6.0.0 is not supported: assay supports vitest 4.x and 5.x; install a supported one with 'npm i -D vitest@${nodeRunsVitest5 ? 5 : 4}'`,
    },
    // Only where this suite's Node is older than vitest 5 needs.
    ...(nodeRunsVitest5
      ? []
      : [
          {
            name: 'vitest 5 on a Node older than it needs',
            files: { ...greet, ...fakeVitest('5.1.2') },
            linkModules: false,
            exitCode: 2,
            message: `assay: vitest 5.1.2 needs Node 22.12 or newer, and this is Node ${process.versions.node}: run assay with a newer Node, or use vitest 4 ('npm i -D vitest@4')`,
          },
        ]),
    // The config file
    {
      name: 'malformed config file',
      files: { ...greet, 'stryker.config.json': '{ "mutate": ' },
      exitCode: 2,
      message: 'assay: stryker.config.json: invalid JSON: Unexpected end of JSON input',
    },
    {
      name: 'a config file with a missing comma',
      files: { ...greet, 'stryker.config.json': '{\n  "concurrency": 2\n  "timeoutMS": 1\n}\n' },
      exitCode: 2,
      message: "assay: stryker.config.json: invalid JSON at line 3, column 3: Expected ',' or '}' after property value",
    },
    {
      name: 'a JavaScript config file with a syntax error',
      files: { ...greet, 'stryker.config.mjs': 'export default {\n  concurrency: 2,,\n};\n' },
      exitCode: 2,
      message: "assay: stryker.config.mjs: could not be loaded: SyntaxError: Unexpected token ','",
    },
    {
      name: 'unknown keys (a warning each, and the run goes on)',
      files: { ...greet, 'stryker.config.json': '{ "foo": 1, "thresholds": { "hihg": 90 }, "packageManager": "npm" }' },
      args: ['run', '--reporters', 'clear-text'],
      exitCode: 0,
      message: [
        "assay: warning: unknown option 'foo' in stryker.config.json, ignored",
        "assay: warning: unknown option 'thresholds.hihg' in stryker.config.json, ignored",
        "assay: warning: StrykerJS option 'packageManager' in stryker.config.json is not used by assay, ignored",
        'assay: 2 mutants, 2 to run against 1 tests (initial run <t> s)',
        'assay: coverage written to reports/coverage/ (lcov.info, coverage-final.json) and reports/assay-summary.json',
      ].join('\n'),
    },
    {
      name: 'wrong type',
      files: { ...greet, 'stryker.config.json': '{ "concurrency": "two" }' },
      exitCode: 2,
      message: 'assay: stryker.config.json: "concurrency" must be a positive integer, got "two"',
    },
    {
      name: 'testRunner other than vitest',
      files: { ...greet, 'stryker.config.json': '{ "testRunner": "jest" }' },
      exitCode: 2,
      message: 'assay: stryker.config.json: "testRunner" must be "vitest" (assay only runs vitest suites), got "jest"',
    },
    {
      name: 'mutate not an array',
      files: { ...greet, 'stryker.config.json': '{ "mutate": "src/**/*.ts" }' },
      exitCode: 2,
      message: 'assay: stryker.config.json: "mutate" must be an array of strings, got "src/**/*.ts"',
    },
    {
      name: 'thresholds with low above high',
      files: { ...greet, 'stryker.config.json': '{ "thresholds": { "high": 70, "low": 75 } }' },
      exitCode: 2,
      message: 'assay: stryker.config.json: "thresholds.high" must be greater than or equal to "thresholds.low" (75), got 70',
    },
    {
      name: 'mutate matching nothing, from the config file',
      files: { ...greet, 'stryker.config.json': '{ "mutate": ["lib/**/*.ts"] }' },
      exitCode: 2,
      message: 'assay: mutate matched no files: lib/**/*.ts; check --mutate, or "mutate" in stryker.config.json',
    },
    {
      name: 'a vitest config file named in the config file that does not exist',
      files: { ...greet, 'stryker.config.json': '{ "vitest": { "configFile": "vitest.mutation.ts" } }' },
      exitCode: 2,
      message: 'assay: stryker.config.json: "vitest.configFile" must name an existing file, got "vitest.mutation.ts"',
    },
    // Flags and commands
    {
      name: '--config-file naming a file that does not exist',
      files: { ...greet },
      args: ['run', '--config-file', 'stryker.ci.json'],
      exitCode: 2,
      message: 'assay: --config-file must name an existing file, got "stryker.ci.json"',
    },
    {
      name: '--vitest-config-file naming a file that does not exist',
      files: { ...greet },
      args: ['run', '--vitest-config-file', 'vitest.unit.config.ts'],
      exitCode: 2,
      message: 'assay: --vitest-config-file must name an existing file, got "vitest.unit.config.ts"',
    },
    {
      name: 'mutate matching nothing, from --mutate',
      files: { ...greet },
      args: ['run', '--mutate', 'lib/**/*.ts'],
      exitCode: 2,
      message: 'assay: mutate matched no files: lib/**/*.ts; check --mutate, or "mutate" in stryker.config.json',
    },
    {
      name: 'an unknown --isolation',
      files: { ...greet },
      args: ['run', '--isolation', 'fast'],
      exitCode: 2,
      message: 'assay: --isolation must be one of "batch", "full", got "fast"',
    },
    {
      name: 'an unknown --coverage-analysis',
      files: { ...greet },
      args: ['run', '--coverage-analysis', 'pertest'],
      exitCode: 2,
      message: 'assay: --coverage-analysis must be one of "perTest", "all", "off", got "pertest"',
    },
    {
      name: 'an unknown reporter',
      files: { ...greet },
      args: ['run', '--reporters', 'clear-text,dashboard'],
      exitCode: 2,
      message: 'assay: --reporters must be one of "clear-text", "progress", "json", "html", "dots", "markdown", "junit", "sarif", got "dashboard"',
    },
    {
      name: 'a negative --timeout-ms',
      files: { ...greet },
      args: ['run', '--timeout-ms', '-5'],
      exitCode: 2,
      message: 'assay: --timeout-ms must be a number of 0 or more, got -5',
    },
    {
      name: 'a --threshold-break above 100',
      files: { ...greet },
      args: ['run', '--threshold-break', '150'],
      exitCode: 2,
      message: 'assay: --threshold-break must be a number from 0 to 100, got 150',
    },
    {
      name: 'a memory limit of zero',
      files: { ...greet },
      args: ['run', '--memory-limit', '0'],
      exitCode: 2,
      message: 'assay: --memory-limit must be a positive integer, got 0',
    },
    {
      name: 'a flag value that is not a number',
      files: { ...greet },
      args: ['run', '--concurrency', 'x'],
      exitCode: 2,
      message: 'assay: --concurrency must be a number, got "x"',
    },
    {
      name: '--since outside a git repository',
      files: { ...greet },
      args: ['run', '--since', 'main'],
      exitCode: 2,
      message: 'assay: --since needs a git repository, and <dir> is not in one',
    },
    {
      name: 'an empty --since',
      files: { ...greet },
      args: ['run', '--since', ''],
      exitCode: 2,
      message: 'assay: --since must be a git ref (a branch, tag or commit), got ""',
    },
    {
      name: 'an unknown flag',
      files: { ...greet },
      args: ['run', '--isolaton', 'full'],
      exitCode: 2,
      message: "assay: unknown option '--isolaton' (did you mean --isolation?); add --help for usage",
    },
    {
      name: 'an unknown command',
      files: { ...greet },
      args: ['runn'],
      exitCode: 2,
      message: "assay: unknown command 'runn' (did you mean run?); add --help for usage",
    },
    {
      name: 'which-tests with a malformed spec',
      files: { ...greet },
      args: ['which-tests', 'src/greet.ts'],
      exitCode: 2,
      message: "assay: which-tests takes <file>:<line>, e.g. src/cart.ts:42; got 'src/greet.ts'",
    },
    {
      name: 'which-tests with no previous run',
      files: { ...greet },
      args: ['which-tests', 'src/greet.ts:1'],
      exitCode: 2,
      message: "assay: no saved coverage contexts (reports/assay-contexts.json): run 'assay run' first",
    },
    // The vitest config file
    {
      name: 'a vitest config file that throws',
      files: { ...greet, 'vitest.config.ts': "throw new Error('VITEST_POOL is not set');\n" },
      exitCode: 2,
      message: "assay: vitest.config.ts: could not be loaded: VITEST_POOL is not set; the error is in that file ('npx vitest run' fails the same way)",
    },
    {
      name: 'a vitest config file with a syntax error',
      files: { ...greet, 'vitest.config.ts': "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['test/**'] },, });\n" },
      exitCode: 2,
      message:
        "assay: vitest.config.ts: could not be loaded: syntax error at line 2, column 62: Unexpected token; the error is in that file ('npx vitest run' fails the same way)",
    },
    {
      name: "the config file of one of vitest's projects that throws",
      files: {
        ...greet,
        'vitest.config.ts': "export default { test: { projects: [{ test: { name: 'unit' } }, 'packages/api'] } };\n",
        'packages/api/package.json': '{}',
        'packages/api/vitest.config.ts': "throw new Error('API_URL is not set');\n",
      },
      exitCode: 2,
      message: "assay: packages/api/vitest.config.ts: could not be loaded: API_URL is not set; the error is in that file ('npx vitest run' fails the same way)",
    },
    // The TypeScript checker
    {
      name: '--checkers typescript without a tsconfig',
      files: greet,
      args: ['run', '--checkers', 'typescript'],
      exitCode: 2,
      message: 'assay: tsconfigFile: tsconfig.json does not exist; set "tsconfigFile" in the config file to the tsconfig the TypeScript checker should compile',
    },
    {
      name: 'a project that does not type-check before mutation',
      files: { ...greet, 'tsconfig.json': '{ "compilerOptions": { "strict": true, "noEmit": true, "types": [] }, "include": ["src"] }\n', 'src/count.ts': 'export const count: number = "one";\n' },
      args: ['run', '--checkers', 'typescript'],
      exitCode: 2,
      message: `assay: src/count.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'. (the project does not type-check before mutation: fix it, or leave "typescript" out of "checkers")`,
    },
    {
      name: 'an unknown checker',
      files: greet,
      args: ['run', '--checkers', 'flow'],
      exitCode: 2,
      message: 'assay: --checkers must be one of "typescript", got "flow"',
    },
    // The suite and the sources
    {
      name: 'no test files',
      files: { ...pkg, 'src/greet.ts': greet['src/greet.ts'] },
      exitCode: 3,
      message: "assay: vitest found no tests to run: check 'include' in your vitest config",
    },
    {
      name: 'a suite that fails without mutants',
      files: { ...greet, 'test/greet.test.ts': "import { expect, it } from 'vitest';\nimport { greet } from '../src/greet';\nit('fails', () => { expect(greet('ann')).toBe(2); });\n" },
      exitCode: 3,
      message:
        "assay: the test suite fails without any mutant (initial test run); fix it first ('npx vitest run'):\n  test/greet.test.ts > fails: AssertionError: expected 'hi ann' to be 2 // Object.is equality",
    },
    {
      name: 'a failing test file that cannot reach a mutated file (it does not run: no verdict depends on it)',
      files: { ...greet, 'test/other.test.ts': "import { expect, it } from 'vitest';\nit('fails', () => { expect(1).toBe(2); });\n" },
      args: ['run', '--reporters', 'json'],
      exitCode: 0,
      message: [
        'assay: 2 mutants, 2 to run against 1 tests (initial run <t> s; 1 of 2 test files cannot reach the mutated files and did not run)',
        'assay: JSON report written to reports/mutation/mutation.json',
        'assay: coverage written to reports/coverage/ (lcov.info, coverage-final.json) and reports/assay-summary.json',
      ].join('\n'),
    },
    {
      name: 'a source file with a syntax error (skipped, the others mutated)',
      // No test imports src/broken.ts.
      files: { ...greet, 'src/broken.ts': 'export function double(a: number) {\n  return a +* 2;\n}\n' },
      args: ['run', '--reporters', 'json'],
      exitCode: 0,
      message: [
        'assay: warning: skipped src/broken.ts: syntax error at line 2, column 13: Expression expected.',
        'assay: 2 mutants, 2 to run against 1 tests (initial run <t> s)',
        'assay: JSON report written to reports/mutation/mutation.json',
        'assay: coverage written to reports/coverage/ (lcov.info, coverage-final.json) and reports/assay-summary.json',
      ].join('\n'),
      check: async (dir) => {
        // No mutants at all in the broken file (not even NoCoverage ones): it is in no report.
        const report = JSON.parse(await readFile(path.join(dir, 'reports/mutation/mutation.json'), 'utf8')) as { files: Record<string, { mutants: unknown[] }> };
        expect(Object.keys(report.files)).toEqual(['src/greet.ts']);
        expect(report.files['src/greet.ts'].mutants).toHaveLength(2);
        const summary = JSON.parse(await readFile(path.join(dir, 'reports/assay-summary.json'), 'utf8')) as { files: Record<string, unknown> };
        expect(Object.keys(summary.files)).toEqual(['src/greet.ts']);
      },
    },
  ];

  for (const c of cases) {
    it(`answers ${c.name} with exit ${c.exitCode} and one clear message`, async () => {
      const dir = await project(c.files, { linkModules: c.linkModules });
      const { exitCode, stderr } = await assay(dir, ...(c.args ?? ['run']));
      const shown = stderr
        .replace(/npm warn.*\n/g, '')
        .replace(/\(initial run \d+(\.\d+)? s([;)])/g, '(initial run <t> s$2')
        .trim();
      expect(shown).toBe(c.message.replaceAll('<dir>', dir));
      expect(exitCode).toBe(c.exitCode);
      await c.check?.(dir);
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
    const leaves = "import { expect, it } from 'vitest';\nimport { greet } from '../src/greet';\nit('greets', () => {\n  (Array.prototype as unknown as Record<string, unknown>).leftover = 1;\n  expect(greet('ann')).toContain('ann');\n});\n";
    const dir = await project({ ...greet, 'test/a.test.ts': leaves, 'test/b.test.ts': leaves });
    // One thread, so the second file to run finds what the first left.
    const { exitCode, stderr, stdout } = await assay(dir, 'run', '--concurrency', '1', '--reporters', 'clear-text');
    expect(stderr).toMatch(/assay: warning: test files leave global state behind for the next one \(Array\.leftover, found by test\/\w+\.test\.ts\): every test file gets a fresh thread, which is slower\n/);
    expect(stdout).toContain('src/greet.ts:1:40  StringLiteral');
    expect(exitCode).toBe(0);
  });

  it('lets test files share a thread when they leave environment variables and globals behind: the next file finds them put back', async () => {
    // Each file sets what it reads, and expects the other's to be gone, as in a fresh thread.
    const leaves = (own: string, other: string) =>
      `import { expect, it } from 'vitest';\nimport { greet } from '../src/greet';\nit('greets', () => {\n  expect(process.env.${other}).toBeUndefined();\n  expect((globalThis as Record<string, unknown>).${other}).toBeUndefined();\n  process.env.${own} = '1';\n  (globalThis as Record<string, unknown>).${own} = 1;\n  expect(greet('ann')).toContain('ann');\n});\n`;
    const dir = await project({ ...greet, 'test/a.test.ts': leaves('LEFT_BY_A', 'LEFT_BY_B'), 'test/b.test.ts': leaves('LEFT_BY_B', 'LEFT_BY_A') });
    const { exitCode, stderr, stdout } = await assay(dir, 'run', '--concurrency', '1', '--reporters', 'clear-text');
    expect(stderr).not.toContain('global state');
    expect(stdout).toContain('src/greet.ts:1:40  StringLiteral');
    expect(exitCode).toBe(0);
  });

  it('lets test files share a thread when a library they load defines a global singleton (zod)', async () => {
    // zod 4 defines globalThis.__zod_globalConfig as it loads: the second file finds it.
    const name = "import { z } from 'zod';\nexport const name = (value: unknown) => 'hi ' + z.string().parse(value);\n";
    const test = "import { expect, it } from 'vitest';\nimport { name } from '../src/name';\nit('greets', () => { expect(name('ann')).toContain('ann'); });\n";
    const dir = await project({ ...pkg, 'src/name.ts': name, 'test/a.test.ts': test, 'test/b.test.ts': test });
    const { exitCode, stderr } = await assay(dir, 'run', '--concurrency', '1', '--reporters', 'clear-text');
    expect(stderr).toContain('assay: 2 mutants');
    expect(stderr).not.toContain('global state');
    expect(exitCode).toBe(0);
  });
});

