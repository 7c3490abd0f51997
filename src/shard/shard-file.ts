/**
 * The shard file, `reports/assay-shard-<i>-of-<n>.json`: what a `--shard i/n` run hands to
 * `assay merge`. It holds the run's RunResult (this shard's mutants, and the whole run's files,
 * tests and coverage) with its ShardInfo: index, count and the fingerprints that tell whether
 * shards belong to one run. Reading refuses, with one line naming the file, anything else.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { RunResult, Shard, ShardInfo } from '../model.js';

export const SHARD_FILE_FORMAT = 'assay-shard';
export const SHARD_FILE_VERSION = 1;

/** `reports/assay-shard-2-of-3.json`, relative to the project root. */
export function shardFileName({ index, count }: Shard): string {
  return `reports/assay-shard-${index}-of-${count}.json`;
}

export interface ShardFile {
  format: typeof SHARD_FILE_FORMAT;
  version: typeof SHARD_FILE_VERSION;
  /** The assay version that wrote it. */
  assay: string;
  index: number;
  count: number;
  fingerprint: string;
  result: RunResult & { shard: ShardInfo };
}

/** A shard file as read: its content and the name it was given by (for messages). */
export interface ReadShard {
  label: string;
  file: ShardFile;
}

export async function writeShardFile(result: RunResult & { shard: ShardInfo }, assay: string, absolutePath: string): Promise<void> {
  const { index, count, fingerprint } = result.shard;
  const file: ShardFile = { format: SHARD_FILE_FORMAT, version: SHARD_FILE_VERSION, assay, index, count, fingerprint, result };
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, JSON.stringify(file));
}

const positive = z.number().int().min(1);
const shardFileSchema = z.object({
  format: z.literal(SHARD_FILE_FORMAT),
  version: z.literal(SHARD_FILE_VERSION),
  assay: z.string(),
  index: positive,
  count: positive,
  fingerprint: z.string().min(1),
  result: z.looseObject({
    projectRoot: z.string(),
    files: z.array(z.looseObject({ name: z.string(), text: z.string() })),
    tests: z.array(z.looseObject({ id: z.string() })),
    flakyTests: z.array(z.looseObject({ id: z.string() })),
    mutants: z.array(z.looseObject({ id: positive, fileName: z.string(), status: z.string() })),
    timings: z.looseObject({}),
    shard: z.looseObject({ index: positive, count: positive, mutants: z.number().int().min(0), fingerprint: z.string(), partition: z.string() }),
  }),
});

/** Reads one shard file; `label` names it in messages (the path as given). */
export async function readShardFile(absolutePath: string, label: string): Promise<ReadShard> {
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`merge: ${label} does not exist: give the files 'assay run --shard i/n' wrote (reports/assay-shard-<i>-of-<n>.json)`);
    if (code === 'EISDIR') throw new UserError(`merge: ${label} is a directory: give the shard files in it (${label}/assay-shard-*.json)`);
    throw new UserError(`merge: cannot read ${label} (${code ?? (error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const checked = shardFileSchema.safeParse(parsed);
  const file = checked.success ? (checked.data as unknown as ShardFile) : undefined;
  if (file === undefined || file.index > file.count || file.result.shard.index !== file.index || file.result.shard.count !== file.count) {
    throw new UserError(`merge: ${label} is not an assay shard file (those are written by 'assay run --shard i/n' as reports/assay-shard-<i>-of-<n>.json)`);
  }
  return { label, file };
}
