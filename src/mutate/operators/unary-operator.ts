/**
 * UnaryOperator: swaps unary plus and minus (`+x` ↔ `-x`) and drops bitwise not (`~x` → `x`).
 */
import { ts } from 'ts-morph';

import { unwrapParens } from '../syntax.js';
import { expressionMutation, type Operator } from './operator.js';

export const unaryOperator: Operator = {
  name: 'UnaryOperator',
  *mutate(node, context) {
    if (!ts.isPrefixUnaryExpression(node)) {
      return;
    }
    const operand = context.textOf(node.operand);
    switch (node.operator) {
      case ts.SyntaxKind.PlusToken:
        yield expressionMutation(node, withSign('-', operand));
        break;
      case ts.SyntaxKind.MinusToken:
        yield expressionMutation(node, withSign('+', operand));
        break;
      case ts.SyntaxKind.TildeToken:
        yield expressionMutation(node, context.textOf(unwrapParens(node.operand)));
        break;
    }
  },
};

/** `-` before `-x` must not become `--x`; Babel prints `- -x`. */
function withSign(sign: string, operand: string): string {
  return operand.startsWith(sign) ? `${sign} ${operand}` : `${sign}${operand}`;
}
