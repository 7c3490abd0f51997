/**
 * Converts offsets to report locations the way StrykerJS writes them in mutation.json:
 * Babel's 1-based line and 0-based column, with the column made 1-based by the report helper.
 */
import type { ts } from 'ts-morph';

import type { Location, Position } from '../model.js';

export function locationOf(tree: ts.SourceFile, start: number, end: number): Location {
  return { start: positionOf(tree, start), end: positionOf(tree, end) };
}

function positionOf(tree: ts.SourceFile, offset: number): Position {
  const { line, character } = tree.getLineAndCharacterOfPosition(offset);
  return { line: line + 1, column: character + 1 };
}
