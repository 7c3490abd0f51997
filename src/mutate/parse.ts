/**
 * Parses a source file into a TypeScript syntax tree (syntax only, no type checking),
 * choosing the script kind from the file extension, and rejects files with syntax errors.
 */
import path from 'node:path';

import { ts } from 'ts-morph';

import type { SourceFile } from '../model.js';

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** The parser records syntax errors on the tree; the property is not part of the public typings. */
interface WithParseDiagnostics {
  parseDiagnostics?: readonly ts.Diagnostic[];
}

/** The parser's script kind for a file name, by extension; undefined for other extensions. */
export function scriptKindOf(fileName: string): ts.ScriptKind | undefined {
  return SCRIPT_KINDS[path.extname(fileName).toLowerCase()];
}

/** The syntax errors the parser recorded on `tree`. */
export function syntaxErrorsOf(tree: ts.SourceFile): readonly ts.Diagnostic[] {
  return (tree as unknown as WithParseDiagnostics).parseDiagnostics ?? [];
}

export function parseSourceFile(file: SourceFile): ts.SourceFile {
  const scriptKind = scriptKindOf(file.path);
  if (scriptKind === undefined) {
    throw new Error(`${file.name}: cannot mutate files with extension "${path.extname(file.path).toLowerCase()}"`);
  }
  const tree = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, scriptKind);
  const [firstError] = syntaxErrorsOf(tree);
  if (firstError) {
    throw new Error(`${file.name}: syntax error ${describe(tree, firstError)}`);
  }
  return tree;
}

function describe(tree: ts.SourceFile, diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (diagnostic.start === undefined) {
    return message;
  }
  const { line, character } = tree.getLineAndCharacterOfPosition(diagnostic.start);
  return `at line ${line + 1}, column ${character + 1}: ${message}`;
}
