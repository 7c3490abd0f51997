/**
 * `assay trend`: from the run history alone (nothing is run), a table per module — "All files"
 * first, then directories and files — of the last runs' mutation score, line and branch coverage,
 * each with its change since the run before (`+2.50`, `-1.00`, `±0`). The oldest run shown is
 * compared with the one before it when the history has it.
 */
import Table from 'cli-table3';
import picomatch from 'picomatch';
import { UserError } from '../errors.js';
import type { Figures } from './baseline.js';
import { readHistory, skippedLinesWarning, TOTAL_MODULE, type HistoryEntry } from './history.js';

export const DEFAULT_TREND_RUNS = 5;

export interface TrendOptions {
  /** How many of the latest runs to show. */
  last: number;
  /** A glob of module names (files, directories ending in '/', "All files"): only those are shown. */
  module?: string;
}

const METRICS = ['mutationScore', 'lines', 'branches'] as const satisfies ReadonlyArray<keyof Figures>;

/** The trend tables for `entries` (oldest first, at least one), `label` naming the history file. */
export function renderTrend(entries: readonly HistoryEntry[], options: TrendOptions, label: string): string {
  const start = Math.max(0, entries.length - options.last);
  const shown = entries.slice(start);
  const names = moduleNames(shown);
  const selected = options.module === undefined ? names : names.filter(matcher(options.module));
  if (selected.length === 0) {
    const known = names.length > 5 ? `${names.slice(0, 5).join(', ')}, …` : names.join(', ');
    throw new UserError(`--module '${options.module}' matches no module of the runs in ${label} (${known})`);
  }
  const runs =
    shown.length === entries.length
      ? shown.length === 1 ? 'the only run' : `all ${shown.length} runs`
      : shown.length === 1 ? `the last of ${entries.length} runs` : `the last ${shown.length} of ${entries.length} runs`;
  const sections = [`Trend over ${runs} in ${label}:`];
  for (const name of selected) sections.push(`${name}\n${moduleTable(name, shown, entries[start - 1])}`);
  return sections.join('\n\n');
}

/** One module's table: a row per run, oldest first. */
function moduleTable(name: string, shown: readonly HistoryEntry[], before: HistoryEntry | undefined): string {
  const table = new Table({
    head: ['Run (UTC)', 'Commit', '% score', 'change', '% lines', 'change', '% branches', 'change'],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [], compact: true },
  });
  let previous = before?.modules[name];
  for (const entry of shown) {
    const figures = entry.modules[name];
    const cells = METRICS.flatMap((metric) => [value(figures?.[metric]), change(figures?.[metric], previous?.[metric])]);
    table.push([runDate(entry.date), entry.commit?.slice(0, 7) ?? '', ...cells]);
    previous = figures;
  }
  return table.toString();
}

/** Module names in the runs shown, newest run's order first: "All files", then the others by name. */
function moduleNames(shown: readonly HistoryEntry[]): string[] {
  const names = new Set<string>();
  for (const entry of [...shown].reverse()) for (const name of Object.keys(entry.modules)) names.add(name);
  const others = [...names].filter((name) => name !== TOTAL_MODULE).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.has(TOTAL_MODULE) ? [TOTAL_MODULE, ...others] : others;
}

function matcher(glob: string): (name: string) => boolean {
  const isMatch = picomatch(glob, { dot: true });
  // A directory's module name ends in '/': `src/lib` and `src/lib/` both name it.
  return (name) => name === glob || isMatch(name) || (name.endsWith('/') && isMatch(name.slice(0, -1)));
}

/** `n/a` for a figure with nothing to count, and for a module the run did not have. */
function value(figure: number | null | undefined): string {
  return figure === null || figure === undefined ? 'n/a' : figure.toFixed(2);
}

/** `+2.50`, `-1.00`, `±0`; blank when either side has no figure. */
export function change(now: number | null | undefined, before: number | null | undefined): string {
  if (now === null || now === undefined || before === null || before === undefined) return '';
  const points = Math.round((now - before) * 100) / 100;
  if (points === 0) return '±0';
  return `${points > 0 ? '+' : ''}${points.toFixed(2)}`;
}

/** `2025-05-02 09:30`, in UTC. */
function runDate(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * `assay trend`: reads `file` (`label` names it in messages) and returns the tables; refuses
 * (exit 2) when there is no history or no line of it is an entry; warns about skipped lines.
 */
export async function trendReport(file: string, label: string, options: TrendOptions, warn: (message: string) => void): Promise<string> {
  const history = await readHistory(file);
  if (history === undefined) {
    throw new UserError(`no run history at ${label}: each complete 'assay run' appends a line to it; run one first`);
  }
  if (history.entries.length === 0) {
    if (history.skippedLines.length === 0) throw new UserError(`${label} is empty: each complete 'assay run' appends a line to it; run one first`);
    const lines = history.skippedLines.length === 1 ? 'its one line is not' : `none of its ${history.skippedLines.length} lines is`;
    throw new UserError(`${label} holds no run history (${lines} a history entry): fix or delete the file; the next complete 'assay run' starts it again`);
  }
  if (history.skippedLines.length > 0) warn(skippedLinesWarning(label, history.skippedLines));
  return renderTrend(history.entries, options, label);
}
