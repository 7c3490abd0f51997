/**
 * The Markdown summary of a run, for CI pages: what GitHub Actions shows from
 * `$GITHUB_STEP_SUMMARY`, and what `--reporters markdown` writes to `reports/assay-summary.md`
 * for other CI systems (a merge-request comment, a job page).
 *
 * In order: the score line (with the break threshold's verdict), the `--since` scope, an
 * interrupted run's note, the per-module table as the terminal shows it, the thresholds not
 * met, the undetected mutants on changed lines (at most MAX_MUTANT_ROWS, with a count of the
 * rest, and on GitHub how many became annotations), and the flaky tests.
 *
 * Cells are escaped for GitHub-flavoured Markdown: code goes in code spans with a fence longer
 * than any backtick run in it, and `|` is escaped inside table cells.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoverageFigure, RunResult } from '../model.js';
import { breakThresholdFailure } from './exit-code.js';
import { moduleRows, type ModuleRow } from './modules.js';
import { changeOf, sourceTexts } from './mutant-text.js';
import { formatScore, scoreMutants } from './scores.js';
import { isUndetected, undetectedOnChangedLines } from './undetected.js';

/** Most undetected mutants listed. */
export const MAX_MUTANT_ROWS = 50;
/** Most rows of the module table ("All files" included). */
export const MAX_MODULE_ROWS = 100;

/** Of a kind of annotation: how many there were, and how many GitHub was given. */
export interface AnnotationCount {
  shown: number;
  total: number;
}
export interface AnnotationCounts {
  survived: AnnotationCount;
  noCoverage: AnnotationCount;
}

export interface MarkdownSummaryOptions {
  /** Threshold failures, one message each (break threshold, per-module thresholds…); a section when any. */
  failures?: readonly string[];
  /** On GitHub Actions: how many undetected mutants became annotations. */
  annotations?: AnnotationCounts;
}

/** The summary as Markdown, without a trailing newline. */
export function renderMarkdownSummary(result: RunResult, options: MarkdownSummaryOptions = {}): string {
  const sections = [heading(result)];
  if (result.since !== undefined) {
    sections.push(`Only the lines changed since ${code(result.since.ref)} (merge-base ${code(result.since.base.slice(0, 12))}) were mutated.`);
  }
  if (result.interrupted) {
    const pending = result.mutants.filter((mutant) => mutant.status === 'Pending').length;
    sections.push(`> **Interrupted:** ${pending} of ${result.mutants.length} mutants have no verdict (Pending); the score counts the finished ones only.`);
  }
  sections.push(moduleTable(moduleRows(result)));
  const failures = options.failures ?? [];
  if (failures.length > 0) sections.push([`### Thresholds not met (${failures.length})`, '', ...failures.map((failure) => `- ✗ ${failure}`)].join('\n'));
  sections.push(undetectedSection(result, options.annotations));
  if (result.flakyTests.length > 0) {
    sections.push(
      [
        `### Flaky tests (${result.flakyTests.length})`,
        '',
        'Their result changed between two runs of the same code, so they kill no mutant:',
        '',
        ...result.flakyTests.map((test) => `- ${code(`${test.fileName} > ${test.name}`)}: ${test.reason}`),
      ].join('\n'),
    );
  }
  return sections.join('\n\n');
}

/** Writes the summary to `absolutePath` (reports/assay-summary.md), creating its directory. */
export async function writeMarkdownSummary(result: RunResult, absolutePath: string, options: MarkdownSummaryOptions = {}): Promise<void> {
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, `${renderMarkdownSummary(result, options)}\n`, 'utf8');
}

function heading(result: RunResult): string {
  const score = scoreMutants(result.mutants).mutationScore;
  const shown = Number.isNaN(score) ? 'n/a' : `${formatScore(score)}%`;
  const threshold = result.thresholds.break;
  const verdict = threshold === null ? '' : ` (break threshold ${threshold}: ${breakThresholdFailure(result) === undefined ? '✓ passed' : '✗ failed'})`;
  return `## Mutation score: ${shown}${verdict}`;
}

function moduleTable(rows: readonly ModuleRow[]): string {
  const coverage = (figure: CoverageFigure | undefined) => (figure === undefined ? 'n/a' : figure.pct.toFixed(2));
  const lines = [
    '| File | % lines | % branches | Mutants | Killed | Survived | Timeout | No cov | Errors | % score | % covered score | Unverified lines |',
    '| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows.slice(0, MAX_MODULE_ROWS)) {
    const s = row.scores;
    const name = row.kind === 'all' ? '**All files**' : cell(code(row.name));
    const cells = [name, coverage(row.coverage?.lines), coverage(row.coverage?.branches), s.total, s.killed, s.survived, s.timeout, s.noCoverage, s.errors, formatScore(s.mutationScore), formatScore(s.coveredScore), row.unverified];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (rows.length > MAX_MODULE_ROWS) lines.push('', `…and ${rows.length - MAX_MODULE_ROWS} more modules: every one is in ${code('reports/assay-summary.json')}.`);
  return lines.join('\n');
}

function undetectedSection(result: RunResult, annotations: AnnotationCounts | undefined): string {
  const undetected = undetectedOnChangedLines(result);
  const title = result.since === undefined ? 'Undetected mutants' : 'Undetected mutants on changed lines';
  // A --since run also keeps mutants that only reach into the change (a block around it): counted, not listed.
  const outside = result.mutants.filter(isUndetected).length - undetected.length;
  const outsideNote = outside > 0 ? `Not listed: ${outside} more undetected mutant${outside === 1 ? ' that starts' : 's that start'} outside the changed lines.` : undefined;
  if (undetected.length === 0) return [`### ${title}: none`, ...(outsideNote ? ['', outsideNote] : [])].join('\n');
  const lines = [`### ${title} (${undetected.length})`, ''];
  if (outsideNote !== undefined) lines.push(outsideNote, '');
  const note = annotationNote(annotations);
  if (note !== undefined) lines.push(note, '');
  const texts = sourceTexts(result);
  lines.push('| Where | Mutator | Change | Status |', '| :--- | :--- | :--- | :--- |');
  for (const mutant of undetected.slice(0, MAX_MUTANT_ROWS)) {
    const { line, column } = mutant.location.start;
    const { original, replacement } = changeOf(mutant, texts.get(mutant.fileName) ?? '');
    const status = mutant.status === 'Survived' ? 'survived' : 'no coverage';
    lines.push(`| ${cell(code(`${mutant.fileName}:${line}:${column}`))} | ${mutant.mutatorName} | ${cell(code(original))} → ${cell(code(replacement))} | ${status} |`);
  }
  if (undetected.length > MAX_MUTANT_ROWS) {
    lines.push('', `…and ${undetected.length - MAX_MUTANT_ROWS} more: all are in the clear-text report and ${code('reports/mutation/index.html')}.`);
  }
  return lines.join('\n');
}

/** How many undetected mutants GitHub shows as annotations, and that it shows no more. */
function annotationNote(annotations: AnnotationCounts | undefined): string | undefined {
  if (annotations === undefined) return undefined;
  const { survived, noCoverage } = annotations;
  if (survived.total + noCoverage.total === 0) return undefined;
  const part = (count: AnnotationCount, what: string) => `${count.shown === count.total ? count.total : `${count.shown} of ${count.total}`} ${what}`;
  const parts = [
    ...(survived.total > 0 ? [part(survived, survived.total === 1 ? 'surviving mutant (a warning)' : 'surviving mutants (warnings)')] : []),
    ...(noCoverage.total > 0 ? [part(noCoverage, noCoverage.total === 1 ? 'mutant no test reaches (a notice)' : 'mutants no test reaches (notices)')] : []),
  ];
  const capped = survived.shown < survived.total || noCoverage.shown < noCoverage.total;
  return `Annotated in the code: ${parts.join(' and ')}${capped ? '; GitHub shows at most 10 annotations of a kind per step; the table lists them all' : ''}.`;
}

/** Code in a code span, whatever backticks it holds; an empty one shown as *(empty)*. */
export function code(text: string): string {
  if (text === '') return '*(empty)*';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space on each side keeps a backtick at either end from joining the fence (one is stripped from each side).
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** A table cell's content: a `|` would end the cell (even inside a code span), so it is escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
