/**
 * ConditionalExpression: forces conditions. A loop test becomes `false`; an `if` test becomes
 * `true` and `false`; other comparisons and `&&`/`||` become `true` and `false` (only `false`
 * under `||`, only `true` under `&&`); `for (;;)` gets a `false` test; a switch case with
 * statements loses them.
 */
import { ts } from 'ts-morph';

import { babelParent, isLogicalExpression, operatorText, outerParens } from '../syntax.js';
import { expressionMutation, type Mutation, type Operator, type OperatorContext } from './operator.js';

const BOOLEAN_OPERATORS: ReadonlySet<string> = new Set(['!=', '!==', '&&', '<', '<=', '==', '===', '>', '>=', '||']);

export const conditionalExpression: Operator = {
  name: 'ConditionalExpression',
  *mutate(node, context) {
    if (isTestOfLoop(node)) {
      yield expressionMutation(node, 'false');
    } else if (isTestOfIf(node)) {
      yield expressionMutation(node, 'true');
      yield expressionMutation(node, 'false');
    } else if (ts.isBinaryExpression(node) && BOOLEAN_OPERATORS.has(operatorText(node))) {
      yield* forcedBooleans(node);
    } else if (ts.isForStatement(node) && node.condition === undefined) {
      yield forWithFalseTest(node, context);
    } else if ((ts.isCaseClause(node) || ts.isDefaultClause(node)) && node.statements.length > 0) {
      yield withoutStatements(node, context);
    }
  },
};

function isTestOfLoop(node: ts.Node): boolean {
  const self = outerParens(node);
  const parent = self.parent;
  return (
    (ts.isForStatement(parent) && parent.condition === self) ||
    ((ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === self)
  );
}

function isTestOfIf(node: ts.Node): boolean {
  const self = outerParens(node);
  return ts.isIfStatement(self.parent) && self.parent.expression === self;
}

function* forcedBooleans(node: ts.BinaryExpression): Iterable<Mutation> {
  const parent = babelParent(node);
  const parentOperator = isLogicalExpression(parent) ? operatorText(parent) : undefined;
  if (parentOperator !== '||') {
    yield expressionMutation(node, 'true');
  }
  if (parentOperator !== '&&') {
    yield expressionMutation(node, 'false');
  }
}

/** `for (init;; update)` → `for (init; false; update)`, switched in as a whole statement. */
function forWithFalseTest(node: ts.ForStatement, context: OperatorContext): Mutation {
  const children = node.getChildren(context.tree);
  const firstSemicolon = children.find((child) => child.kind === ts.SyntaxKind.SemicolonToken)!;
  const text = context.textOf(node);
  const insertAt = firstSemicolon.end - node.getStart(context.tree);
  return { node, replacement: `${text.slice(0, insertAt)} false${text.slice(insertAt)}`, placement: 'statements' };
}

/** `case x: a(); break;` → `case x:`: the statements are replaced by nothing. */
function withoutStatements(node: ts.CaseOrDefaultClause, context: OperatorContext): Mutation {
  const first = node.statements[0];
  const last = node.statements[node.statements.length - 1];
  return {
    node,
    replacement: '',
    range: { start: first.getStart(context.tree), end: last.end },
    placement: 'statements',
  };
}
