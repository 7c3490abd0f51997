/**
 * How reports show a mutant's change: the original code (the file text at [start, end)) and its
 * replacement, each collapsed to one line and shortened in the middle, as the clear-text report,
 * the CI annotations, the Markdown summary, JUnit and SARIF all show it.
 */
import type { MutantResult, RunResult } from '../model.js';

/** Longest original or replacement snippet shown. */
export const MAX_SNIPPET = 50;

export interface Change {
  original: string;
  replacement: string;
}

/** The mutant's original code and replacement as one-line snippets of at most MAX_SNIPPET characters. */
export function changeOf(mutant: MutantResult, text: string): Change {
  const code = text.slice(mutant.start, mutant.end);
  const original = snippet(code);
  const replacement = snippet(mutant.replacement);
  // Shortened in the middle, a change in the middle (a regex, a long string) would vanish.
  if (original === replacement) return { original: flat(code), replacement: flat(mutant.replacement) };
  return { original, replacement };
}

/**
 * What an undetected mutant means, in a sentence (CI annotations, SARIF):
 * `Changing "a >= b" to "a > b" does not fail any test: 3 tests ran with the change and passed.`
 * or, for NoCoverage, `No test runs this code: changing "a >= b" to "a > b" would go unnoticed.`
 */
export function undetectedMessage(mutant: MutantResult, text: string): string {
  const { original, replacement } = changeOf(mutant, text);
  const change = `"${original}" to "${replacement}"`;
  if (mutant.status === 'NoCoverage') {
    return `No test runs this code: changing ${change} would go unnoticed${mutant.statusReason ? ` (${mutant.statusReason})` : ''}.`;
  }
  const ran = mutant.testsCompleted;
  return `Changing ${change} does not fail any test${ran > 0 ? `: ${ran} test${ran === 1 ? '' : 's'} ran with the change and passed` : ''}.`;
}

/** File name → source text, for `changeOf`. */
export function sourceTexts(result: RunResult): Map<string, string> {
  return new Map(result.files.map((file) => [file.name, file.text]));
}

/** Code collapsed to one line and cut to MAX_SNIPPET characters, keeping both ends. */
export function snippet(code: string): string {
  const line = flat(code);
  if (line.length <= MAX_SNIPPET) return line;
  const half = (MAX_SNIPPET - 1) / 2;
  return `${line.slice(0, Math.ceil(half)).trimEnd()}…${line.slice(line.length - Math.floor(half)).trimStart()}`;
}

/** Code collapsed to one line. */
export function flat(code: string): string {
  return code.replace(/\s+/g, ' ').trim();
}
