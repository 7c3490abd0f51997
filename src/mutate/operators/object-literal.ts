/**
 * ObjectLiteral: empties non-empty object literals (`{ a: 1 }` → `{}`). Destructuring targets
 * such as `({ a } = o)`'s left side are patterns, not objects, and are left alone.
 */
import { ts } from 'ts-morph';

import { isDestructuringTarget } from '../syntax.js';
import { expressionMutation, type Operator } from './operator.js';

export const objectLiteral: Operator = {
  name: 'ObjectLiteral',
  *mutate(node) {
    if (ts.isObjectLiteralExpression(node) && node.properties.length > 0 && !isDestructuringTarget(node)) {
      yield expressionMutation(node, '{}');
    }
  },
};
