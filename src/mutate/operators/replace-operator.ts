/**
 * Swaps the operator of a binary expression (also compound assignments) while keeping the
 * operand text verbatim, padding with spaces where the operator touched its operands, so
 * `a+b` becomes `a - b` like Babel prints it, and `a+-b` becomes `a - -b` rather than `a--b`.
 */
import type { ts } from 'ts-morph';

import type { OperatorContext } from './operator.js';

export function replaceBinaryOperator(
  node: ts.BinaryExpression,
  newOperator: string,
  context: OperatorContext,
): string {
  const text = context.tree.text;
  const before = text.slice(node.getStart(context.tree), node.operatorToken.getStart(context.tree));
  const after = text.slice(node.operatorToken.end, node.end);
  const padBefore = /\s$/.test(before) ? '' : ' ';
  const padAfter = /^\s/.test(after) ? '' : ' ';
  return `${before}${padBefore}${newOperator}${padAfter}${after}`;
}
