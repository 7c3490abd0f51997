/**
 * The pipeline step between plan and execute that makes runs incremental and resumable. Every
 * planned run gets its verdict key (verdict-key.ts), which its result carries (`verdictKey`:
 * the journal writes it on each line). Then, with `--resume`, runs whose key the journal of the
 * earlier run holds, and with `--incremental`, runs whose key the incremental store holds, become
 * settled results with that verdict (`reusedFrom` says where it came from); the rest run as
 * always. `--force` reuses nothing. At the end of a run that completed, `saveVerdicts` writes
 * the store (with `--incremental`, `--force` included).
 *
 * Reused results are settled before execute, so a test that only the coverage pass finds flaky
 * (after the runs) revises the verdicts that ran, not a reused one it helped decide: that one
 * stands for this run as it was stored, is not stored again, and runs afresh next time.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { MutantResult, Options, SourceFile } from '../model.js';
import type { DryRunResult } from '../dry-run/index.js';
import type { MutantRun, Plan } from '../plan/index.js';
import { JOURNAL_FILE } from '../report/journal.js';
import { contentHashes } from './content-hashes.js';
import { environmentHash } from './environment.js';
import { readJournalVerdicts } from './journal-verdicts.js';
import { mergeEntries, readStore, storedVerdictOf, writeStore, type StoredVerdict } from './store.js';
import { identityHash, modulesHash, mutantIdentity, runKey } from './verdict-key.js';
import { sha256 } from '../sha256.js';
import { verdictFields, type ReusedVerdict, type VerdictsRead } from './verdict-source.js';

/** What the run reused, for the user. */
export interface ReuseInfo {
  /** Results taken from earlier runs, of `of` planned runs; the others run. */
  reused: number;
  of: number;
  /** The sources read, in the order they were asked, with how many results each gave. */
  from: Array<{ file: string; reused: number }>;
  /** Sources that do not exist (yet). */
  missing: string[];
}

export interface ReuseEvents {
  warn?: (message: string) => void;
  reused?: (info: ReuseInfo) => void;
}

export interface ReuseContext {
  files: readonly SourceFile[];
  dry: DryRunResult;
  options: Options;
  events: ReuseEvents;
}

/** The plan with its runs keyed, and those an earlier run already gave a verdict moved to `settled`. */
export async function reuseVerdicts<P extends Plan>(plan: P, { files, dry, options, events }: ReuseContext): Promise<P> {
  const keyed = keyRuns(plan.runs, files, dry, options);
  const { resume, enabled, force, file } = options.incremental;
  if (force || (!resume && !enabled)) return { ...plan, runs: keyed };
  const sources: Array<{ file: string; verdicts: ReadonlyMap<string, ReusedVerdict>; reused: number }> = [];
  const missing: string[] = [];
  const consult = (label: string, read: VerdictsRead, what: string) => {
    if (read.state === 'read') sources.push({ file: label, verdicts: read.verdicts, reused: 0 });
    else if (read.state === 'missing') missing.push(label);
    else events.warn?.(`ignoring ${what} ${label}: ${read.reason}`);
  };
  if (resume) {
    const read = await readJournalVerdicts(resolve(options.projectRoot, JOURNAL_FILE));
    if (read.state === 'missing') events.warn?.(`nothing to resume: ${JOURNAL_FILE} does not exist`);
    consult(JOURNAL_FILE, read, 'the journal');
  }
  if (enabled) consult(file, await readStore(resolve(options.projectRoot, file)), 'the incremental store');
  const runs: MutantRun[] = [];
  const reused: MutantResult[] = [];
  for (const run of keyed) {
    const key = run.mutant.verdictKey!;
    const source = sources.find((candidate) => candidate.verdicts.has(key));
    if (source === undefined) {
      runs.push(run);
      continue;
    }
    source.reused++;
    reused.push({ ...run.mutant, ...verdictFields(source.verdicts.get(key)!), reusedFrom: source.file });
  }
  events.reused?.({ reused: reused.length, of: keyed.length, from: sources.map(({ file, reused }) => ({ file, reused })), missing });
  return { ...plan, runs, settled: [...plan.settled, ...reused] };
}

/** `assay: reused 12 of 40 results from reports/assay-incremental.json; running 28` (without the prefix). */
export function reuseMessage({ reused, of, from, missing }: ReuseInfo): string {
  const sources = from.length === 1 ? ` from ${from[0].file}` : from.length > 1 ? ` from ${from.map(({ file, reused }) => `${file} (${reused})`).join(' and ')}` : '';
  const absent = missing.length === 0 ? '' : ` (no ${missing.join(' or ')} yet)`;
  return `reused ${reused} of ${of} results${sources}${absent}; running ${of - reused}`;
}

/**
 * With `--incremental`, writes the store from a completed run's results (never throws: a failure
 * is a warning). A result one of whose covering tests this run found flaky is not stored: verdicts
 * that ran are given again without that test (and carry no key then), but a reused one is not, so
 * the next run gives it afresh.
 */
export async function saveVerdicts(results: readonly MutantResult[], { files, dry, options, events }: ReuseContext): Promise<void> {
  if (!options.incremental.enabled) return;
  const flaky = new Set(dry.flaky.map((test) => test.id));
  const file = resolve(options.projectRoot, options.incremental.file);
  const texts = new Map(files.map((source) => [source.name, source.text]));
  const current = new Map<string, StoredVerdict>();
  const keyed = new Set<string>();
  for (const result of results) {
    const text = texts.get(result.fileName);
    if (result.verdictKey === undefined || text === undefined) continue;
    const identity = identityHash(mutantIdentity(result, text));
    keyed.add(identity);
    const entry = storedVerdictOf(result, identity);
    if (entry !== undefined && !result.coveredBy.some((id) => flaky.has(id))) current.set(result.verdictKey, entry);
  }
  const partial = options.shard !== undefined;
  const wholeFiles = new Set(partial ? [] : files.filter((source) => source.lineRanges === undefined).map((source) => source.name));
  const previous = await readStore(file);
  try {
    await writeStore(file, mergeEntries(current, previous.state === 'read' ? previous.verdicts : new Map(), keyed, wholeFiles));
  } catch (error) {
    events.warn?.(`could not write the incremental store ${options.incremental.file}: ${(error as Error).message}`);
  }
}

/** Every run with its verdict key on its mutant (results made from the run carry it). */
function keyRuns(runs: readonly MutantRun[], files: readonly SourceFile[], dry: DryRunResult, options: Options): MutantRun[] {
  const contentOf = contentHashes(options.projectRoot);
  const environment = environmentHash(options, dry.imports.configFiles, contentOf);
  const texts = new Map(files.map((file) => [file.name, { text: file.text, fileContent: sha256(file.text) }]));
  const modules = new Map<string, string>();
  // A test file the import graph does not know gets a hash nothing stored can match.
  const modulesOf = (testFile: string) => {
    let hash = modules.get(testFile);
    if (hash === undefined) {
      const loaded = dry.imports.loaded[testFile];
      hash = loaded === undefined ? `unknown ${randomUUID()}` : modulesHash(loaded, contentOf);
      modules.set(testFile, hash);
    }
    return hash;
  };
  return runs.map((run) => {
    const { text, fileContent } = texts.get(run.mutant.fileName) ?? { text: '', fileContent: `unknown ${randomUUID()}` };
    const verdictKey = runKey(run, { text, fileContent, projectRoot: options.projectRoot, environment, modulesOf });
    return { ...run, mutant: { ...run.mutant, verdictKey } };
  });
}
