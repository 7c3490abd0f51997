/**
 * The ground-truth check: is each verdict what a plain vitest run says? For every mutant, a
 * fresh copy of the project gets the mutant applied by hand (apply.ts) and one plain
 * `vitest run` (plain-run.ts). A verdict of Killed or Timeout claims the run fails or hangs;
 * Survived or NoCoverage claims it passes. A mutant with no verdict (Ignored, RuntimeError,
 * Pending) has nothing to check. In a project checked with its TypeScript compiler (`tsconfig`), a
 * CompileError claims a plain `tsc --noEmit` fails, and every other verdict that it passes; each
 * mutant's check starts from the unmutated project's build info (plain-type-check.ts).
 *
 * An observation that contradicts the verdict is taken again before it counts, with a time
 * limit three times as long when the first run hung: a slow machine must not pass for a hang.
 * Two contradicting runs make the verdict `wrong`; a contradiction the second run does not
 * repeat makes it `unsettled` (the project's tests are not deterministic there). Both fail the
 * check.
 *
 * The time limit: the unmutated suite's own plain run time, times 3, plus 10 s, so that a run
 * under load is not taken for a hang, and a mutant that loops for ever costs a bounded time.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyMutant } from './apply.js';
import { describeMutant, type JudgedMutant } from './mutants.js';
import { plainVitestRun, type PlainOutcome, type PlainRun } from './plain-run.js';
import { plainTypeCheck } from './plain-type-check.js';
import { withProjectCopy } from './project-copy.js';

export type Finding = 'agrees' | 'wrong' | 'unsettled' | 'no-verdict';

/** What a plain run did; `compiles` and `does-not-compile` are what a plain type check said. */
export type Outcome = PlainOutcome | 'compiles' | 'does-not-compile';

export interface MutantFinding {
  mutant: JudgedMutant;
  finding: Finding;
  /** What the plain runs did, in order (none for a mutant with no verdict). */
  outcomes: Outcome[];
  /** The last lines of the last run, where the finding is not `agrees`. */
  tail?: string;
}

export interface GroundTruth {
  /** The unmutated suite's plain run time, and the time limit derived from it. */
  baselineMs: number;
  timeLimitMs: number;
  findings: MutantFinding[];
  wallMs: number;
}

export interface CheckOptions {
  /** Plain runs at once. */
  concurrency: number;
  /** Test files the plain runs leave out (tests flaky on purpose: no verdict rests on them). */
  exclude?: readonly string[];
  /**
   * The folder each copy is made of, when it is above the project: a workspace root, whose
   * packages the project imports (default: the project itself).
   */
  copyRoot?: string;
  /** The tsconfig (relative to the project) a type-checked project compiles with: CompileError verdicts are judged by it. */
  tsconfig?: string;
  onFinding?: (finding: MutantFinding, done: number, total: number) => void;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

export async function checkGroundTruth(projectDir: string, mutants: readonly JudgedMutant[], options: CheckOptions): Promise<GroundTruth> {
  const started = performance.now();
  const where: Where = { root: options.copyRoot ?? projectDir, project: path.relative(options.copyRoot ?? projectDir, projectDir) };
  const baseline = await inCopy(where, undefined, (dir) => plainVitestRun(dir, { timeLimitMs: 300_000, exclude: options.exclude }));
  // Without a passing suite there is no truth to compare with.
  if (baseline.outcome !== 'passed') {
    throw new Error(`${projectDir}: the plain vitest run fails without any mutant (${baseline.outcome}); the ground truth needs a passing suite:\n${baseline.tail}`);
  }
  const timeLimitMs = 3 * baseline.ms + 10_000;
  const buildInfo = options.tsconfig === undefined ? undefined : await baselineTypeCheck(where, projectDir, options.tsconfig);
  const findings: MutantFinding[] = new Array(mutants.length);
  let done = 0;
  await inParallel(mutants.length, options.concurrency, async (index) => {
    findings[index] = await judge(where, mutants[index], timeLimitMs, options, buildInfo);
    options.onFinding?.(findings[index], ++done, mutants.length);
  });
  return { baselineMs: baseline.ms, timeLimitMs, findings, wallMs: Math.round(performance.now() - started) };
}

/** The unmutated project's type check: it must compile, or no CompileError verdict means anything. Its build info. */
async function baselineTypeCheck(where: Where, projectDir: string, tsconfig: string): Promise<string | undefined> {
  const check = await inCopy(where, undefined, (dir) => plainTypeCheck(dir, tsconfig));
  if (!check.compiles) throw new Error(`${projectDir}: tsc -p ${tsconfig} fails without any mutant; the ground truth needs a project that compiles:\n${check.head}`);
  return check.buildInfo;
}

async function judge(where: Where, mutant: JudgedMutant, timeLimitMs: number, options: CheckOptions, buildInfo: string | undefined): Promise<MutantFinding> {
  const { exclude, tsconfig } = options;
  const claimsFailure = DETECTED.has(mutant.status);
  const runs = claimsFailure || UNDETECTED.has(mutant.status);
  if (tsconfig !== undefined && (runs || mutant.status === 'CompileError')) {
    // Deterministic: one plain type check says it.
    const typeCheck = await inCopy(where, mutant, (dir) => plainTypeCheck(dir, tsconfig, buildInfo));
    const outcome: Outcome = typeCheck.compiles ? 'compiles' : 'does-not-compile';
    if (typeCheck.compiles === (mutant.status === 'CompileError')) return { mutant, finding: 'wrong', outcomes: [outcome], tail: typeCheck.head };
    if (!runs) return { mutant, finding: 'agrees', outcomes: [outcome] };
  }
  if (!runs) return { mutant, finding: 'no-verdict', outcomes: [] };
  const agrees = (run: PlainRun) => (run.outcome === 'passed') !== claimsFailure;
  const run = (limit: number) => inCopy(where, mutant, (dir) => plainVitestRun(dir, { timeLimitMs: limit, exclude }));
  const first = await run(timeLimitMs);
  if (agrees(first)) return { mutant, finding: 'agrees', outcomes: [first.outcome] };
  const second = await run(first.outcome === 'hung' ? 3 * timeLimitMs : timeLimitMs);
  return {
    mutant,
    finding: agrees(second) ? 'unsettled' : 'wrong',
    outcomes: [first.outcome, second.outcome],
    tail: second.tail,
  };
}

/** What is copied (`root`), and where in it the project is (`project`, relative). */
interface Where {
  root: string;
  project: string;
}

/**
 * Runs `use` in the project of a fresh copy, with `mutant` applied when given; the copy is
 * removed after.
 */
async function inCopy<T>(where: Where, mutant: JudgedMutant | undefined, use: (dir: string) => Promise<T>): Promise<T> {
  return withProjectCopy(where.root, 'assay-ground-truth-', async (copy) => {
    const dir = path.join(copy, where.project);
    if (mutant !== undefined) {
      const file = path.join(dir, mutant.file);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        throw new Error(`${describeMutant(mutant)}: no such file in ${path.join(where.root, where.project)}`);
      }
      try {
        await writeFile(file, applyMutant(text, mutant));
      } catch (error) {
        throw new Error(`${describeMutant(mutant)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return use(dir);
  });
}

/** Calls `work(i)` for i in [0, count), at most `concurrency` at a time. */
async function inParallel(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
}
