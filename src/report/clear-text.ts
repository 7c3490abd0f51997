/**
 * The clear-text report printed at the end of a run: a score table (an "All files" row first,
 * as in Stryker and istanbul, then one row per file), the undetected mutants one per line,
 * and a final mutation-score line.
 */
import Table from 'cli-table3';
import type { MutantResult, RunResult, Thresholds } from '../model.js';
import { breakThresholdFailure } from './exit-code.js';
import { fileNames, formatScore, mutantsOf, scoreRun, type Scores } from './scores.js';

/** Longest original or replacement snippet shown in a survivor's line. */
const MAX_SNIPPET = 50;

const ANSI = { red: 31, green: 32, yellow: 33 } as const;
type Color = keyof typeof ANSI;
const paint = (color: Color, text: string) => `\x1b[${ANSI[color]}m${text}\x1b[39m`;

/** The report as lines without a trailing newline; ANSI colours on the scores only when `color`. */
export function renderClearText(result: RunResult, options: { color: boolean }): string {
  const color = (name: Color | undefined, text: string) =>
    options.color && name ? paint(name, text) : text;
  const scoreCell = (score: number) => color(scoreColor(score, result.thresholds), formatScore(score));
  const scores = scoreRun(result);

  const table = new Table({
    head: ['File', 'Mutants', 'Killed', 'Survived', 'Timeout', 'No cov', 'Errors', '% score', '% covered score'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [], compact: true },
  });
  const row = (name: string, s: Scores) => [
    name,
    s.total,
    s.killed,
    s.survived,
    s.timeout,
    s.noCoverage,
    s.errors,
    scoreCell(s.mutationScore),
    scoreCell(s.coveredScore),
  ];
  table.push(row('All files', scores.total), ...scores.files.map((file) => row(file.fileName, file)));

  const sections = [table.toString()];
  const survivors = undetectedLines(result);
  if (survivors.length > 0) sections.push([`Surviving mutants (${survivors.length}):`, ...survivors].join('\n'));
  sections.push(scoreLine(result, scores.total.mutationScore, color));
  return sections.join('\n\n');
}

/** Green at or above `high`, yellow at or above `low`, red below; none when n/a. */
function scoreColor(score: number, thresholds: Thresholds): Color | undefined {
  if (Number.isNaN(score)) return undefined;
  return score >= thresholds.high ? 'green' : score >= thresholds.low ? 'yellow' : 'red';
}

/** Survived and NoCoverage mutants (the ones that count against the score), by file and position. */
function undetectedLines(result: RunResult): string[] {
  const texts = new Map(result.files.map((file) => [file.name, file.text]));
  return fileNames(result).flatMap((fileName) =>
    mutantsOf(result, fileName)
      .filter((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage')
      .map((mutant) => survivorLine(mutant, texts.get(fileName) ?? '')),
  );
}

/** `file:line:col  Mutator  original → replacement`, tagged when the mutant had no coverage. */
function survivorLine(mutant: MutantResult, text: string): string {
  const { line, column } = mutant.location.start;
  const original = snippet(text.slice(mutant.start, mutant.end));
  const suffix = mutant.status === 'NoCoverage' ? '  (no coverage)' : '';
  return `${mutant.fileName}:${line}:${column}  ${mutant.mutatorName}  ${original} → ${snippet(mutant.replacement)}${suffix}`;
}

/** Code collapsed to one line and cut to MAX_SNIPPET characters, keeping both ends. */
function snippet(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_SNIPPET) return flat;
  const half = (MAX_SNIPPET - 1) / 2;
  return `${flat.slice(0, Math.ceil(half)).trimEnd()}…${flat.slice(flat.length - Math.floor(half)).trimStart()}`;
}

/** `Mutation score: 80.00%`, plus whether it passed `thresholds.break` when that is set. */
function scoreLine(
  result: RunResult,
  score: number,
  color: (name: Color | undefined, text: string) => string,
): string {
  const shown = Number.isNaN(score) ? 'n/a' : `${formatScore(score)}%`;
  const line = `Mutation score: ${color(scoreColor(score, result.thresholds), shown)}`;
  if (result.thresholds.break === null) return line;
  const failed = breakThresholdFailure(result) !== undefined;
  const verdict = color(failed ? 'red' : 'green', failed ? 'failed' : 'passed');
  return `${line} (break threshold ${result.thresholds.break}: ${verdict})`;
}
