/**
 * Runs the real `assay` command (bin/assay.js, built dist/) on a copy of a sandbox fixture and
 * reads back its JSON report, plus a hash of every project file before and after the run, so
 * tests can check verdicts and that the user's files were left byte-identical.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { sampleTreeRss } from './peak-rss.js';
import type { RunTimings } from '../../src/model.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'sandbox-fixtures');
const assayBin = path.join(repoRoot, 'bin/assay.js');
/** No colours, and no GitHub Actions output even when this suite itself runs there. */
const QUIET_ENV = { FORCE_COLOR: '0', GITHUB_ACTIONS: 'false' };
/** GNU time, used to read assay's peak RSS when present. */

/**
 * One leg of the compatibility matrix: the Node that runs assay, and the node_modules a fixture
 * copy is linked to (which decides the vitest it resolves).
 */
export interface Toolchain {
  name: string;
  node: string;
  nodeModules: string;
}

const compat = (leg: string) => path.join(repoRoot, 'compat', leg, 'node_modules');
const rootModules = path.join(repoRoot, 'node_modules');
const node22 = path.join(compat('node'), 'node22/bin/node');
const node24 = path.join(compat('node'), 'node24/bin/node');

/** This repo's own: the Node running the suite and vitest 4 (latest) from the root node_modules. */
export const ownToolchain: Toolchain = { name: `vitest 4, Node ${process.versions.node.split('.')[0]}`, node: process.execPath, nodeModules: rootModules };

/**
 * The matrix CI runs (`npm test` installs `compat/` first): vitest 4 (latest) on this Node (20),
 * 22 and 24; the oldest vitest 4 minor on this Node; vitest 5 on Node 22 and 24.
 */
export const toolchains: Toolchain[] = [
  ownToolchain,
  { name: 'vitest 4, Node 22', node: node22, nodeModules: rootModules },
  { name: 'vitest 4, Node 24', node: node24, nodeModules: rootModules },
  { name: `vitest 4.0, Node ${process.versions.node.split('.')[0]}`, node: process.execPath, nodeModules: compat('vitest-4.0') },
  { name: 'vitest 5, Node 22', node: node22, nodeModules: compat('vitest-5') },
  { name: 'vitest 5, Node 24', node: node24, nodeModules: compat('vitest-5') },
];

/** One leg per vitest (4 latest, 4.0, 5), for the costlier tests whose subject is vitest, not Node. */
export const oneToolchainPerVitest: Toolchain[] = toolchains.filter((toolchain, index) => toolchains.findIndex((other) => other.nodeModules === toolchain.nodeModules) === index);

/** One mutant's verdict as fixtures state it in expected.json. */
export interface MutantVerdict {
  file: string;
  line: number;
  column: number;
  mutator: string;
  replacement: string;
  /** Where the replaced code ends: 1-based line, 1-based column just past its last character. */
  endLine: number;
  endColumn: number;
  status: string;
}

export interface AssayRun {
  /** Processes left running in the project's directory once the run ended (must be none). */
  leftover: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The mutation-testing-report-schema JSON report, when one was written. */
  report?: any;
  verdicts: MutantVerdict[];
  /** Path → sha256 of every file outside reports/, before and after the run. */
  hashesBefore: Record<string, string>;
  hashesAfter: Record<string, string>;
  wallMs: number;
  /** Peak resident set size of assay's process tree (all its threads and any child process; peak-rss.ts), where /proc is. */
  peakRssMb?: number;
  /** Where assay says its time went (reports/assay-summary.json), when it wrote one. */
  timings?: RunTimings;
  /** Line and branch coverage per mutated file, by name (reports/assay-summary.json), when it wrote one. */
  coverage?: Record<string, { lines: number; branches: number }>;
}

/**
 * Whether a single plain run of `fixture` (StrykerJS's, or vitest's own coverage) can stand for
 * comparison: not when its tests are flaky on purpose (expected.json's `flakyOnPurpose` says why),
 * nor for a workspace, which needs its packages linked (test/support/workspace-copy.ts).
 */
export function comparableWithPlainRuns(fixture: string): boolean {
  if (isWorkspaceFixture(fixture)) return false;
  const file = path.join(fixturesDir, fixture, 'expected.json');
  if (!existsSync(file)) return true;
  const expected = JSON.parse(readFileSync(file, 'utf8')) as { flakyOnPurpose?: string };
  return expected.flakyOnPurpose === undefined;
}

/** Whether `fixture` is a monorepo (its package.json lists `workspaces`): test/e2e/monorepo.test.ts runs it. */
export function isWorkspaceFixture(fixture: string): boolean {
  const file = path.join(fixturesDir, fixture, 'package.json');
  return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { workspaces?: unknown }).workspaces !== undefined;
}

/** Copies `fixture` to a temp dir (with the toolchain's node_modules linked in) and runs assay there. */
export async function runAssayOnFixture(fixture: string, args: string[] = [], toolchain = ownToolchain): Promise<AssayRun> {
  return withFixtureCopy(fixture, (dir) => runAssay(dir, args, toolchain), toolchain);
}

/** Calls `use` with a fresh copy of `fixture` (the toolchain's node_modules linked in), removed afterwards. */
export async function withFixtureCopy<T>(fixture: string, use: (dir: string) => Promise<T>, toolchain = ownToolchain): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `assay-e2e-${fixture}-`));
  try {
    await cp(path.join(fixturesDir, fixture), dir, {
      recursive: true,
      filter: (src) => !/[\\/](node_modules|reports)$/.test(src),
    });
    await symlink(toolchain.nodeModules, path.join(dir, 'node_modules'), 'dir');
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the repo's assay command with `args` in `dir`. */
export async function assayCommand(dir: string, ...args: string[]) {
  return assayCommandWith(ownToolchain, dir, ...args);
}

/** Runs the repo's assay command with `args` in `dir`, under the toolchain's Node. */
export async function assayCommandWith(toolchain: Toolchain, dir: string, ...args: string[]) {
  const result = await execa(toolchain.node, [assayBin, ...args], { cwd: dir, reject: false, env: QUIET_ENV });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Runs `assay run` in `dir` (under the toolchain's Node) and collects its outputs. */
export async function runAssay(dir: string, args: string[] = [], toolchain = ownToolchain): Promise<AssayRun> {
  const hashesBefore = await hashTree(dir);
  const started = performance.now();
  const subprocess = execa(toolchain.node, [assayBin, 'run', '--reporters', 'json,clear-text', ...args], { cwd: dir, reject: false, env: QUIET_ENV });
  const memory = sampleTreeRss(subprocess.pid);
  const result = await subprocess;
  const wallMs = Math.round(performance.now() - started);
  const peakRssMb = memory.stop();
  const hashesAfter = await hashTree(dir);
  const leftover = await processesIn(dir);
  const report = await readJson(path.join(dir, 'reports/mutation/mutation.json'));
  const summary = await readJson(path.join(dir, 'reports/assay-summary.json'));
  return {
    exitCode: result.exitCode ?? -1,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
    report,
    verdicts: report ? verdictsOf(report) : [],
    hashesBefore,
    hashesAfter,
    leftover,
    wallMs,
    ...(peakRssMb === undefined ? {} : { peakRssMb }),
    ...(summary?.run ? { timings: summary.run as RunTimings } : {}),
    ...(summary?.files ? { coverage: summary.files } : {}),
  };
}

async function readJson(file: string): Promise<any> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Flattens a JSON report into verdicts sorted by file and position. */
export function verdictsOf(report: any): MutantVerdict[] {
  const verdicts: MutantVerdict[] = [];
  for (const [file, { mutants }] of Object.entries<any>(report.files)) {
    for (const mutant of mutants) {
      verdicts.push({
        file,
        line: mutant.location.start.line,
        column: mutant.location.start.column,
        mutator: mutant.mutatorName,
        replacement: mutant.replacement,
        endLine: mutant.location.end.line,
        endColumn: mutant.location.end.column,
        status: mutant.status,
      });
    }
  }
  return verdicts.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.mutator.localeCompare(b.mutator) ||
      a.replacement.localeCompare(b.replacement),
  );
}

/** Processes whose command line names `dir`: none may outlive a run in it. */
export async function processesIn(dir: string): Promise<string[]> {
  const { stdout } = await execa('ps', ['-eo', 'pid,args'], { reject: false });
  return String(stdout)
    .split('\n')
    .filter((line) => line.includes(dir) && !line.includes('ps -eo'));
}

/** sha256 of every file under `dir`, skipping node_modules and reports/. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full);
    if (rel.startsWith('node_modules') || rel.startsWith('reports')) continue;
    hashes[rel] = createHash('sha256').update(await readFile(full)).digest('hex');
  }
  return hashes;
}
