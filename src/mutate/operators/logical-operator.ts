/**
 * LogicalOperator: swaps `&&`↔`||` and turns `??` into `&&`.
 */
import { ts } from 'ts-morph';

import { operatorText } from '../syntax.js';
import { expressionMutation, type Operator } from './operator.js';
import { replaceBinaryOperator } from './replace-operator.js';

const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ['&&', '||'],
  ['||', '&&'],
  ['??', '&&'],
]);

export const logicalOperator: Operator = {
  name: 'LogicalOperator',
  *mutate(node, context) {
    if (!ts.isBinaryExpression(node)) {
      return;
    }
    const replacement = REPLACEMENTS.get(operatorText(node));
    if (replacement !== undefined) {
      yield expressionMutation(node, replaceBinaryOperator(node, replacement, context));
    }
  },
};
