/**
 * Syntax helpers for the instrumenter: a syntax-only parse (TypeScript's parser as bundled by
 * ts-morph, no program or type checker), lookup of the nodes behind an offset range, and the
 * small structural questions the placement rules ask ("what is this node used as?").
 */
import { ts } from 'ts-morph';
import { scriptKindOf, syntaxErrorsOf } from '../mutate/parse.js';

export { ts };

/** Parses `text` with parent pointers, choosing TSX/JSX/JS/TS parsing from the file extension. */
export function parse(text: string, fileName: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindOf(fileName) ?? ts.ScriptKind.TS);
}

/** The nodes behind an offset range [start, end). */
export interface Located {
  /** Nodes whose text is exactly [start, end), outermost first. */
  exact: ts.Node[];
  /** The deepest node whose text contains [start, end). */
  container: ts.Node;
}

/** Walks down from the root to the deepest node containing [start, end). */
export function locate(sourceFile: ts.SourceFile, start: number, end: number): Located {
  const exact: ts.Node[] = [];
  let container: ts.Node = sourceFile;
  for (;;) {
    const child = ts.forEachChild(container, (node) =>
      node.pos <= start && end <= node.end && start < node.end ? node : undefined,
    );
    if (child === undefined || child.getStart(sourceFile) > start) return { exact, container };
    if (child.end === end && child.getStart(sourceFile) === start) exact.push(child);
    container = child;
  }
}

/**
 * Wrappers that the transpiler erases or that do not change what their operand is used as:
 * parentheses, `as`, `satisfies`, `<T>x`, `x!` (outside an optional chain) and `f<T>`.
 */
export function isTransparent(node: ts.Node): node is ts.Expression & { expression: ts.Expression } {
  return (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    (ts.isNonNullExpression(node) && !ts.isOptionalChain(node)) ||
    (ts.isExpressionWithTypeArguments(node) && !ts.isHeritageClause(node.parent))
  );
}

/** The outermost transparent wrapper around `node` (or `node` itself): its parent says how the value is used. */
export function useSite(node: ts.Node): ts.Node {
  let site = node;
  while (isTransparent(site.parent) && site.parent.expression === site) site = site.parent;
  return site;
}

/** `node` with its own transparent wrappers removed. */
export function unwrap(node: ts.Node): ts.Node {
  let inner = node;
  while (isTransparent(inner)) inner = inner.expression;
  return inner;
}

/** The statements of a node that holds a statement list (block, file, namespace body, case clause). */
export function statementsOf(node: ts.Node): readonly ts.Statement[] | undefined {
  if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseOrDefaultClause(node)) {
    return node.statements;
  }
  return undefined;
}

/** A statement or a block (TypeScript does not count function bodies as statements). */
export function isStatementLike(node: ts.Node): node is ts.Statement {
  return ts.isStatement(node) || ts.isBlock(node);
}

/** True when `text` does not parse. */
export function hasSyntaxErrors(text: string, fileName: string): boolean {
  const tree = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKindOf(fileName) ?? ts.ScriptKind.TS);
  return syntaxErrorsOf(tree).length > 0;
}
