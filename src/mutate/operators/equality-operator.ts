/**
 * EqualityOperator: shifts comparison boundaries (`<` → `<=`, `>=`; `<=` → `<`, `>`;
 * `>` → `>=`, `<=`; `>=` → `>`, `<`) and negates equality (`==`↔`!=`, `===`↔`!==`).
 */
import { ts } from 'ts-morph';

import { operatorText } from '../syntax.js';
import { expressionMutation, type Operator } from './operator.js';
import { replaceBinaryOperator } from './replace-operator.js';

const REPLACEMENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['<', ['<=', '>=']],
  ['<=', ['<', '>']],
  ['>', ['>=', '<=']],
  ['>=', ['>', '<']],
  ['==', ['!=']],
  ['!=', ['==']],
  ['===', ['!==']],
  ['!==', ['===']],
]);

export const equalityOperator: Operator = {
  name: 'EqualityOperator',
  *mutate(node, context) {
    if (!ts.isBinaryExpression(node)) {
      return;
    }
    for (const replacement of REPLACEMENTS.get(operatorText(node)) ?? []) {
      yield expressionMutation(node, replaceBinaryOperator(node, replacement, context));
    }
  },
};
