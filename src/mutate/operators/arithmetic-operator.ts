/**
 * ArithmeticOperator: swaps `+`↔`-`, `*`↔`/` and `%`→`*` in binary expressions, except when
 * an operand looks like string concatenation (a string or template literal on the right, or on
 * the left — looking at the right operand of a left-hand binary expression).
 */
import { ts } from 'ts-morph';

import { isBabelBinaryExpression, isStringOrTemplate, operatorText, unwrapParens } from '../syntax.js';
import { expressionMutation, type Operator } from './operator.js';
import { replaceBinaryOperator } from './replace-operator.js';

const REPLACEMENTS: Readonly<Record<string, string>> = { '+': '-', '-': '+', '*': '/', '/': '*', '%': '*' };

export const arithmeticOperator: Operator = {
  name: 'ArithmeticOperator',
  *mutate(node, context) {
    if (!ts.isBinaryExpression(node)) {
      return;
    }
    const replacement = REPLACEMENTS[operatorText(node)];
    if (replacement !== undefined && !looksLikeConcatenation(node)) {
      yield expressionMutation(node, replaceBinaryOperator(node, replacement, context));
    }
  },
};

function looksLikeConcatenation(node: ts.BinaryExpression): boolean {
  const left = unwrapParens(node.left);
  const leftOperand = isBabelBinaryExpression(left) ? unwrapParens(left.right) : left;
  return isStringOrTemplate(unwrapParens(node.right)) || isStringOrTemplate(leftOperand);
}
