/**
 * `npm run bench -- --project <dir> [--project <dir> ...]` (bench/run.ts hands over here): assay
 * and StrykerJS 9 side by side on any vitest project on disk, so that users can check the speed
 * claim on their own code. Per project it prints, and writes to bench/results-projects.json: wall
 * time, ms per mutant, the time before the first mutant, peak RSS, mutants on each side and
 * verdict agreement (test/support/compare.ts's compareWithStryker: matched mutants, same exact
 * status, same class); it ends with a Markdown table like the README's.
 *
 * The project itself is never written to: each tool runs on its own temporary copy
 * (ground-truth/project-copy.ts: node_modules linked, workspace packages linked inside the copy). The copies are removed afterwards, also when a tool fails or on SIGINT/SIGTERM.
 * (What the tools write through those links, vitest's cache in node_modules/.vite, is the
 * project's as in any test run.)
 *
 * Both tools get the same `mutate` globs (`--mutate`, comma-separated as for `assay run`, so no
 * brace lists; else the project's StrykerJS config's `mutate`, else assay's default list), the
 * same concurrency (`--concurrency`, default 2), perTest coverage analysis, and `--vitest-config`
 * (relative to each project) when given. The project's own StrykerJS config (the file assay finds,
 * src/config/find-config-file.ts) is in assay's copy as it is; StrykerJS gets its fields too, but
 * not those assay accepts without using (src/config/stryker-keys.ts: checkers, buildCommand,
 * logLevel, testFiles, ...), nor the `assay` section, and with no break threshold (assay's exit
 * code 1, a score below it, counts as success). StrykerJS runs as test/support/stryker.ts's
 * runStryker runs it: vitest runner, perTest, json reporter, with the vitest 4.1 coverage patch,
 * and `vitest.related` left at StrykerJS's default (true), as its users run it.
 *
 * Time before the first mutant: from the tool's start until the line it prints when mutant runs
 * begin, timed as the line arrives (both tools' own log timestamps are too coarse). For assay that
 * is `assay: N mutants, M to run against T tests (initial run X s)` (src/cli/index.ts, printed once
 * the dry run is done and the mutants are planned, just before the first verdict); for StrykerJS
 * `Initial test run succeeded. Ran N tests in …` (@stryker-mutator/core
 * dist/src/process/3-dry-run-executor.js; 9.5.1 logs nothing at info level when the mutation run
 * itself starts). Also recorded: each tool's initial test run alone, assay's `dryRunMs`
 * (reports/assay-summary.json `run`, from vitest's start) and, for StrykerJS, the time from its
 * `Starting initial test run` line to the succeeded one.
 *
 * A tool that fails on a project gets one line saying which and why (the last lines of its output)
 * and the next project follows (StrykerJS is not run where assay failed); the exit code is 1 if
 * any failed.
 *
 * Usage: npm run bench -- --project <dir> [--project <dir> ...] [--mutate <globs>] [--vitest-config <file>] [--concurrency 2]
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { repoRoot, verdictsOf } from '../test/support/assay.js';
import { runStryker, strykerMutants } from '../test/support/stryker.js';
import { sampleTreeRss } from '../test/support/peak-rss.js';
import { compareWithStryker } from '../test/support/compare.js';
import { copyProject } from '../ground-truth/project-copy.js';
import { findConfigFile } from '../src/config/find-config-file.js';
import { readConfigFile } from '../src/config/read-config-file.js';
import { fileSchema } from '../src/config/file-schema.js';
import { IGNORED_STRYKER_KEYS } from '../src/config/stryker-keys.js';
import type { RunTimings } from '../src/model.js';

const assayBin = path.join(repoRoot, 'bin/assay.js');
/** No colours, and no GitHub Actions output even when the benchmark itself runs there. */
const QUIET_ENV = { FORCE_COLOR: '0', GITHUB_ACTIONS: 'false' };
const RESULTS_FILE = path.join(repoRoot, 'bench/results-projects.json');
/** assay's line once the mutants are planned (src/cli/index.ts, `planned`). */
const ASSAY_PLANNED = /^assay: (\d+) mutants, (\d+) to run against (\d+) tests \(initial run/;
/** StrykerJS 9.5.1's DryRunExecutor lines at the start and the end of its initial test run. */
const STRYKER_DRY_RUN_STARTS = /Starting initial test run/;
const STRYKER_DRY_RUN_DONE = /Initial test run succeeded\. Ran (\d+) tests/;
/** How many mutants of each kind of difference results-projects.json names. */
const EXAMPLES = 10;
/** How many of a failed tool's last output lines its failure line quotes. */
const TAIL_LINES = 4;

/** One tool's figures on one project. */
export interface ToolFigures {
  mutants: number;
  wallMs: number;
  msPerMutant: number | null;
  /** From the tool's start until it begins running mutants (see the header). */
  firstMutantMs?: number;
  /** Its initial test run alone: assay's dryRunMs, StrykerJS's from its start line to its success line. */
  initialRunMs?: number;
  /** Tests the initial run found (StrykerJS's count; assay's from its planned line). */
  tests?: number;
  /** GNU time's %M: assay's one process; StrykerJS's largest single process. */
  peakRssMb?: number;
  /** assay only: reports/assay-summary.json's `run`. */
  timings?: RunTimings;
}

export interface ProjectRow {
  project: string;
  dir: string;
  mutate: string[];
  assay?: ToolFigures;
  stryker?: ToolFigures;
  agreement?: {
    matched: number;
    /** Matched mutants StrykerJS gave a verdict (not RuntimeError/CompileError). */
    comparable: number;
    sameStatus: number;
    sameVerdict: number;
    onlyAssay: number;
    onlyStryker: number;
    /** The first few mutants only one side generates, and those whose verdict class differs. */
    examples: { onlyAssay: string[]; onlyStryker: string[]; otherVerdict: string[]; otherStatus: string[] };
  };
  /** Tools that failed here, with the last lines of their output. */
  failed?: Array<{ tool: 'assay' | 'StrykerJS' | 'setup'; reason: string }>;
}

/** Runs the benchmark for `argv` (bench/run.ts's arguments); resolves to the exit code. */
export async function benchProjects(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      project: { type: 'string', multiple: true, default: [] },
      mutate: { type: 'string' },
      'vitest-config': { type: 'string' },
      concurrency: { type: 'string', default: '2' },
    },
  });
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`--concurrency must be a positive integer, got ${values.concurrency}`);
  const strykerVersion = await packageVersion('@stryker-mutator/core');
  console.log(`assay vs StrykerJS ${strykerVersion}, concurrency ${concurrency}, node ${process.version}\n`);

  const copies = new Set<string>();
  const removeCopies = () => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  const onSignal = (signal: NodeJS.Signals) => {
    removeCopies();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const rows: ProjectRow[] = [];
  try {
    for (const given of values.project) {
      const row = await benchProject(path.resolve(given), { concurrency, mutate: values.mutate, vitestConfig: values['vitest-config'], copies });
      rows.push(row);
      console.log(row.failed ? row.failed.map((f) => `${row.project}: ${f.tool} failed: ${f.reason}`).join('\n') : formatRow(row));
    }
  } finally {
    removeCopies();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  console.log(`\n${markdownTable(rows)}`);
  await writeFile(RESULTS_FILE, JSON.stringify({ concurrency, node: process.version, stryker: strykerVersion, rows }, null, 2) + '\n');
  console.log(`\nwritten to ${path.relative(process.cwd(), RESULTS_FILE)}`);
  return rows.some((row) => row.failed) ? 1 : 0;
}

export interface Settings {
  concurrency: number;
  /** `--mutate` as given (comma-separated), if given. */
  mutate?: string;
  vitestConfig?: string;
  /** Temp copies alive now, for the signal handler. */
  copies: Set<string>;
}

async function benchProject(dir: string, settings: Settings): Promise<ProjectRow> {
  const project = path.basename(dir);
  const setupFailure = (reason: string): ProjectRow => ({ project, dir, mutate: [], failed: [{ tool: 'setup', reason }] });
  if (!existsSync(path.join(dir, 'package.json'))) return setupFailure(`${dir} has no package.json`);
  let own: Record<string, any> = {};
  try {
    const file = findConfigFile(dir);
    if (file !== undefined) own = await readConfigFile(file, path.relative(process.cwd(), file));
  } catch (error) {
    return setupFailure(`its StrykerJS config: ${(error as Error).message}`);
  }
  const mutate = settings.mutate !== undefined ? splitList(settings.mutate) : Array.isArray(own.mutate) ? own.mutate : fileSchema.parse({}).mutate;
  const vitestConfig = settings.vitestConfig === undefined ? undefined : path.relative(dir, path.resolve(dir, settings.vitestConfig));
  const row: ProjectRow = { project, dir, mutate };

  const assayArgs = [
    '--concurrency', String(settings.concurrency),
    '--coverage-analysis', 'perTest',
    ...(settings.mutate === undefined ? [] : ['--mutate', settings.mutate]),
    ...(vitestConfig === undefined ? [] : ['--vitest-config-file', vitestConfig]),
  ];
  const reportFile = own.jsonReporter?.fileName ?? 'reports/mutation/mutation.json';
  const assay = await runAssayOn(dir, assayArgs, reportFile, settings.copies);
  if ('failure' in assay) return { ...row, failed: [{ tool: 'assay', reason: assay.failure }] };
  row.assay = assay.figures;

  const stryker = await runStrykerOn(dir, settings, mutate, vitestConfig, strykerConfig(own));
  if ('failure' in stryker) return { ...row, failed: [{ tool: 'StrykerJS', reason: stryker.failure }] };
  row.stryker = stryker.figures;
  const strykerList = stryker.mutants;
  const comparison = compareWithStryker(assay.verdicts, strykerList);
  row.agreement = {
    matched: comparison.matched,
    comparable: comparison.comparable,
    sameStatus: comparison.sameStatus,
    sameVerdict: comparison.sameVerdict,
    onlyAssay: comparison.extra.length,
    onlyStryker: comparison.missing.length,
    examples: {
      onlyAssay: comparison.extra.slice(0, EXAMPLES).map((m) => `${describe(m, m.mutator)} ${m.status}`),
      onlyStryker: comparison.missing.slice(0, EXAMPLES).map((m) => `${describe(m, m.mutatorName)} ${m.status}`),
      otherVerdict: comparison.disagreements.slice(0, EXAMPLES).map(({ assay, stryker }) => `${describe(assay, assay.mutator)}: assay ${assay.status}, StrykerJS ${stryker.status}`),
      otherStatus: comparison.statusDifferences.slice(0, EXAMPLES).map(({ assay, stryker }) => `${describe(assay, assay.mutator)}: assay ${assay.status}, StrykerJS ${stryker.status}`),
    },
  };
  return row;
}

/** StrykerJS on a temp copy of `dir`, as its users run it, its initial run's lines timed as they arrive. */
export async function runStrykerOn(
  dir: string,
  settings: Pick<Settings, 'concurrency' | 'copies'>,
  mutate: string[],
  vitestConfig: string | undefined,
  config: Record<string, any>,
): Promise<{ figures: ToolFigures; mutants: ReturnType<typeof strykerMutants> } | { failure: string }> {
  const lines = { starts: undefined as number | undefined, done: undefined as number | undefined, tests: undefined as number | undefined };
  let strykerRun;
  try {
    strykerRun = await runStryker(dir, {
      concurrency: settings.concurrency,
      mutate,
      // As StrykerJS's users run it: only related test files, its default.
      related: true,
      config,
      ...(vitestConfig === undefined ? {} : { vitestConfigFile: vitestConfig }),
      copy: async (from, to) => {
        settings.copies.add(to);
        await copyProject(from, to);
      },
      onLine: (line, ms) => {
        if (lines.starts === undefined && STRYKER_DRY_RUN_STARTS.test(line)) lines.starts = ms;
        const done = lines.done === undefined ? STRYKER_DRY_RUN_DONE.exec(line) : null;
        if (done) [lines.done, lines.tests] = [ms, Number(done[1])];
      },
    });
  } catch (error) {
    return { failure: tail((error as Error).message) };
  }
  const mutants = strykerMutants(strykerRun.report);
  return {
    mutants,
    figures: {
      mutants: mutants.length,
      wallMs: strykerRun.wallMs,
      msPerMutant: perMutant(strykerRun.wallMs, mutants.length),
      ...(lines.done === undefined ? {} : { firstMutantMs: Math.round(lines.done), tests: lines.tests }),
      ...(lines.done === undefined || lines.starts === undefined ? {} : { initialRunMs: Math.round(lines.done - lines.starts) }),
      ...(strykerRun.peakRssMb === undefined ? {} : { peakRssMb: strykerRun.peakRssMb }),
    },
  };
}

/**
 * The project's StrykerJS config for StrykerJS: without what assay accepts and ignores (both
 * tools then run the same settings) and the `assay` section, and with no break threshold.
 */
export function strykerConfig(own: Record<string, any>): Record<string, any> {
  const config: Record<string, any> = {};
  for (const [key, value] of Object.entries(own)) {
    if (key === 'assay' || IGNORED_STRYKER_KEYS.has(key)) continue;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      config[key] = Object.fromEntries(Object.entries(value).filter(([inner]) => !IGNORED_STRYKER_KEYS.has(`${key}.${inner}`)));
    } else config[key] = value;
  }
  config.thresholds = { ...config.thresholds, break: null };
  return config;
}

type AssayOutcome = { figures: ToolFigures; verdicts: ReturnType<typeof verdictsOf> } | { failure: string };

/** `assay run` on a temp copy of `dir`, timed, its planned line timed as it arrives. */
export async function runAssayOn(dir: string, args: string[], reportFile: string, copies: Set<string>): Promise<AssayOutcome> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'assay-bench-project-'));
  copies.add(copy);
  try {
    await copyProject(dir, copy);
    let planned: { ms: number; tests: number } | undefined;
    const started = performance.now();
    const subprocess = execa(process.execPath, [assayBin, 'run', '--reporters', 'json', ...args], {
      cwd: copy,
      reject: false,
      all: true,
      env: QUIET_ENV,
      stderr: function* (line: unknown) {
        const match = planned === undefined ? ASSAY_PLANNED.exec(String(line)) : null;
        if (match) planned = { ms: performance.now() - started, tests: Number(match[3]) };
        yield line;
      },
    });
    const memory = sampleTreeRss(subprocess.pid);
    const result = await subprocess;
    const peakRssMb = memory.stop();
    const wallMs = Math.round(performance.now() - started);
    const report = await readJson(path.join(copy, reportFile));
    // Exit code 1 is a score below a threshold of the project's config: the run itself went well.
    if ((result.exitCode !== 0 && result.exitCode !== 1) || report === undefined) {
      return { failure: `exit code ${result.exitCode}${report === undefined ? ', no report' : ''}: ${tail(String(result.all ?? ''))}` };
    }
    const summary = await readJson(path.join(copy, 'reports/assay-summary.json'));
    const verdicts = verdictsOf(report);
    const timings = summary?.run as RunTimings | undefined;
    return {
      verdicts,
      figures: {
        mutants: verdicts.length,
        wallMs,
        msPerMutant: perMutant(wallMs, verdicts.length),
        ...(planned === undefined ? {} : { firstMutantMs: Math.round(planned.ms), tests: planned.tests }),
        ...(timings === undefined ? {} : { initialRunMs: timings.dryRunMs, timings }),
        ...(peakRssMb === undefined ? {} : { peakRssMb }),
      },
    };
  } finally {
    await rm(copy, { recursive: true, force: true });
    copies.delete(copy);
  }
}


/** `file:line:column mutator "replacement"`. */
function describe(m: { file: string; line: number; column: number; replacement: string }, mutator: string): string {
  return `${m.file}:${m.line}:${m.column} ${mutator} ${JSON.stringify(m.replacement)}`;
}

function splitList(value: string): string[] {
  return value.split(',').map((part) => part.trim()).filter((part) => part.length > 0);
}

/** The last lines of a tool's output, on one line. */
function tail(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  return lines.slice(-TAIL_LINES).join(' ⏎ ') || '(no output)';
}

function perMutant(wallMs: number, mutants: number): number | null {
  return mutants === 0 ? null : Math.round((wallMs / mutants) * 10) / 10;
}

async function readJson(file: string): Promise<any> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function packageVersion(name: string): Promise<string> {
  const pkg = await readJson(path.join(repoRoot, 'node_modules', name, 'package.json'));
  return pkg?.version ?? '(not installed)';
}

const seconds = (ms?: number) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const speedUp = (row: ProjectRow) => (row.assay && row.stryker ? `×${(row.stryker.wallMs / row.assay.wallMs).toFixed(1)}` : '–');

function formatRow(row: ProjectRow): string {
  const tool = (name: string, figures?: ToolFigures) =>
    figures === undefined
      ? `${name} –`
      : `${name} ${seconds(figures.wallMs)} (${figures.mutants} mutants, ${figures.msPerMutant ?? 'n/a'} ms/mutant, ` +
        `first mutant after ${seconds(figures.firstMutantMs)}, initial test run ${seconds(figures.initialRunMs)}` +
        `${figures.peakRssMb === undefined ? '' : `, peak RSS ${figures.peakRssMb} MB`})`;
  const a = row.agreement;
  const agreement = a === undefined ? '' : ` · matched ${a.matched} (only assay ${a.onlyAssay}, only StrykerJS ${a.onlyStryker}), same status ${a.sameStatus}/${a.comparable}, same verdict ${a.sameVerdict}/${a.comparable}`;
  return `${row.project}: ${tool('assay', row.assay)} · ${tool('StrykerJS', row.stryker)} · speed-up ${speedUp(row)}${agreement}`;
}

function markdownTable(rows: ProjectRow[]): string {
  const both = (pick: (figures: ToolFigures) => string, row: ProjectRow) => `${row.assay ? pick(row.assay) : '–'} / ${row.stryker ? pick(row.stryker) : '–'}`;
  const wall = (figures?: ToolFigures) => (figures === undefined ? '–' : `${seconds(figures.wallMs)} (${figures.msPerMutant === null ? '–' : figures.msPerMutant.toFixed(0)} ms/mutant)`);
  const lines = [
    '| project | mutants assay / StrykerJS | assay | StrykerJS | speed-up | before 1st mutant assay / StrykerJS | peak RSS MB assay / StrykerJS | matched | same status | same verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    if (row.failed) {
      lines.push(`| ${row.project} | ${row.failed.map((f) => `${f.tool} failed`).join(', ')} | | | | | | | | |`);
      continue;
    }
    const a = row.agreement;
    lines.push(
      `| ${row.project} | ${both((f) => String(f.mutants), row)} | ${wall(row.assay)} | ${wall(row.stryker)} | **${speedUp(row)}** | ` +
        `${both((f) => seconds(f.firstMutantMs), row)} | ${both((f) => String(f.peakRssMb ?? '–'), row)} | ` +
        `${a ? a.matched : '–'} | ${a ? `${a.sameStatus}/${a.comparable}` : '–'} | ${a ? `${a.sameVerdict}/${a.comparable}` : '–'} |`,
    );
  }
  return lines.join('\n');
}
