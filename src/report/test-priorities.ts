/**
 * Where to add tests next: modules ranked by lines no test runs plus lines tests run without
 * checking (covered but unverified), like a term-missing report that also knows about
 * assertions; and the files no test reaches at all.
 */
import type { RunResult } from '../model.js';
import { mutantsOf } from './scores.js';
import { unverifiedLines } from './unverified.js';

export interface TestPriority {
  fileName: string;
  uncovered: number;
  unverified: number;
  /** Non-blank lines that are not only a comment. */
  linesOfCode: number;
}

export function testPriorities(result: RunResult): { ranked: TestPriority[]; unreached: string[] } {
  const coverage = result.coverage;
  if (coverage === undefined) return { ranked: [], unreached: [] };
  const ranked: TestPriority[] = [];
  const unreached: string[] = [];
  for (const file of result.files) {
    const figures = coverage.files[file.name];
    if (figures === undefined) continue;
    if (figures.lines.total > 0 && figures.lines.covered === 0) {
      unreached.push(file.name);
      continue;
    }
    const entry = {
      fileName: file.name,
      uncovered: figures.uncoveredLines.length,
      unverified: unverifiedLines(mutantsOf(result, file.name)).length,
      linesOfCode: linesOfCode(file.text),
    };
    if (entry.uncovered + entry.unverified > 0) ranked.push(entry);
  }
  ranked.sort((a, b) => b.uncovered + b.unverified - (a.uncovered + a.unverified) || (a.fileName < b.fileName ? -1 : 1));
  return { ranked, unreached: unreached.sort() };
}

function linesOfCode(text: string): number {
  return text.split('\n').filter((line) => {
    const code = line.trim();
    return code !== '' && !code.startsWith('//') && !code.startsWith('/*') && !code.startsWith('*');
  }).length;
}
