/**
 * AssignmentOperator: swaps compound assignments (`+=`↔`-=`, `*=`↔`/=`, `%=`→`*=`,
 * `<<=`↔`>>=`, `&=`↔`|=`, `&&=`↔`||=`, `??=`→`&&=`); arithmetic and bitwise ones are left
 * alone when a string or template literal is assigned.
 */
import { ts } from 'ts-morph';

import { isStringOrTemplate, operatorText, unwrapParens } from '../syntax.js';
import { expressionMutation, type Operator } from './operator.js';
import { replaceBinaryOperator } from './replace-operator.js';

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '+=': '-=',
  '-=': '+=',
  '*=': '/=',
  '/=': '*=',
  '%=': '*=',
  '<<=': '>>=',
  '>>=': '<<=',
  '&=': '|=',
  '|=': '&=',
  '&&=': '||=',
  '||=': '&&=',
  '??=': '&&=',
};
const LOGICAL_ASSIGNMENTS: ReadonlySet<string> = new Set(['&&=', '||=', '??=']);

export const assignmentOperator: Operator = {
  name: 'AssignmentOperator',
  *mutate(node, context) {
    if (!ts.isBinaryExpression(node)) {
      return;
    }
    const operator = operatorText(node);
    const replacement = REPLACEMENTS[operator];
    if (replacement === undefined) {
      return;
    }
    if (isStringOrTemplate(unwrapParens(node.right)) && !LOGICAL_ASSIGNMENTS.has(operator)) {
      return;
    }
    yield expressionMutation(node, replaceBinaryOperator(node, replacement, context));
  },
};
