/**
 * The code that binds the module-local `__assay` to the runtime. It goes just before the first
 * statement that is not a directive, on that statement's line and without a newline of its own, so
 * that line numbers stay those of the original: after a `#!` line, after a directive prologue
 * (`'use strict'`, `'use client'`) so the directives keep working, and after the comments that
 * lead the file, where compilers read pragmas (`@jsx h`, `@jsxRuntime classic`, `@jsxImportSource`).
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
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) {
      return { offset: statement.getStart(sourceFile), text: PREAMBLE };
    }
    lastDirective = statement;
  }
  if (lastDirective !== undefined) return { offset: lastDirective.end, text: `;${PREAMBLE}` };
  return { offset: sourceFile.text.length, text: PREAMBLE };
}
