/**
 * ArrayDeclaration: empties non-empty array literals (`[1, 2]` → `[]`), fills empty ones
 * (`[]` → `["Stryker was here"]`), and does the same to `Array(...)` / `new Array(...)` calls
 * (`new Array(1, 2)` → `new Array()`, `new Array()` → `new Array([])`). Destructuring targets
 * such as `[a, b] = [b, a]`'s left side are patterns, not arrays, and are left alone.
 */
import { ts } from 'ts-morph';

import { isDestructuringTarget, unwrapParens } from '../syntax.js';
import { expressionMutation, type Operator } from './operator.js';

export const arrayDeclaration: Operator = {
  name: 'ArrayDeclaration',
  *mutate(node) {
    if (ts.isArrayLiteralExpression(node) && !isDestructuringTarget(node)) {
      yield expressionMutation(node, node.elements.length > 0 ? '[]' : '["Stryker was here"]');
    }
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && isArrayIdentifier(node.expression)) {
      const newKeyword = ts.isNewExpression(node) ? 'new ' : '';
      const argumentList = (node.arguments?.length ?? 0) > 0 ? '' : '[]';
      yield expressionMutation(node, `${newKeyword}Array(${argumentList})`);
    }
  },
};

function isArrayIdentifier(callee: ts.Expression): boolean {
  const unwrapped = unwrapParens(callee);
  return ts.isIdentifier(unwrapped) && unwrapped.text === 'Array';
}
