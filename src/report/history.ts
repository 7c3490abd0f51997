/**
 * The run history: `reports/assay-history.jsonl` (`assay.historyFile`), one JSON line per
 * complete full run — its date, the assay version, the git commit when the project is in a
 * repository, and per module ("All files", every directory and file, as in the summary) the
 * mutation score, line and branch coverage. `assay trend` and the HTML report's chart read it.
 *
 * Only runs whose figures stand for the whole project are appended: not an interrupted run,
 * a `--since` run (changed lines only) or a `--shard` run (part of the mutants). A line that
 * is not a history entry (a hand edit, a write cut short) is skipped, and said so.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { z } from 'zod';
import type { RunResult } from '../model.js';
import type { Figures } from './baseline.js';
import { summarise, type ModuleSummary, type Summary } from './summary.js';

/** The module name of the whole project, as in the table. */
export const TOTAL_MODULE = 'All files';

export interface HistoryEntry {
  /** When the run ended (ISO 8601, UTC). */
  date: string;
  assay: string;
  /** `git rev-parse HEAD`, when the project is in a git repository. */
  commit?: string;
  /** "All files" first, then directories and files in name order. */
  modules: Record<string, Figures>;
}

/** The history read back: its entries, oldest first, and the numbers of the lines skipped. */
export interface History {
  entries: HistoryEntry[];
  skippedLines: number[];
}

const figure = z.number().nullable();
const entrySchema = z.object({
  date: z.iso.datetime(),
  assay: z.string(),
  commit: z.string().optional(),
  modules: z.record(z.string(), z.object({ mutationScore: figure, lines: figure, branches: figure })),
});

/** Why a run gets no history line, or undefined when it gets one. */
export function notRecordedBecause(result: RunResult): string | undefined {
  if (result.interrupted) return 'the run was interrupted';
  if (result.since !== undefined) return `only lines changed since ${result.since.ref} were mutated`;
  if (result.shard !== undefined) return 'a shard holds part of the mutants only';
  return undefined;
}

/** The history entry of a run's summary. */
export function historyEntry(summary: Summary, info: { date: Date; assay: string; commit?: string }): HistoryEntry {
  const figures = ({ mutationScore, lines, branches }: ModuleSummary): Figures => ({ mutationScore, lines, branches });
  const modules: Record<string, Figures> = { [TOTAL_MODULE]: figures(summary.total) };
  const named = [...Object.entries(summary.directories), ...Object.entries(summary.files)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, module] of named) modules[name] = figures(module);
  return { date: info.date.toISOString(), assay: info.assay, ...(info.commit !== undefined && { commit: info.commit }), modules };
}

/** The entry as one line of the file, newline included. */
export function historyLine(entry: HistoryEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/** Parses the file's text: blank lines are ignored, lines that are not entries are skipped. */
export function parseHistory(text: string): History {
  const entries: HistoryEntry[] = [];
  const skippedLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      skippedLines.push(index + 1);
      return;
    }
    const entry = entrySchema.safeParse(json);
    if (entry.success) entries.push(entry.data);
    else skippedLines.push(index + 1);
  });
  return { entries, skippedLines };
}

/** Reads the history file; undefined when there is none. */
export async function readHistory(file: string): Promise<History | undefined> {
  const text = await readText(file);
  return text === undefined ? undefined : parseHistory(text);
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** `reports/assay-history.jsonl: skipped lines 3 and 7, which are not history entries`. */
export function skippedLinesWarning(label: string, lines: readonly number[]): string {
  const shown = lines.slice(0, 10);
  const more = lines.length > shown.length ? ` (and ${lines.length - shown.length} more)` : '';
  const list = shown.length === 1 ? `line ${shown[0]}` : `lines ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return `${label}: skipped ${list}${more}, which ${lines.length === 1 ? 'is not a history entry' : 'are not history entries'}`;
}

/** HEAD's commit, or undefined when `cwd` is not in a git repository (or git is missing). */
export async function gitCommit(cwd: string): Promise<string | undefined> {
  const result = await execa('git', ['rev-parse', 'HEAD'], { cwd, reject: false });
  const sha = String(result.stdout).trim();
  return result.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/**
 * What `assay run` does with the history: reads it (warning about skipped lines), appends the
 * run's entry when the run qualifies, and returns the entries, this run's last, for the chart.
 */
export async function recordHistory(
  result: RunResult,
  where: { file: string; label: string },
  info: { assay: string; date?: Date; warn: (message: string) => void; summary?: Summary },
): Promise<HistoryEntry[]> {
  const text = (await readText(where.file)) ?? '';
  const history = parseHistory(text);
  if (history.skippedLines.length > 0) info.warn(skippedLinesWarning(where.label, history.skippedLines));
  if (notRecordedBecause(result) !== undefined) return history.entries;
  const entry = historyEntry(info.summary ?? summarise(result), { date: info.date ?? new Date(), assay: info.assay, commit: await gitCommit(result.projectRoot) });
  await mkdir(path.dirname(where.file), { recursive: true });
  // A last line cut short (a write that did not finish) stays a line of its own.
  await appendFile(where.file, `${text === '' || text.endsWith('\n') ? '' : '\n'}${historyLine(entry)}`);
  return [...history.entries, entry];
}
