/**
 * GitHub Actions output (when `GITHUB_ACTIONS=true`): a workflow-command annotation per
 * undetected mutant on a changed line, printed to stdout where the runner reads them, and the
 * Markdown summary appended to `$GITHUB_STEP_SUMMARY`.
 *
 * - A surviving mutant is a `::warning` ("Mutant survived: EqualityOperator"), a mutant no test
 *   reaches a `::notice` ("Mutant not covered: …"): GitHub keeps at most 10 annotations of each
 *   kind per step (and 50 per job), so the two kinds do not crowd each other out. No more than
 *   that is printed, most useful first: one mutant per changed line before a second one on any
 *   line, in file and line order. The summary says how many there were in all.
 * - Properties and messages are escaped as the runner unescapes them (`%`, CR and LF; in
 *   properties `:` and `,` too). `file` is relative to the repository root (see ci.ts),
 *   so a project in a subdirectory still points at the right file. Columns go out only for a
 *   mutant on one line: GitHub rejects them on a range of lines.
 */
import { appendFile } from 'node:fs/promises';
import type { MutantResult, RunResult } from '../model.js';
import { renderMarkdownSummary, type AnnotationCounts } from './markdown.js';
import { sourceTexts, undetectedMessage } from './mutant-text.js';
import { repositoryPath, undetectedOnChangedLines } from './undetected.js';

/** Annotations of one kind (warning, notice, error) GitHub shows per step. */
export const ANNOTATIONS_PER_KIND = 10;

export interface Annotation {
  level: 'warning' | 'notice';
  /** Relative to the repository root. */
  file: string;
  line: number;
  endLine: number;
  /** Only when the mutant is on one line. */
  col?: number;
  endColumn?: number;
  title: string;
  message: string;
}

export interface GithubOptions {
  /** Where the repository is checked out (`GITHUB_WORKSPACE`); file paths are relative to it. Default: the project root. */
  repoRoot?: string;
}

/** Every annotation the run calls for, warnings then notices, each in the order they are printed. */
export function annotationsOf(result: RunResult, options: GithubOptions = {}): { warnings: Annotation[]; notices: Annotation[] } {
  const texts = sourceTexts(result);
  const repoRoot = options.repoRoot ?? result.projectRoot;
  const annotation = (mutant: MutantResult): Annotation => {
    const { start, end } = mutant.location;
    const survived = mutant.status === 'Survived';
    return {
      level: survived ? 'warning' : 'notice',
      file: repositoryPath(result.projectRoot, mutant.fileName, repoRoot),
      line: start.line,
      endLine: end.line,
      ...(start.line === end.line ? { col: start.column, endColumn: end.column } : {}),
      title: `${survived ? 'Mutant survived' : 'Mutant not covered'}: ${mutant.mutatorName}`,
      message: undetectedMessage(mutant, texts.get(mutant.fileName) ?? ''),
    };
  };
  const undetected = undetectedOnChangedLines(result);
  return {
    warnings: spreadOverLines(undetected.filter((mutant) => mutant.status === 'Survived')).map(annotation),
    notices: spreadOverLines(undetected.filter((mutant) => mutant.status === 'NoCoverage')).map(annotation),
  };
}

/** The first mutant of every line (in the given order), then the second of every line, and so on. */
function spreadOverLines(mutants: readonly MutantResult[]): MutantResult[] {
  const rank = new Map<MutantResult, number>();
  const seen = new Map<string, number>();
  for (const mutant of mutants) {
    const key = `${mutant.fileName}:${mutant.location.start.line}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    rank.set(mutant, n);
  }
  // Array.prototype.sort is stable: within a rank the file and line order stays.
  return [...mutants].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}

/** `::warning file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message` */
export function formatAnnotation(annotation: Annotation): string {
  const { level, file, line, endLine, col, endColumn, title, message } = annotation;
  const properties: Array<[string, string | number | undefined]> = [
    ['file', file],
    ['line', line],
    ['endLine', endLine],
    ['col', col],
    ['endColumn', endColumn],
    ['title', title],
  ];
  const props = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level} ${props}::${escapeData(message)}`;
}

/** A workflow command's message, escaped as the runner unescapes it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as a message, and `:` and `,` too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** How many annotations there are of each kind, and how many are printed. */
export function annotationCounts(result: RunResult, options: GithubOptions = {}): AnnotationCounts {
  return countsOf(annotationsOf(result, options));
}

function countsOf({ warnings, notices }: ReturnType<typeof annotationsOf>): AnnotationCounts {
  const count = (all: readonly Annotation[]) => ({ shown: Math.min(all.length, ANNOTATIONS_PER_KIND), total: all.length });
  return { survived: count(warnings), noCoverage: count(notices) };
}

/** The workflow commands to print: at most ANNOTATIONS_PER_KIND of each kind, one per line (empty when none). */
export function renderGithubAnnotations(result: RunResult, options: GithubOptions = {}): string {
  return commandsOf(annotationsOf(result, options));
}

function commandsOf({ warnings, notices }: ReturnType<typeof annotationsOf>): string {
  return [...warnings.slice(0, ANNOTATIONS_PER_KIND), ...notices.slice(0, ANNOTATIONS_PER_KIND)]
    .map((annotation) => `${formatAnnotation(annotation)}\n`)
    .join('');
}

export interface GithubActionsIo {
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  /** Threshold failures for the summary. */
  failures?: readonly string[];
  /** The repository root (ci.ts's `repositoryRoot`); default `GITHUB_WORKSPACE`, else the project root. */
  repoRoot?: string;
}

/**
 * In a GitHub Actions job: the annotations to stdout, the summary appended to
 * `$GITHUB_STEP_SUMMARY` (when set). Returns the summary file written, if any.
 */
export async function reportToGithubActions(result: RunResult, io: GithubActionsIo): Promise<string | undefined> {
  const options: GithubOptions = { repoRoot: io.repoRoot ?? (io.env.GITHUB_WORKSPACE || result.projectRoot) };
  const annotations = annotationsOf(result, options);
  io.stdout.write(commandsOf(annotations));
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return undefined;
  const summary = renderMarkdownSummary(result, { failures: io.failures, annotations: countsOf(annotations) });
  await appendFile(file, `${summary}\n`, 'utf8');
  return file;
}
