/**
 * `assay run --since <ref>` on real git repositories built in temp dirs: commits on main, a
 * feature branch, a modified function, an added file, a renamed file with one line changed, a
 * deleted file, a changed file outside `mutate`, an uncommitted edit, a project in a subdirectory.
 * Each run is the real command; the checks are the exact mutants of its JSON report and their
 * verdicts, and, for every way git can refuse, the exact message and exit code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { repoRoot, runAssay, type MutantVerdict } from '../support/assay.js';
import { GitRepo } from '../support/git-repo.js';

const assayBin = path.join(repoRoot, 'bin/assay.js');
const repos: GitRepo[] = [];
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(repos.map((repo) => repo.remove()));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A repository on main holding `files`, committed, with node_modules linked into `project` (a subdirectory, or the root). */
async function repository(files: Record<string, string>, project = '.'): Promise<GitRepo> {
  const repo = await GitRepo.init('assay-since-');
  repos.push(repo);
  await repo.write({ '.gitignore': 'node_modules\nreports/\n', ...files });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(repo.dir, project, 'node_modules'), 'dir');
  await repo.commit('start');
  return repo;
}

/** `assay` with `args` in `dir`; `env` adds to (or, for PATH, replaces) the environment. */
async function assay(dir: string, args: string[], env: Record<string, string> = {}) {
  const result = await execa(process.execPath, [assayBin, ...args], { cwd: dir, reject: false, env: { FORCE_COLOR: '0', ...env } });
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr).trim() };
}

/** Verdicts without columns: what the checks compare (file, line, mutator, replacement, status). */
const mutants = (verdicts: MutantVerdict[]) => verdicts.map(({ file, line, mutator, replacement, status }) => ({ file, line, mutator, replacement, status }));

const pkg = { 'package.json': '{ "type": "module" }\n' };
const vitestConfig = { 'vitest.config.ts': "export default { test: { include: ['test/**/*.test.ts'] } };\n" };

const PRICE = `export function subtotal(items: { price: number; qty: number }[]): number {
  return items.reduce((sum, item) => sum + item.price * item.qty, 0);
}

export function shipping(amount: number): number {
  return amount >= 50 ? 0 : 5;
}

export function tax(amount: number): number {
  return amount * 0.2;
}
`;
const PRICE_TEST = `import { expect, it } from 'vitest';
import { shipping, subtotal, tax } from '../src/price';
it('adds up', () => { expect(subtotal([{ price: 2, qty: 3 }, { price: 1, qty: 1 }])).toBe(7); });
it('ships', () => { expect(shipping(10)).toBeGreaterThan(0); expect(shipping(500)).toBe(0); });
it('taxes', () => { expect(tax(10)).toBe(2); });
`;
const FORMAT = `export function money(cents: number): string {
  return '$' + (cents / 100).toFixed(2);
}

export function label(name: string): string {
  return name.trim().toUpperCase();
}
`;
const formatTest = (module: string) => `import { expect, it } from 'vitest';
import { label, money } from '../src/${module}';
it('shows money', () => { expect(money(1234)).toBe('$12.34'); });
it('labels', () => { expect(label(' Ann ')).toContain('nn'); });
`;
const STOCK = `export function inStock(count: number): boolean {
  return count > 0;
}

export function reorder(count: number): boolean {
  return count < 10;
}
`;
const STOCK_TEST = `import { expect, it } from 'vitest';
import { inStock, reorder } from '../src/stock';
it('knows what is in stock', () => { expect(inStock(1)).toBe(true); expect(inStock(0)).toBe(false); });
it('reorders when low', () => { expect(reorder(3)).toBe(true); });
`;

const CLAMP = `export function clamp(n: number, max: number): number {
  if (n < 0) return 0;
  if (n > max) return max;
  return n;
}

export function double(n: number): number {
  return n * 2;
}
`;
const CLAMP_TEST = `import { expect, it } from 'vitest';
import { clamp, double } from '../src/clamp';
it('clamps', () => { expect(clamp(-1, 5)).toBe(0); expect(clamp(9, 5)).toBe(5); expect(clamp(3, 5)).toBe(3); });
it('doubles', () => { expect(double(2)).toBe(4); });
`;
/** Ten functions, each with a test that checks it well. */
const CALC = `export function add(a: number, b: number): number {
  return a + b;
}

export function percentOf(value: number, percent: number): number {
  return value * percent / 100;
}

export function isAdult(age: number): boolean {
  return age >= 18;
}

export function grade(score: number): string {
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  return 'C';
}

export function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function initials(name: string): string {
  return name.split(' ').map((part) => part[0]).join('');
}

export function clampScore(score: number): number {
  return Math.min(100, Math.max(0, score));
}

export function isWeekend(day: number): boolean {
  return day === 0 || day === 6;
}

export function countdown(from: number): number[] {
  const out: number[] = [];
  for (let i = from; i > 0; i--) out.push(i);
  return out;
}

export function greet(name: string): string {
  return name === '' ? 'Hello!' : \`Hello, \${name}!\`;
}
`;
const CALC_TEST = `import { describe, expect, it } from 'vitest';
import * as calc from '../src/calc';
describe('calc', () => {
  it('adds', () => { expect(calc.add(2, 3)).toBe(5); });
  it('takes a percentage', () => { expect(calc.percentOf(200, 10)).toBe(20); });
  it('knows adults', () => { expect(calc.isAdult(18)).toBe(true); expect(calc.isAdult(17)).toBe(false); });
  it('grades', () => { expect([95, 90, 80, 75, 10].map(calc.grade)).toEqual(['A', 'A', 'B', 'B', 'C']); });
  it('sums', () => { expect(calc.sum([1, 2, 3])).toBe(6); expect(calc.sum([])).toBe(0); });
  it('takes initials', () => { expect(calc.initials('Ada Lovelace')).toBe('AL'); });
  it('clamps scores', () => { expect([-5, 50, 500].map(calc.clampScore)).toEqual([0, 50, 100]); });
  it('knows weekends', () => { expect([0, 3, 6].map(calc.isWeekend)).toEqual([true, false, true]); });
  it('counts down', () => { expect(calc.countdown(3)).toEqual([3, 2, 1]); expect(calc.countdown(0)).toEqual([]); });
  it('greets', () => { expect(calc.greet('Ann')).toBe('Hello, Ann!'); expect(calc.greet('')).toBe('Hello!'); });
});
`;
/** A tiny project whose test leaves a file behind when vitest runs it. */
const MARKED = {
  'src/one.ts': '// one\nexport const one = 1;\n',
  'test/one.test.ts':
    "import { writeFileSync } from 'node:fs';\nimport { expect, it } from 'vitest';\nimport { one } from '../src/one';\nwriteFileSync(new URL('../vitest-ran', import.meta.url), '');\nit('is one', () => { expect(one + 1).toBe(2); });\n",
};

describe('assay run --since', () => {
  it('mutates exactly the lines changed since the merge-base: modified, added, renamed, uncommitted; not deleted files, files outside mutate, or main’s own later commits', async () => {
    const repo = await repository({
      ...pkg,
      ...vitestConfig,
      'src/price.ts': PRICE,
      'test/price.test.ts': PRICE_TEST,
      'src/format.ts': FORMAT,
      'test/format.test.ts': formatTest('format'),
      'src/legacy.ts': 'export const legacyRate = (n: number) => n * 3;\n',
      'test/legacy.test.ts': "import { expect, it } from 'vitest';\nimport { legacyRate } from '../src/legacy';\nit('rates', () => { expect(legacyRate(2)).toBe(6); });\n",
      'src/stock.ts': STOCK,
      'test/stock.test.ts': STOCK_TEST,
      'scripts/release.ts': "export const bump = (v: number) => v + 1;\n",
    });
    await repo.git('checkout', '--quiet', '-b', 'feature');
    // A modified function: shipping's rule changes (line 6).
    await repo.edit('src/price.ts', 'amount >= 50 ? 0 : 5', 'amount >= 100 ? 0 : 7');
    // An added file, with its test.
    await repo.write({
      'src/added.ts': "export const isEven = (n: number) => n % 2 === 0;\n",
      'test/added.test.ts': "import { expect, it } from 'vitest';\nimport { isEven } from '../src/added';\nit('knows even numbers', () => { expect(isEven(4)).toBe(true); });\n",
    });
    // A renamed file with one line changed (line 6, in label).
    await repo.git('mv', 'src/format.ts', 'src/formatting.ts');
    await repo.edit('src/formatting.ts', 'name.trim().toUpperCase()', 'name.trim().toLowerCase()');
    await repo.write({ 'test/format.test.ts': formatTest('formatting') });
    // A deleted file (and its test).
    await repo.git('rm', '--quiet', 'src/legacy.ts', 'test/legacy.test.ts');
    // A changed file outside `mutate` (src/** by default).
    await repo.edit('scripts/release.ts', 'v + 1', 'v + 2');
    await repo.commit('feature work');
    // main moves on after the branch started: tax changes there, not on the branch.
    await repo.git('checkout', '--quiet', 'main');
    await repo.edit('src/price.ts', 'amount * 0.2', 'amount * 0.25');
    await repo.commit('main: new tax rate');
    await repo.git('checkout', '--quiet', 'feature');
    // An uncommitted edit (line 6 of stock.ts).
    await repo.edit('src/stock.ts', 'count < 10', 'count < 5');

    const run = await runAssay(repo.dir, ['--since', 'main', '--reporters', 'json']);
    expect(run.stderr).toMatch(/^assay: 18 mutants, 18 to run against 8 tests \(initial run \d+\.\d s\)\n/);
    expect(run.exitCode).toBe(0);
    expect(mutants(run.verdicts)).toEqual([
      // Added: every line.
      { file: 'src/added.ts', line: 1, mutator: 'ArrowFunction', replacement: '() => undefined', status: 'Killed' },
      { file: 'src/added.ts', line: 1, mutator: 'ArithmeticOperator', replacement: 'n * 2', status: 'Killed' },
      { file: 'src/added.ts', line: 1, mutator: 'ConditionalExpression', replacement: 'false', status: 'Killed' },
      { file: 'src/added.ts', line: 1, mutator: 'ConditionalExpression', replacement: 'true', status: 'Survived' },
      { file: 'src/added.ts', line: 1, mutator: 'EqualityOperator', replacement: 'n % 2 !== 0', status: 'Killed' },
      // Renamed, under its new name: label (line 6, and its body), not money.
      { file: 'src/formatting.ts', line: 5, mutator: 'BlockStatement', replacement: '{}', status: 'Killed' },
      { file: 'src/formatting.ts', line: 6, mutator: 'MethodExpression', replacement: 'name', status: 'Survived' },
      { file: 'src/formatting.ts', line: 6, mutator: 'MethodExpression', replacement: 'name.trim().toUpperCase()', status: 'Killed' },
      // Modified: shipping only, not subtotal, nor tax (changed on main after the branch started).
      { file: 'src/price.ts', line: 5, mutator: 'BlockStatement', replacement: '{}', status: 'Killed' },
      { file: 'src/price.ts', line: 6, mutator: 'ConditionalExpression', replacement: 'false', status: 'Killed' },
      { file: 'src/price.ts', line: 6, mutator: 'ConditionalExpression', replacement: 'true', status: 'Killed' },
      { file: 'src/price.ts', line: 6, mutator: 'EqualityOperator', replacement: 'amount < 100', status: 'Killed' },
      { file: 'src/price.ts', line: 6, mutator: 'EqualityOperator', replacement: 'amount > 100', status: 'Survived' },
      // Uncommitted: reorder only, not inStock.
      { file: 'src/stock.ts', line: 5, mutator: 'BlockStatement', replacement: '{}', status: 'Killed' },
      { file: 'src/stock.ts', line: 6, mutator: 'ConditionalExpression', replacement: 'false', status: 'Killed' },
      { file: 'src/stock.ts', line: 6, mutator: 'ConditionalExpression', replacement: 'true', status: 'Survived' },
      { file: 'src/stock.ts', line: 6, mutator: 'EqualityOperator', replacement: 'count <= 5', status: 'Survived' },
      { file: 'src/stock.ts', line: 6, mutator: 'EqualityOperator', replacement: 'count >= 5', status: 'Killed' },
    ]);
    // Only the tests that reach a changed line run against its mutants.
    const testNames = new Map<string, string>();
    for (const { tests } of Object.values<any>(run.report.testFiles)) for (const test of tests) testNames.set(test.id, test.name);
    const reaching = (file: string) => [...new Set(run.report.files[file].mutants.flatMap((m: any) => m.coveredBy.map((id: string) => testNames.get(id))))];
    expect(reaching('src/price.ts')).toEqual(['ships']);
    expect(reaching('src/formatting.ts')).toEqual(['labels']);
    expect(reaching('src/stock.ts')).toEqual(['reorders when low']);
    // What reporters read: the changed lines of the mutated files.
    const summary = JSON.parse(await readFile(path.join(repo.dir, 'reports/assay-summary.json'), 'utf8'));
    expect(summary.since).toEqual({ ref: 'main', base: await repo.git('merge-base', 'main', 'HEAD') });
    // The repository is left as it was (git was only asked, never made to write).
    expect(run.hashesAfter).toEqual(run.hashesBefore);
  });

  it('in a project in a subdirectory of the repository: only its own changed lines; a deletion marks the lines either side', async () => {
    const repo = await repository(
      {
        'packages/app/package.json': pkg['package.json'],
        'packages/app/src/clamp.ts': CLAMP,
        'packages/app/test/clamp.test.ts': CLAMP_TEST,
        'packages/lib/src/lib.ts': 'export const half = (n: number) => n / 2;\n',
        'README.md': '# monorepo\n',
      },
      'packages/app',
    );
    await repo.git('checkout', '--quiet', '-b', 'feature');
    // Line 3 deleted: the lines around the gap (2 and the new 3, `return n;`) are marked.
    await repo.edit('packages/app/src/clamp.ts', '  if (n > max) return max;\n', '');
    await repo.write({ 'packages/app/test/clamp.test.ts': CLAMP_TEST.replace("expect(clamp(9, 5)).toBe(5); ", '') });
    await repo.edit('packages/lib/src/lib.ts', 'n / 2', 'n / 4');
    await repo.edit('README.md', 'monorepo', 'mono');
    await repo.commit('clamp no longer caps');

    const run = await runAssay(path.join(repo.dir, 'packages/app'), ['--since', 'main', '--reporters', 'json']);
    expect(run.exitCode).toBe(0);
    // clamp's body (lines 1-4) and the guard on line 2; not double, nor packages/lib.
    expect(mutants(run.verdicts)).toEqual([
      { file: 'src/clamp.ts', line: 1, mutator: 'BlockStatement', replacement: '{}', status: 'Killed' },
      { file: 'src/clamp.ts', line: 2, mutator: 'ConditionalExpression', replacement: 'false', status: 'Killed' },
      { file: 'src/clamp.ts', line: 2, mutator: 'ConditionalExpression', replacement: 'true', status: 'Killed' },
      { file: 'src/clamp.ts', line: 2, mutator: 'EqualityOperator', replacement: 'n <= 0', status: 'Survived' },
      { file: 'src/clamp.ts', line: 2, mutator: 'EqualityOperator', replacement: 'n >= 0', status: 'Killed' },
    ]);
  });

  it('runs only the changed function’s mutants in a project of several functions (and says how long it took against a full run)', async () => {
    const repo = await repository({ ...pkg, ...vitestConfig, 'src/calc.ts': CALC, 'test/calc.test.ts': CALC_TEST });
    await repo.git('checkout', '--quiet', '-b', 'feature');
    await repo.edit('src/calc.ts', 'return value * percent / 100;', 'return (value * percent) / 100;');
    await repo.commit('percentOf: parenthesised');

    const since = await runAssay(repo.dir, ['--since', 'main', '--reporters', 'json']);
    const full = await runAssay(repo.dir, ['--reporters', 'json']);
    expect(since.exitCode).toBe(0);
    expect(full.exitCode).toBe(0);
    const percentOf = { start: CALC.split('\n').findIndex((line) => line.includes('function percentOf')) + 1, end: 0 };
    percentOf.end = percentOf.start + 2;
    expect(mutants(since.verdicts)).toEqual([
      { file: 'src/calc.ts', line: percentOf.start, mutator: 'BlockStatement', replacement: '{}', status: 'Killed' },
      { file: 'src/calc.ts', line: percentOf.start + 1, mutator: 'ArithmeticOperator', replacement: '(value * percent) * 100', status: 'Killed' },
      { file: 'src/calc.ts', line: percentOf.start + 1, mutator: 'ArithmeticOperator', replacement: 'value / percent', status: 'Killed' },
    ]);
    // The same mutants, with the same verdicts, as the full run gives those lines.
    const inPercentOf = mutants(full.verdicts).filter((m) => m.line >= percentOf.start && m.line <= percentOf.end);
    expect(inPercentOf).toEqual(mutants(since.verdicts));
    // Exactly: the 3 mutants of percentOf, of the 52 in the ten functions the full run mutates.
    expect(since.verdicts).toHaveLength(3);
    expect(full.verdicts).toHaveLength(52);
    console.log(
      `--since main: ${since.verdicts.length} mutants in ${(since.wallMs / 1000).toFixed(1)} s; ` +
        `full run: ${full.verdicts.length} mutants in ${(full.wallMs / 1000).toFixed(1)} s`,
    );
  });

  it('says there is nothing to test, exits 0 and starts no vitest, when no file mutate selects changed', async () => {
    const repo = await repository({ ...pkg, ...vitestConfig, ...MARKED });
    await repo.git('checkout', '--quiet', '-b', 'feature');
    await repo.edit('test/one.test.ts', "toBe(2)", "toBeGreaterThan(1)");
    await repo.write({ 'docs/notes.md': 'notes\n', 'scripts/tool.ts': 'export const x = 1 + 1;\n' });
    await repo.commit('tests and docs only');
    const base = (await repo.git('merge-base', 'main', 'HEAD')).slice(0, 7);
    const { exitCode, stdout, stderr } = await assay(repo.dir, ['run', '--since', 'main']);
    expect(stderr).toBe(`assay: no changes since main (merge-base ${base}) in the files "mutate" selects: nothing to test`);
    expect(stdout).toBe('');
    expect(exitCode).toBe(0);
    expect(existsSync(path.join(repo.dir, 'vitest-ran'))).toBe(false);
    expect(existsSync(path.join(repo.dir, 'reports'))).toBe(false);
  });

  it('says there is nothing to test when the changed lines hold no mutant (a comment)', async () => {
    const repo = await repository({ ...pkg, ...vitestConfig, ...MARKED });
    await repo.git('checkout', '--quiet', '-b', 'feature');
    await repo.edit('src/one.ts', '// one', '// the number one');
    await repo.commit('comment');
    const base = (await repo.git('merge-base', 'main', 'HEAD')).slice(0, 7);
    const { exitCode, stderr } = await assay(repo.dir, ['run', '--since', 'main']);
    expect(stderr).toBe(`assay: no mutants on the lines changed since main (merge-base ${base}) in the files "mutate" selects: nothing to test`);
    expect(exitCode).toBe(0);
    expect(existsSync(path.join(repo.dir, 'vitest-ran'))).toBe(false);
  });
});

describe('assay run --since refuses, naming the fix', () => {
  it('without git installed', async () => {
    const repo = await repository({ ...pkg, ...MARKED });
    expect(await assay(repo.dir, ['run', '--since', 'main'], { PATH: '/nonexistent' })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "assay: --since needs git, and there is no 'git' command on the PATH: install git",
    });
  });

  it('an unknown ref, suggesting the fetch', async () => {
    const repo = await repository({ ...pkg, ...MARKED });
    await repo.git('remote', 'add', 'origin', 'https://example.com/shop.git');
    expect(await assay(repo.dir, ['run', '--since', 'origin/mian'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "assay: --since: unknown git ref 'origin/mian': check the name, or fetch it first ('git fetch origin mian')",
    });
    expect((await assay(repo.dir, ['run', '--since', 'mian'])).stderr).toBe(
      "assay: --since: unknown git ref 'mian': check the name, or fetch it first ('git fetch origin mian', then --since origin/mian)",
    );
  });

  it('a shallow clone without the merge-base: fetch-depth: 0', async () => {
    const origin = await repository({ ...pkg, ...MARKED });
    await origin.git('checkout', '--quiet', '-b', 'feature');
    await origin.edit('src/one.ts', '1', '1.5');
    await origin.commit('feature');
    await origin.git('checkout', '--quiet', 'main');
    await origin.write({ 'src/two.ts': 'export const two = 2;\n' });
    await origin.commit('main moves on');
    // What actions/checkout leaves by default (fetch-depth: 1), and the base branch fetched alike.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-since-shallow-'));
    dirs.push(dir);
    await execa('git', ['clone', '--quiet', '--depth=1', '--branch=feature', `file://${origin.dir}`, dir]);
    await execa('git', ['fetch', '--quiet', '--depth=1', 'origin', 'main:refs/remotes/origin/main'], { cwd: dir });
    expect(await assay(dir, ['run', '--since', 'origin/main'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        "assay: --since: no merge-base of 'origin/main' and HEAD: this clone is shallow; fetch the full history (in GitHub Actions: actions/checkout with fetch-depth: 0)",
    });
  });

  it('unrelated histories', async () => {
    const repo = await repository({ ...pkg, ...MARKED });
    await repo.git('checkout', '--quiet', '--orphan', 'elsewhere');
    await repo.commit('a new root');
    expect(await assay(repo.dir, ['run', '--since', 'main'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "assay: --since: 'main' and HEAD have no commit in common (unrelated histories): give a ref that HEAD's branch started from",
    });
  });
});
