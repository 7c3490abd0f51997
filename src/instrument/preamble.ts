/**
 * The code that binds the module-local `__assay` to the runtime. It goes on the first line without
 * a newline of its own so that line numbers stay those of the original: after a `#!` line, and
 * after a directive prologue (`'use strict'`, `'use client'`) so the directives keep working.
 */
import { ts } from './syntax.js';

/** Binds `__assay` to `globalThis.__assay`, installing an inert runtime when there is none. */
export const PREAMBLE = 'const __assay = (globalThis.__assay ??= { on: () => false, cov: () => {} });';

/** Where the preamble goes in the original text, and its text there. */
export interface PreamblePoint {
  offset: number;
  text: string;
}

export function preamblePoint(sourceFile: ts.SourceFile): PreamblePoint {
  let lastDirective: ts.Statement | undefined;
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    lastDirective = statement;
  }
  if (lastDirective !== undefined) return { offset: lastDirective.end, text: `;${PREAMBLE}` };
  const text = sourceFile.text;
  if (!text.startsWith('#!')) return { offset: 0, text: PREAMBLE };
  const lineBreak = text.indexOf('\n');
  return lineBreak === -1 ? { offset: text.length, text: `\n${PREAMBLE}` } : { offset: lineBreak + 1, text: PREAMBLE };
}
