/**
 * The incremental store (`reports/assay-incremental.json`, or `assay.incrementalFile`): verdicts by
 * verdict key (verdict-key.ts), each with what it takes to give the same result again without a
 * run. Written at the end of a run that completed; read by the next `assay run --incremental`.
 *
 * A store that cannot be read, is not JSON, is not an assay store, or comes from another assay
 * version or store format is ignored with a reason (never a crash): the run then runs everything
 * and writes a fresh one.
 *
 * Writing keeps the entries of this run and, of the previous store, those of mutants this run did
 * not key — other files, or the part of a file a `--since`, line-range or `--shard` run left out —
 * unless this run mutated their whole file (then its mutants are all here, and the others are
 * gone from the code). An entry whose mutant (identity) this run keyed is superseded by this run's.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { MutantResult } from '../model.js';
import { assayVersion } from '../report/version.js';
import { readSource, type VerdictsRead } from './verdict-source.js';

/** Bumped when the store's layout changes. */
export const STORE_FORMAT = 1;

/** Verdicts that stand for a fresh run. Errors (CompileError, RuntimeError) run again. */
export const REUSABLE: ReadonlySet<string> = new Set(['Killed', 'Survived', 'Timeout']);

const storedVerdict = z.object({
  /** identityHash of the mutant (verdict-key.ts). */
  mutant: z.string(),
  file: z.string(),
  status: z.enum(['Killed', 'Survived', 'Timeout']),
  statusReason: z.string().optional(),
  killedBy: z.array(z.string()),
  coveredBy: z.array(z.string()),
  testsCompleted: z.number(),
  static: z.boolean(),
  durationMs: z.number().optional(),
});
export type StoredVerdict = z.output<typeof storedVerdict>;

const storeSchema = z.object({
  assayIncremental: z.number(),
  assay: z.string(),
  entries: z.record(z.string(), storedVerdict),
});

/** Reads the store at `file` (absolute). */
export async function readStore(file: string): Promise<VerdictsRead<StoredVerdict>> {
  const text = await readSource(file);
  if (typeof text !== 'string') return text;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { state: 'ignored', reason: `it is not valid JSON (${(error as Error).message})` };
  }
  const head = raw as { assayIncremental?: unknown; assay?: unknown } | null;
  if (typeof head !== 'object' || head === null || typeof head.assayIncremental !== 'number') {
    return { state: 'ignored', reason: 'it is not an assay incremental store' };
  }
  if (head.assay !== assayVersion) return { state: 'ignored', reason: `it was written by assay ${String(head.assay)}, this is ${assayVersion}` };
  if (head.assayIncremental !== STORE_FORMAT) return { state: 'ignored', reason: `it has store format ${head.assayIncremental}, this assay reads ${STORE_FORMAT}` };
  const parsed = storeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { state: 'ignored', reason: `it is damaged (${issue.path.join('.')}: ${issue.message})` };
  }
  return { state: 'read', verdicts: new Map(Object.entries(parsed.data.entries)) };
}

/** A result worth storing: it ran (or was reused) under a key and has a verdict that stands. */
export function storedVerdictOf(result: MutantResult, identity: string): StoredVerdict | undefined {
  if (result.verdictKey === undefined || !REUSABLE.has(result.status)) return undefined;
  return {
    mutant: identity,
    file: result.fileName,
    status: result.status as StoredVerdict['status'],
    ...(result.statusReason === undefined ? {} : { statusReason: result.statusReason }),
    killedBy: result.killedBy,
    coveredBy: result.coveredBy,
    testsCompleted: result.testsCompleted,
    static: result.static,
    ...(result.durationMs === undefined ? {} : { durationMs: result.durationMs }),
  };
}

/**
 * The entries to write: this run's (`current`), and those of `previous` that still may serve
 * (see the module comment). `keyed`: identity hashes of every mutant this run keyed;
 * `wholeFiles`: files whose every mutant this run keyed.
 */
export function mergeEntries(
  current: ReadonlyMap<string, StoredVerdict>,
  previous: ReadonlyMap<string, StoredVerdict>,
  keyed: ReadonlySet<string>,
  wholeFiles: ReadonlySet<string>,
): Map<string, StoredVerdict> {
  const entries = new Map<string, StoredVerdict>();
  for (const [key, entry] of previous) {
    if (!keyed.has(entry.mutant) && !wholeFiles.has(entry.file)) entries.set(key, entry);
  }
  for (const [key, entry] of current) entries.set(key, entry);
  return entries;
}

/** Writes the store to `file` (absolute) at once: a crash while writing leaves the old one. */
export async function writeStore(file: string, entries: ReadonlyMap<string, StoredVerdict>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify({ assayIncremental: STORE_FORMAT, assay: assayVersion, entries: Object.fromEntries(sorted) })}\n`);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
