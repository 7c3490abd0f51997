/**
 * Maps each istanbul statement of an instrumented file (positions in the code vite produced) to
 * its line in the original source, through the file's input source map — the same lookup
 * istanbul-lib-source-maps does, so per-test lines agree with the remapped line coverage.
 */
import { GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND, TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

interface StatementData {
  statementMap: Record<string, { start: { line: number; column: number } }>;
  inputSourceMap?: ConstructorParameters<typeof TraceMap>[0];
}

/** Original line of every statement, by statement index; 0 where the source map has none. */
export function statementLines(coverage: object): number[] {
  const { statementMap, inputSourceMap } = coverage as StatementData;
  const starts = Object.values(statementMap).map((location) => location.start);
  if (inputSourceMap === undefined) return starts.map((start) => start.line);
  const map = new TraceMap(inputSourceMap);
  return starts.map(({ line, column }) => {
    const found = originalPositionFor(map, { line, column, bias: GREATEST_LOWER_BOUND });
    if (found.line !== null) return found.line;
    return originalPositionFor(map, { line, column, bias: LEAST_UPPER_BOUND }).line ?? 0;
  });
}
