/**
 * The key of a verdict: a sha256 over everything that can change what running a mutant gives,
 * so that a verdict stored under a key (incremental store, journal) can stand for a fresh run
 * whenever the key comes out the same. It hashes:
 *
 * (a) the mutant's identity, without line or column: its file name, mutator, replacement, the
 *     original text it replaces, and the occurrence index of that text — how many times the same
 *     text starts earlier in the file (`a + b` → `a - b` at the third `a + b` of the file). That
 *     tells apart identical mutants at different places, does not depend on which other mutants
 *     a run selected (`--since`, line ranges, disable comments), and survives edits elsewhere in
 *     the file that do not add or remove that same text before it. Together with the content of
 *     the mutated file (below) it is what stored entries are superseded by (store.ts);
 * (b) the tests planned for it: the ids of its covering tests, and per test file of its run
 *     (per vitest project) the tests selected in it (or "all": a static mutant's files run whole)
 *     and one hash of the content of every module that test file loaded — the test file itself,
 *     the mutated file, the helpers it imports inside or outside `mutate`, setup files and
 *     manual mocks, node_modules left out (dry-run/import-graph.ts) — and the content of the
 *     mutated file itself, so an edit anywhere in it re-runs its mutants: another function of
 *     the file may be what decides whether a test notices the mutant;
 * (c) the run's environment (environment.ts): the lockfile, the vitest config files and what
 *     they import, the project's package.json and tsconfig.json, the options that change
 *     verdicts (timeoutMS, timeoutFactor, coverageAnalysis, disableBail, isolation,
 *     ignoreStatic, memoryLimitMb), assay's version and Node's.
 *
 * Dry-run durations are not part of it (they differ from run to run and only order the tests),
 * nor are mutant ids, line numbers, concurrency or reporters.
 */
import { sha256 } from '../sha256.js';
import type { Mutant } from '../model.js';
import type { MutantRun } from '../plan/index.js';
import { fileKey, relativeName } from '../vitest/session.js';

/** Bumped when what the key covers changes: keys of another format never match. */
export const KEY_FORMAT = 1;

/** A mutant as it is known across runs: no id, no line numbers. */
export interface MutantIdentity {
  file: string;
  mutator: string;
  replacement: string;
  original: string;
  /** How many times `original` starts earlier in the file's text. */
  occurrence: number;
}

export function mutantIdentity(mutant: Pick<Mutant, 'fileName' | 'mutatorName' | 'replacement' | 'start' | 'end'>, text: string): MutantIdentity {
  const original = text.slice(mutant.start, mutant.end);
  let occurrence = 0;
  for (let at = text.indexOf(original); at !== -1 && at < mutant.start; at = text.indexOf(original, at + 1)) occurrence++;
  return { file: mutant.fileName, mutator: mutant.mutatorName, replacement: mutant.replacement, original, occurrence };
}

/** sha256 of a mutant identity: what store entries record to say which mutant they hold a verdict of. */
export function identityHash(identity: MutantIdentity): string {
  return sha256(JSON.stringify([identity.file, identity.mutator, identity.replacement, identity.original, identity.occurrence]));
}

/** One test file of a mutant's run, as the key sees it. */
export interface KeyedTestFile {
  project: string;
  /** Relative to the project root. */
  file: string;
  /** Ids of the tests selected in it, or 'all' when the file runs whole. */
  tests: readonly string[] | 'all';
  /** Hash of the content of every module the test file loaded (modulesHash). */
  modules: string;
}

/** Everything a verdict key is computed from. */
export interface VerdictInputs {
  identity: MutantIdentity;
  /** sha256 of the mutated file's content. */
  fileContent: string;
  static: boolean;
  /** Ids of the covering tests. */
  coveredBy: readonly string[];
  files: readonly KeyedTestFile[];
  /** environment.ts: lockfile, vitest config, options, versions. */
  environment: string;
}

export function verdictKey(inputs: VerdictInputs): string {
  const files = [...inputs.files]
    .map((file) => [file.project, file.file, file.tests === 'all' ? 'all' : [...file.tests].sort(), file.modules] as const)
    .sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
  const { identity } = inputs;
  return sha256(
    JSON.stringify({
      format: KEY_FORMAT,
      mutant: [identity.file, identity.mutator, identity.replacement, identity.original, identity.occurrence],
      fileContent: inputs.fileContent,
      static: inputs.static,
      coveredBy: [...inputs.coveredBy].sort(),
      files,
      environment: inputs.environment,
    }),
  );
}

/** One hash of the content of a set of files: `contentOf(file)` is the sha256 of one file's content. */
export function modulesHash(files: readonly string[], contentOf: (file: string) => string): string {
  return sha256(JSON.stringify([...files].sort().map((file) => [file, contentOf(file)])));
}

/**
 * The key of a planned run. `loaded` is the dry run's import graph (by fileKey, relative paths);
 * `modulesOf` gives the modulesHash of a test file's loaded modules (cached by the caller).
 */
export function runKey(
  run: MutantRun,
  context: {
    /** The mutated file's text, and the sha256 of it. */
    text: string;
    fileContent: string;
    projectRoot: string;
    environment: string;
    modulesOf: (testFile: string) => string;
  },
): string {
  return verdictKey({
    identity: mutantIdentity(run.mutant, context.text),
    fileContent: context.fileContent,
    static: run.static,
    coveredBy: run.coveredBy,
    files: run.selection.map((selection) => ({
      project: selection.project,
      file: relativeName(context.projectRoot, selection.moduleId),
      tests: selection.testIds ?? 'all',
      modules: context.modulesOf(fileKey(selection)),
    })),
    environment: context.environment,
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
