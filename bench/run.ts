/**
 * `npm run bench`: assay and StrykerJS (vitest runner, perTest, same concurrency) side by side in
 * one run, on every sandbox fixture and on generated projects (bench/generate.ts) of about 200
 * and 1,000 mutants (add 5000 with --sizes). Prints wall time, ms per mutant, peak RSS and the
 * ratios, with verdict agreement, and writes bench/results.json.
 *
 * Usage: npm run bench [-- --concurrency N] [--sizes 200,1000,5000] [--no-fixtures] [fixture ...]
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { fixturesDir, repoRoot, runAssay, runAssayOnFixture, type AssayRun } from '../test/support/assay.js';
import { generateProject, MUTANTS_PER_MODULE } from './generate.js';
import { runStryker, strykerMutants } from '../test/support/stryker.js';
import { compareWithStryker } from '../test/support/compare.js';

interface Row {
  fixture: string;
  assay: { mutants: number; wallMs: number; peakRssMb?: number };
  stryker: { mutants: number; wallMs: number; peakRssMb?: number };
  matched: number;
  sameVerdict: number;
}

const { values, positionals } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '2' },
    sizes: { type: 'string', default: '200,1000' },
    'no-fixtures': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const concurrency = Number(values.concurrency);
const all = (await readdir(fixturesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const fixtures = values['no-fixtures'] ? [] : positionals.length > 0 ? positionals : all;
const sizes = values.sizes.split(',').filter(Boolean).map(Number);

console.log(`assay vs StrykerJS ${await strykerVersion()}, concurrency ${concurrency}, node ${process.version}\n`);
const rows: Row[] = [];
for (const fixture of fixtures) {
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
    assay: { mutants: assayRun.verdicts.length, wallMs: assayRun.wallMs, peakRssMb: assayRun.peakRssMb },
    stryker: { mutants: comparison.stryker, wallMs: strykerRun.wallMs, peakRssMb: strykerRun.peakRssMb },
    matched: comparison.matched,
    sameVerdict: comparison.sameVerdict,
  };
  console.log(formatRow(row));
  return row;
}
const sum = (pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);
const totals: Row = {
  fixture: 'all',
  assay: { mutants: sum((r) => r.assay.mutants), wallMs: sum((r) => r.assay.wallMs) },
  stryker: { mutants: sum((r) => r.stryker.mutants), wallMs: sum((r) => r.stryker.wallMs) },
  matched: sum((r) => r.matched),
  sameVerdict: sum((r) => r.sameVerdict),
};
console.log(formatRow(totals));
await writeFile(path.join(repoRoot, 'bench/results.json'), JSON.stringify({ concurrency, rows, totals }, null, 2) + '\n');
console.log('\nwritten to bench/results.json');

function formatRow(row: Row): string {
  const perMutant = (wallMs: number, mutants: number) => (mutants === 0 ? 'n/a' : `${(wallMs / mutants).toFixed(0)} ms/mutant`);
  const rss = (mb?: number) => (mb === undefined ? '' : `, peak RSS ${mb} MB`);
  return (
    `${row.fixture}: assay ${(row.assay.wallMs / 1000).toFixed(1)} s (${row.assay.mutants} mutants, ${perMutant(row.assay.wallMs, row.assay.mutants)}${rss(row.assay.peakRssMb)}) · ` +
    `Stryker ${(row.stryker.wallMs / 1000).toFixed(1)} s (${row.stryker.mutants} mutants, ${perMutant(row.stryker.wallMs, row.stryker.mutants)}${rss(row.stryker.peakRssMb)}) · ` +
    `speed-up ×${(row.stryker.wallMs / row.assay.wallMs).toFixed(2)} · same verdict ${row.sameVerdict}/${row.matched} matched`
  );
}

async function strykerVersion(): Promise<string> {
  const pkg = path.join(repoRoot, 'node_modules/@stryker-mutator/core/package.json');
  if (!existsSync(pkg)) return '(not installed)';
  const { stdout } = await execa(process.execPath, ['-p', `require(${JSON.stringify(pkg)}).version`]);
  return stdout.trim();
}
