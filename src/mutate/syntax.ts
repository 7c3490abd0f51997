/**
 * Helpers that let operators see the TypeScript tree the way Babel (and so StrykerJS) sees it:
 * Babel has no nodes for parentheses, treats destructuring targets as patterns instead of
 * literals, and keeps directive prologues apart from a function's statements.
 */
import { ts } from 'ts-morph';

/** The expression inside any number of parentheses. */
export function unwrapParens(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current)) {
    current = current.expression;
  }
  return current;
}

/** The outermost parenthesized expression wrapping `node`, or `node` itself. */
export function outerParens(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent)) {
    current = current.parent;
  }
  return current;
}

/** The parent Babel would report: the first ancestor that is not a parenthesized expression. */
export function babelParent(node: ts.Node): ts.Node {
  return outerParens(node).parent;
}

/** Binary operators that Babel models as `LogicalExpression`. */
const LOGICAL_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
]);

/** The operator of a binary expression as written, e.g. `+`, `===`, `&&=`. */
export function operatorText(node: ts.BinaryExpression): string {
  return ts.tokenToString(node.operatorToken.kind) ?? '';
}

export function isLogicalExpression(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && LOGICAL_OPERATORS.has(node.operatorToken.kind);
}

/** Babel's `BinaryExpression`: a binary operator that is neither logical, an assignment nor a comma. */
export function isBabelBinaryExpression(node: ts.Node): node is ts.BinaryExpression {
  if (!ts.isBinaryExpression(node)) {
    return false;
  }
  const kind = node.operatorToken.kind;
  return (
    !LOGICAL_OPERATORS.has(kind) &&
    kind !== ts.SyntaxKind.CommaToken &&
    !(kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment)
  );
}

/** Babel's `StringLiteral` or `TemplateLiteral` (untagged or tagged template text). */
export function isStringOrTemplate(node: ts.Node): boolean {
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateExpression(node)
  );
}

/**
 * Whether an array or object literal is (part of) the target of a destructuring assignment,
 * e.g. `[a, b]` in `[a, b] = [b, a]`: Babel parses those as patterns, which are never mutated.
 */
export function isDestructuringTarget(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    return parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.left === node;
  }
  if (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) {
    return parent.initializer === node;
  }
  if (ts.isArrayLiteralExpression(parent)) {
    return isDestructuringTarget(parent);
  }
  if (ts.isSpreadElement(parent)) {
    return ts.isArrayLiteralExpression(parent.parent) && isDestructuringTarget(parent.parent);
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    return isDestructuringTarget(parent.parent);
  }
  return false;
}

const FUNCTION_LIKE_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

/** Whether a block is the body of a function, where Babel separates the directive prologue. */
function isFunctionBody(block: ts.Block): boolean {
  return FUNCTION_LIKE_KINDS.has(block.parent.kind);
}

/** The statements of a block as Babel counts them: without a function body's directive prologue. */
export function babelStatements(block: ts.Block): readonly ts.Statement[] {
  if (!isFunctionBody(block)) {
    return block.statements;
  }
  const firstNonDirective = block.statements.findIndex((statement) => !isDirective(statement));
  return firstNonDirective === -1 ? [] : block.statements.slice(firstNonDirective);
}

/** A directive such as `"use strict";`: a statement that is just a string literal. */
function isDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}
