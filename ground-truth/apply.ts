/**
 * Applies one mutant to a file's text by hand: the code between the mutant's start and end
 * (1-based lines, 1-based columns counted in UTF-16 code units as JavaScript strings are, end
 * exclusive) is replaced by its replacement. No parser, no assay code: the ground truth must not
 * share the engine's mistakes. A location outside the text throws rather than guess.
 */
import type { JudgedMutant } from './mutants.js';

type Span = Pick<JudgedMutant, 'line' | 'column' | 'endLine' | 'endColumn' | 'replacement'>;

export function applyMutant(text: string, mutant: Span): string {
  const start = offsetOf(text, mutant.line, mutant.column);
  const end = offsetOf(text, mutant.endLine, mutant.endColumn);
  if (end < start) throw new Error(`mutant ends (${mutant.endLine}:${mutant.endColumn}) before it starts (${mutant.line}:${mutant.column})`);
  return text.slice(0, start) + mutant.replacement + text.slice(end);
}

/** The string offset of a 1-based line and column; the column may be one past the line's end. */
export function offsetOf(text: string, line: number, column: number): number {
  let lineStart = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', lineStart);
    if (newline === -1) throw new Error(`line ${line} is past the end of the file (${current} lines)`);
    lineStart = newline + 1;
  }
  const lineEnd = text.indexOf('\n', lineStart);
  const length = (lineEnd === -1 ? text.length : lineEnd) - lineStart;
  if (column < 1 || column > length + 1) throw new Error(`column ${column} is outside line ${line} (${length} characters)`);
  return lineStart + column - 1;
}
