/**
 * `npm run bench`: assay and StrykerJS (vitest runner, perTest, same concurrency) side by side in
 * one run, on every sandbox fixture and on generated projects (bench/generate.ts) of about 200,
 * 1,000 and 5,000 mutants. Prints, per project, wall time, ms per mutant, peak RSS and the
 * speed-up, with verdict agreement; for assay also the time its mutants' tests took and the
 * overhead per mutant beyond it: (execute time × concurrency − the coverage pass's time on one of
 * the lanes − Σ covering tests' dry-run time) ÷ mutants run. Ends with a Markdown table (the
 * README's) and writes bench/results.json.
 *
 * Then, unless `--nightly-size ''`, bench/incremental.ts and bench/shards.ts (4 shards) on a
 * generated project of that size (default 1000): incremental reruns against a full run, and the
 * balance of the shards.
 *
 * With `--project <dir>` (repeatable) it benchmarks those projects instead and nothing else: see
 * bench/projects.ts.
 *
 * Usage: npm run bench [-- --concurrency N] [--sizes 200,1000,5000] [--no-fixtures] [--nightly-size 1000] [fixture ...]
 *        npm run bench -- --project <dir> [--project <dir> ...] [--mutate <globs>] [--vitest-config <file>] [--concurrency 2]
 *        npm run bench -- --checker --project <dir> [...] [--mutate <globs>] [--ungrouped]   (the TypeScript checkers: bench/checker.ts)
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { comparableWithPlainRuns, fixturesDir, repoRoot, runAssay, runAssayOnFixture, type AssayRun } from '../test/support/assay.js';
import { generateProject, MUTANTS_PER_MODULE } from './generate.js';
import { runStryker, strykerMutants } from '../test/support/stryker.js';
import { compareWithStryker } from '../test/support/compare.js';
import type { RunTimings } from '../src/model.js';

// `--checker --project …`: the TypeScript checkers side by side (bench/checker.ts).
if (process.argv.slice(2).includes('--checker')) {
  const { benchChecker } = await import('./checker.js');
  process.exit(await benchChecker(process.argv.slice(2)));
}
// `--project`: any vitest project on disk, handled by bench/projects.ts alone.
if (process.argv.slice(2).some((arg) => arg === '--project' || arg.startsWith('--project='))) {
  const { benchProjects } = await import('./projects.js');
  process.exit(await benchProjects(process.argv.slice(2)));
}

interface Row {
  fixture: string;
  assay: { mutants: number; wallMs: number; peakRssMb?: number; timings?: RunTimings };
  stryker: { mutants: number; wallMs: number; peakRssMb?: number };
  matched: number;
  sameVerdict: number;
}

const { values, positionals } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '2' },
    sizes: { type: 'string', default: '200,1000,5000' },
    'no-fixtures': { type: 'boolean', default: false },
    // Size of the generated project the nightly measurements use (incremental reruns, 4 shards); '' skips them.
    'nightly-size': { type: 'string', default: '1000' },
  },
  allowPositionals: true,
});
const concurrency = Number(values.concurrency);
const all = (await readdir(fixturesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const fixtures = values['no-fixtures'] ? [] : positionals.length > 0 ? positionals : all;
const sizes = values.sizes.split(',').filter(Boolean).map(Number);

console.log(`assay vs StrykerJS ${await strykerVersion()}, concurrency ${concurrency}, node ${process.version}\n`);
const rows: Row[] = [];
for (const fixture of fixtures.filter(comparableWithPlainRuns)) {
  const assayRun = await runAssayOnFixture(fixture, ['--concurrency', String(concurrency)]);
  rows.push(await compare(fixture, assayRun, path.join(fixturesDir, fixture)));
}
for (const size of sizes) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `assay-bench-${size}-`));
  try {
    await generateProject(dir, Math.max(1, Math.round(size / MUTANTS_PER_MODULE)));
    await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const assayRun = await runAssay(dir, ['--concurrency', String(concurrency)]);
    await rm(path.join(dir, 'reports'), { recursive: true, force: true });
    rows.push(await compare(`generated ~${size}`, assayRun, dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function compare(name: string, assayRun: AssayRun, projectDir: string): Promise<Row> {
  if (!assayRun.report) throw new Error(`assay failed on ${name}:\n${assayRun.stderr}`);
  const strykerRun = await runStryker(projectDir, { concurrency });
  const comparison = compareWithStryker(assayRun.verdicts, strykerMutants(strykerRun.report));
  const row: Row = {
    fixture: name,
    assay: { mutants: assayRun.verdicts.length, wallMs: assayRun.wallMs, peakRssMb: assayRun.peakRssMb, timings: assayRun.timings },
    stryker: { mutants: comparison.stryker, wallMs: strykerRun.wallMs, peakRssMb: strykerRun.peakRssMb },
    matched: comparison.matched,
    sameVerdict: comparison.sameVerdict,
  };
  console.log(formatRow(row));
  return row;
}
/** One row adding up `of`: times and counts summed, peak RSS the highest. */
function total(name: string, of: Row[]): Row {
  const sum = (pick: (row: Row) => number) => of.reduce((all, row) => all + pick(row), 0);
  const peak = (pick: (row: Row) => number | undefined) => Math.max(...of.map((row) => pick(row) ?? 0));
  const timed = of.map((row) => row.assay.timings).filter((timings) => timings !== undefined);
  const timings: RunTimings | undefined =
    timed.length === of.length
      ? {
          dryRunMs: timed.reduce((all, t) => all + t.dryRunMs, 0),
          executeMs: timed.reduce((all, t) => all + t.executeMs, 0),
          mutantsRun: timed.reduce((all, t) => all + t.mutantsRun, 0),
          testMs: timed.reduce((all, t) => all + t.testMs, 0),
          coverageMs: timed.reduce((all, t) => all + (t.coverageMs ?? 0), 0),
          concurrency,
          threads: 'shared',
        }
      : undefined;
  return {
    fixture: name,
    assay: { mutants: sum((r) => r.assay.mutants), wallMs: sum((r) => r.assay.wallMs), peakRssMb: peak((r) => r.assay.peakRssMb), timings },
    stryker: { mutants: sum((r) => r.stryker.mutants), wallMs: sum((r) => r.stryker.wallMs), peakRssMb: peak((r) => r.stryker.peakRssMb) },
    matched: sum((r) => r.matched),
    sameVerdict: sum((r) => r.sameVerdict),
  };
}
const fixtureRows = rows.filter((row) => fixtures.includes(row.fixture));
const totals = total('all', rows);
const summaryRows = fixtureRows.length > 1 ? [total('fixtures together', fixtureRows), totals] : [totals];
summaryRows.forEach((row) => console.log(formatRow(row)));
console.log(`\n${markdownTable([...rows, ...summaryRows])}`);
await writeFile(path.join(repoRoot, 'bench/results.json'), JSON.stringify({ concurrency, rows, totals: summaryRows }, null, 2) + '\n');
console.log('\nwritten to bench/results.json');

// The nightly features, assay alone: what an incremental rerun saves, and how evenly 4 shards split.
if (values['nightly-size'] !== '') {
  const size = values['nightly-size'];
  for (const [script, args] of [['incremental.ts', []], ['shards.ts', ['--shards', '4']]] as const) {
    console.log(`\n== bench/${script} (~${size} mutants)`);
    await execa(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'bench', script), '--size', size, '--concurrency', String(concurrency), ...args], { stdio: 'inherit' });
  }
}

function formatRow(row: Row): string {
  const perMutant = (wallMs: number, mutants: number) => (mutants === 0 ? 'n/a' : `${(wallMs / mutants).toFixed(0)} ms/mutant`);
  const rss = (mb?: number) => (mb === undefined ? '' : `, peak RSS ${mb} MB`);
  return (
    `${row.fixture}: assay ${(row.assay.wallMs / 1000).toFixed(1)} s (${row.assay.mutants} mutants, ${perMutant(row.assay.wallMs, row.assay.mutants)}${rss(row.assay.peakRssMb)}) · ` +
    `Stryker ${(row.stryker.wallMs / 1000).toFixed(1)} s (${row.stryker.mutants} mutants, ${perMutant(row.stryker.wallMs, row.stryker.mutants)}${rss(row.stryker.peakRssMb)}) · ` +
    `speed-up ×${(row.stryker.wallMs / row.assay.wallMs).toFixed(2)} · same verdict ${row.sameVerdict}/${row.matched} matched`
  );
}

/** ms per mutant that assay's execute stage spent beyond the tests themselves (and the coverage pass, which runs on one of its lanes). */
function overheadPerMutant(timings?: RunTimings): number | undefined {
  if (timings === undefined || timings.mutantsRun === 0) return undefined;
  return (timings.executeMs * timings.concurrency - (timings.coverageMs ?? 0) - timings.testMs) / timings.mutantsRun;
}

function markdownTable(table: Row[]): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const perMutant = (ms: number, mutants: number) => (mutants === 0 ? '–' : (ms / mutants).toFixed(1));
  const lines = [
    '| project | mutants | assay s | Stryker s | speed-up | assay ms/mutant | Stryker ms/mutant | assay tests s | assay overhead ms/mutant | assay peak RSS MB | Stryker peak RSS MB | same verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of table) {
    const overhead = overheadPerMutant(row.assay.timings);
    lines.push(
      `| ${row.fixture} | ${row.assay.mutants} | ${seconds(row.assay.wallMs)} | ${seconds(row.stryker.wallMs)} | ×${(row.stryker.wallMs / row.assay.wallMs).toFixed(1)} | ` +
        `${perMutant(row.assay.wallMs, row.assay.mutants)} | ${perMutant(row.stryker.wallMs, row.stryker.mutants)} | ` +
        `${row.assay.timings ? seconds(row.assay.timings.testMs) : '–'} | ${overhead === undefined ? '–' : overhead.toFixed(1)} | ` +
        `${row.assay.peakRssMb ?? '–'} | ${row.stryker.peakRssMb ?? '–'} | ${row.sameVerdict}/${row.matched} |`,
    );
  }
  return lines.join('\n');
}

async function strykerVersion(): Promise<string> {
  const pkg = path.join(repoRoot, 'node_modules/@stryker-mutator/core/package.json');
  if (!existsSync(pkg)) return '(not installed)';
  const { stdout } = await execa(process.execPath, ['-p', `require(${JSON.stringify(pkg)}).version`]);
  return stdout.trim();
}
