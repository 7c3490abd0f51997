/**
 * UpdateOperator: swaps increment and decrement (`x++` ↔ `x--`, `++x` ↔ `--x`).
 */
import { ts } from 'ts-morph';

import { expressionMutation, type Operator } from './operator.js';

export const updateOperator: Operator = {
  name: 'UpdateOperator',
  *mutate(node, context) {
    if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
      const swapped = swap(node.operator);
      if (swapped === undefined) {
        return;
      }
      const operand = context.textOf(node.operand);
      const replacement = ts.isPrefixUnaryExpression(node) ? `${swapped}${operand}` : `${operand}${swapped}`;
      yield expressionMutation(node, replacement);
    }
  },
};

function swap(operator: ts.SyntaxKind): string | undefined {
  switch (operator) {
    case ts.SyntaxKind.PlusPlusToken:
      return '--';
    case ts.SyntaxKind.MinusMinusToken:
      return '++';
    default:
      return undefined;
  }
}
