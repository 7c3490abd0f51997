/**
 * BooleanLiteral: flips `true`↔`false` and drops logical negation (`!x` → `x`).
 */
import { ts } from 'ts-morph';

import { unwrapParens } from '../syntax.js';
import { expressionMutation, type Operator } from './operator.js';

export const booleanLiteral: Operator = {
  name: 'BooleanLiteral',
  *mutate(node, context) {
    if (node.kind === ts.SyntaxKind.TrueKeyword) {
      yield expressionMutation(node, 'false');
    }
    if (node.kind === ts.SyntaxKind.FalseKeyword) {
      yield expressionMutation(node, 'true');
    }
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      yield expressionMutation(node, context.textOf(unwrapParens(node.operand)));
    }
  },
};
