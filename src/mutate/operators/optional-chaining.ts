/**
 * OptionalChaining: makes an optional link mandatory (`a?.b` → `a.b`, `a?.[i]` → `a[i]`,
 * `f?.()` → `f()`).
 */
import { ts } from 'ts-morph';

import { expressionMutation, type Operator } from './operator.js';

export const optionalChaining: Operator = {
  name: 'OptionalChaining',
  *mutate(node, context) {
    if (ts.isPropertyAccessExpression(node) && node.questionDotToken) {
      yield expressionMutation(node, `${context.textOf(node.expression)}.${context.textOf(node.name)}`);
    }
    if (ts.isElementAccessExpression(node) && node.questionDotToken) {
      yield expressionMutation(node, `${context.textOf(node.expression)}[${context.textOf(node.argumentExpression)}]`);
    }
    if (ts.isCallExpression(node) && node.questionDotToken) {
      const args = node.arguments.map((argument) => context.textOf(argument)).join(', ');
      yield expressionMutation(node, `${context.textOf(node.expression)}(${args})`);
    }
  },
};
