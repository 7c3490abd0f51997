/**
 * The pipeline: select → mutate → instrument → dry run → plan → execute. Takes validated options
 * and returns the data every reporter reads. Knows nothing of terminals or exit codes (the CLI's
 * job), so it is also the Node API.
 */
import type { Mutant, MutantResult, Options, RunResult, SourceFile } from './model.js';
import { selectFiles } from './select/index.js';
import { findMutants } from './mutate/index.js';
import { instrumentFile } from './instrument/index.js';
import { dryRun, type DryRunResult } from './dry-run/index.js';
import { planMutants } from './plan/index.js';
import { executePlan } from './execute/index.js';

export interface PipelineEvents {
  warn?: (message: string) => void;
  /** Mutants have been found and planned: `total` will get a verdict from a run. */
  planned?: (info: { mutants: number; toRun: number; tests: number; dryRunMs: number }) => void;
  result?: (result: MutantResult) => void;
}

export async function runPipeline(options: Options, events: PipelineEvents = {}): Promise<RunResult> {
  const started = Date.now();
  const files = await selectFiles(options);
  const mutants = numberMutants(files, options, events);
  const instrumented = instrumentAll(files, mutants);
  const dry: DryRunResult = await dryRun(options, instrumented);
  const plan = planMutants(mutants, dry, options);
  events.planned?.({ mutants: mutants.length, toRun: plan.runs.length, tests: dry.tests.length, dryRunMs: dry.durationMs });
  plan.settled.forEach((result) => events.result?.(result));
  const executed = await executePlan(plan.runs, {
    session: {
      projectRoot: options.projectRoot,
      configFile: options.vitest.configFile,
      instrumented,
      bail: !options.disableBail,
      maxWorkers: 1,
    },
    concurrency: options.concurrency,
    timeoutMS: options.timeoutMS,
    timeoutFactor: options.timeoutFactor,
    onResult: events.result,
  });
  return {
    projectRoot: options.projectRoot,
    files: files.map(({ name, text }) => ({ name, text })),
    tests: dry.tests,
    mutants: [...plan.settled, ...executed].sort((a, b) => a.id - b.id),
    thresholds: options.thresholds,
    durationMs: Date.now() - started,
  };
}

/** Finds mutants in every file, keeps those on selected lines, and numbers them from 1. */
function numberMutants(files: readonly SourceFile[], options: Options, events: PipelineEvents): Mutant[] {
  const mutants: Mutant[] = [];
  for (const file of files) {
    let candidates;
    try {
      candidates = findMutants(file, { excludedMutations: options.mutator.excludedMutations });
    } catch (error) {
      events.warn?.(`skipped ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const candidate of candidates) {
      if (!onSelectedLines(candidate.location.start.line, candidate.location.end.line, file)) continue;
      mutants.push({ ...candidate, id: mutants.length + 1, fileName: file.name });
    }
  }
  return mutants;
}

function onSelectedLines(startLine: number, endLine: number, file: SourceFile): boolean {
  if (file.lineRanges === undefined) return true;
  return file.lineRanges.some((range) => startLine <= range.end && endLine >= range.start);
}

/** Absolute path → schemata source, for every file that has mutants. */
function instrumentAll(files: readonly SourceFile[], mutants: readonly Mutant[]): Record<string, string> {
  const byFile = new Map<string, Mutant[]>();
  for (const mutant of mutants) {
    const list = byFile.get(mutant.fileName);
    if (list) list.push(mutant);
    else byFile.set(mutant.fileName, [mutant]);
  }
  const instrumented: Record<string, string> = {};
  for (const file of files) {
    const fileMutants = byFile.get(file.name);
    if (fileMutants) instrumented[file.path] = instrumentFile(file.text, file.name, fileMutants);
  }
  return instrumented;
}
