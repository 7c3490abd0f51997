/**
 * The clear-text report printed at the end of a run: a table per module ("All files" first, as in
 * Stryker and istanbul, then directories and files) with coverage next to the mutation score;
 * the covered-but-unverified lines; the undetected mutants one per line; where to add tests next;
 * weak tests (with disableBail); and a final mutation-score line.
 */
import Table from 'cli-table3';
import type { CoverageFigure, MutantResult, RunResult, Thresholds } from '../model.js';
import { breakThresholdFailure } from './exit-code.js';
import { fileNames, formatScore, mutantsOf, scoreRun } from './scores.js';
import { moduleRows, type ModuleRow } from './modules.js';
import { formatRanges, toRanges } from './unverified.js';
import { weakTests } from './weak-tests.js';
import { changeOf } from './mutant-text.js';
import { testPriorities } from './test-priorities.js';

/** Most files listed in the unverified and where-to-add-tests sections. */
const MAX_LISTED = 10;

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
    head: ['File', '% lines', '% branches', 'Mutants', 'Killed', 'Survived', 'Timeout', 'No cov', 'Errors', '% score', '% covered score', 'Unverified lines'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [], compact: true },
  });
  const coverageCell = (figure: CoverageFigure | undefined) => (figure === undefined ? 'n/a' : figure.pct.toFixed(2));
  const row = ({ name, scores: s, coverage, unverified }: ModuleRow) => [
    name,
    coverageCell(coverage?.lines),
    coverageCell(coverage?.branches),
    s.total,
    s.killed,
    s.survived,
    s.timeout,
    s.noCoverage,
    s.errors,
    scoreCell(s.mutationScore),
    scoreCell(s.coveredScore),
    unverified,
  ];
  const rows = moduleRows(result);
  table.push(...rows.map(row));

  const sections = [table.toString()];
  const unverified = unverifiedSection(result, rows);
  if (unverified.length > 0) sections.push(unverified.join('\n'));
  const survivors = undetectedLines(result);
  if (survivors.length > 0) sections.push([`Undetected mutants (${survivors.length}):`, ...survivors].join('\n'));
  const next = nextTestsSection(result);
  if (next.length > 0) sections.push(next.join('\n'));
  const weak = weakTests(result);
  if (weak.length > 0) {
    sections.push([`Weak tests: they reach mutants but kill none (${weak.length}):`, ...weak.map((test) => `${test.fileName} > ${test.name}  (reaches ${test.reached})`)].join('\n'));
  }
  if (result.flakyTests.length > 0) {
    sections.push([`Flaky tests: their result changed between two runs, so they kill no mutant (${result.flakyTests.length}):`, ...result.flakyTests.map((test) => `${test.fileName} > ${test.name}  (${test.reason})`)].join('\n'));
  }
  if (result.interrupted) sections.push(interruptedLine(result));
  sections.push(scoreLine(result, scores.total.mutationScore, color));
  return sections.join('\n\n');
}

/** The files with covered-but-unverified lines, most first: `file:lines  operators`. */
function unverifiedSection(result: RunResult, rows: readonly ModuleRow[]): string[] {
  const files = rows.filter((row) => row.kind === 'file' && row.unverified > 0).sort((a, b) => b.unverified - a.unverified);
  if (files.length === 0) return [];
  const lines = files.slice(0, MAX_LISTED).map((row) => {
    const operators = [...new Set(mutantsOf(result, row.name).filter((m) => m.status === 'Survived').map((m) => m.mutatorName))];
    return `${row.name}:${formatRanges(toRanges(row.unverifiedLines ?? []))}  ${operators.join(', ')}`;
  });
  const total = files.reduce((sum, row) => sum + row.unverified, 0);
  return [`Covered but unverified: ${total} line${total === 1 ? '' : 's'} that tests run, where a change goes unnoticed:`, ...lines];
}

/** Modules ranked by uncovered plus unverified lines, and the files no test reaches. */
function nextTestsSection(result: RunResult): string[] {
  const { ranked, unreached } = testPriorities(result);
  if (ranked.length === 0 && unreached.length === 0) return [];
  const lines = ['Where to add tests next (uncovered + unverified lines):'];
  for (const entry of ranked.slice(0, MAX_LISTED)) {
    lines.push(`${entry.fileName}  ${entry.uncovered} uncovered + ${entry.unverified} unverified of ${entry.linesOfCode} lines of code`);
  }
  if (unreached.length > 0) lines.push(`Not reached by any test: ${unreached.join(', ')}`);
  return lines;
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
  const { original, replacement } = changeOf(mutant, text);
  const suffix = mutant.status === 'NoCoverage' ? '  (no coverage)' : '';
  return `${mutant.fileName}:${line}:${column}  ${mutant.mutatorName}  ${original} → ${replacement}${suffix}`;
}

/** How many mutants an interrupted run left without a verdict. */
function interruptedLine(result: RunResult): string {
  const pending = result.mutants.filter((mutant) => mutant.status === 'Pending').length;
  return `Interrupted: ${pending} of ${result.mutants.length} mutants have no verdict (Pending); the score counts the finished ones only`;
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
