/**
 * `npm run bench -- --checker --project <dir> [--project <dir> ...]` (bench/run.ts hands over
 * here): the TypeScript checkers side by side. Per project, on temp copies as bench/projects.ts
 * runs them: assay without and with `--checkers typescript`, StrykerJS without its checker, with it
 * grouped (its default, `typescriptChecker.prioritizePerformanceOverAccuracy: true`) and, with
 * `--ungrouped`, one mutant per compile. It prints and writes to bench/results-checker.json: each
 * run's wall time; assay's check time (reports/assay-summary.json `run.check`: from the start of
 * the run, beside the test runs); what each checker costs, taken alike for both as the run with it
 * less the run without, and the ratio of the two (the speed-up); the
 * mutants each rejects (CompileError); and how many of StrykerJS's CompileErrors (ungrouped where
 * measured: it is the accurate one) assay's are. Ends with a Markdown table like the README's.
 *
 * Usage: npm run bench -- --checker --project <dir> [--project <dir> ...] [--mutate <globs>] [--concurrency 2] [--ungrouped]
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../test/support/assay.js';
import { compareWithStryker } from '../test/support/compare.js';
import { findConfigFile } from '../src/config/find-config-file.js';
import { readConfigFile } from '../src/config/read-config-file.js';
import { fileSchema } from '../src/config/file-schema.js';
import { runAssayOn, runStrykerOn, strykerConfig } from './projects.js';

const RESULTS_FILE = path.join(repoRoot, 'bench/results-checker.json');

interface StrykerChecked {
  wallMs: number;
  rejected: number;
}

interface CheckerRow {
  project: string;
  mutants: number;
  assay: { withoutMs: number; withMs: number; checkMs: number; rejected: number; compiler: string };
  stryker: { withoutMs: number; grouped: StrykerChecked; ungrouped?: StrykerChecked };
  /** StrykerJS's CompileErrors (ungrouped where measured), and how many of them assay's are too. */
  agreement: { reference: 'grouped' | 'ungrouped'; stryker: number; both: number };
}

export async function benchChecker(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      checker: { type: 'boolean' },
      project: { type: 'string', multiple: true, default: [] },
      mutate: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      ungrouped: { type: 'boolean', default: false },
    },
  });
  const concurrency = Number(values.concurrency);
  const copies = new Set<string>();
  const rows: CheckerRow[] = [];
  let failed = false;
  for (const given of values.project) {
    const dir = path.resolve(given);
    const row = await benchOne(dir, { concurrency, copies }, values.mutate, values.ungrouped);
    if (typeof row === 'string') {
      failed = true;
      console.log(`${path.basename(dir)}: ${row}`);
      continue;
    }
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  console.log(`\n${markdownTable(rows)}`);
  await writeFile(RESULTS_FILE, JSON.stringify({ concurrency, node: process.version, rows }, null, 2) + '\n');
  console.log(`\nwritten to ${path.relative(process.cwd(), RESULTS_FILE)}`);
  return failed ? 1 : 0;
}

async function benchOne(dir: string, settings: { concurrency: number; copies: Set<string> }, mutateFlag: string | undefined, ungrouped: boolean): Promise<CheckerRow | string> {
  const file = findConfigFile(dir);
  const own: Record<string, any> = file === undefined ? {} : await readConfigFile(file, path.relative(process.cwd(), file));
  const mutate = mutateFlag !== undefined ? mutateFlag.split(',').map((glob) => glob.trim()) : Array.isArray(own.mutate) ? own.mutate : fileSchema.parse({}).mutate;
  const args = ['--concurrency', String(settings.concurrency), ...(mutateFlag === undefined ? [] : ['--mutate', mutateFlag])];
  const reportFile = own.jsonReporter?.fileName ?? 'reports/mutation/mutation.json';
  const without = await runAssayOn(dir, [...args, '--checkers', ''], reportFile, settings.copies);
  const withChecker = await runAssayOn(dir, [...args, '--checkers', 'typescript'], reportFile, settings.copies);
  if ('failure' in without) return `assay failed: ${without.failure}`;
  if ('failure' in withChecker) return `assay --checkers typescript failed: ${withChecker.failure}`;
  const check = withChecker.figures.timings?.check;
  if (check === undefined) return 'assay reported no check';

  const base = { ...strykerConfig(own) };
  delete base.checkers;
  delete base.typescriptChecker;
  const stryker = (config: Record<string, any>) => runStrykerOn(dir, settings, mutate, undefined, { ...base, ...config });
  const strykerWithout = await stryker({});
  if ('failure' in strykerWithout) return `StrykerJS without its checker failed: ${strykerWithout.failure}`;
  const grouped = await stryker({ checkers: ['typescript'], typescriptChecker: { prioritizePerformanceOverAccuracy: true } });
  if ('failure' in grouped) return `StrykerJS with its checker grouped failed: ${grouped.failure}`;
  const alone = ungrouped ? await stryker({ checkers: ['typescript'], typescriptChecker: { prioritizePerformanceOverAccuracy: false } }) : undefined;
  if (alone !== undefined && 'failure' in alone) return `StrykerJS with its checker ungrouped failed: ${alone.failure}`;
  const rejected = (mutants: ReadonlyArray<{ status: string }>) => mutants.filter((mutant) => mutant.status === 'CompileError').length;
  const reference = alone ?? grouped;
  const comparison = compareWithStryker(withChecker.verdicts, reference.mutants);
  return {
    project: path.basename(dir),
    mutants: withChecker.verdicts.length,
    assay: { withoutMs: without.figures.wallMs, withMs: withChecker.figures.wallMs, checkMs: check.ms, rejected: check.compileErrors, compiler: check.compiler },
    stryker: {
      withoutMs: strykerWithout.figures.wallMs,
      grouped: { wallMs: grouped.figures.wallMs, rejected: rejected(grouped.mutants) },
      ...(alone && { ungrouped: { wallMs: alone.figures.wallMs, rejected: rejected(alone.mutants) } }),
    },
    agreement: { reference: alone ? 'ungrouped' : 'grouped', stryker: comparison.compileErrors.stryker, both: comparison.compileErrors.both },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function markdownTable(rows: readonly CheckerRow[]): string {
  const lines = [
    '| project | mutants | assay without / with checker (+%) | assay check (beside the runs) | StrykerJS without / grouped / ungrouped | StrykerJS checker (grouped) | checker speed-up (what each adds) | rejected assay / StrykerJS grouped / ungrouped | StrykerJS CompileErrors assay rejects too |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const assayChecker = row.assay.withMs - row.assay.withoutMs;
    const added = Math.round((assayChecker / row.assay.withoutMs) * 100);
    const strykerChecker = row.stryker.grouped.wallMs - row.stryker.withoutMs;
    // A checker that leaves out many mutants can make assay's run shorter than without it.
    const speedUp = assayChecker > 0 ? `**×${(strykerChecker / assayChecker).toFixed(0)}**` : 'assay runs faster with it';
    lines.push(
      `| ${row.project} | ${row.mutants} | ${seconds(row.assay.withoutMs)} / ${seconds(row.assay.withMs)} (${added >= 0 ? '+' : ''}${added}%) | ${seconds(row.assay.checkMs)} (${row.assay.compiler}) | ` +
        `${seconds(row.stryker.withoutMs)} / ${seconds(row.stryker.grouped.wallMs)} / ${row.stryker.ungrouped ? seconds(row.stryker.ungrouped.wallMs) : '–'} | ${seconds(strykerChecker)} | ` +
        `${speedUp} | ${row.assay.rejected} / ${row.stryker.grouped.rejected} / ${row.stryker.ungrouped?.rejected ?? '–'} | ${row.agreement.both}/${row.agreement.stryker} (${row.agreement.reference}) |`,
    );
  }
  return lines.join('\n');
}
