/**
 * ArrowFunction: replaces an arrow function with an expression body by `() => undefined`
 * (unless the body already is `undefined`).
 */
import { ts } from 'ts-morph';

import { unwrapParens } from '../syntax.js';
import { expressionMutation, type Operator } from './operator.js';

export const arrowFunction: Operator = {
  name: 'ArrowFunction',
  *mutate(node) {
    if (ts.isArrowFunction(node) && !ts.isBlock(node.body) && !isUndefined(unwrapParens(node.body))) {
      yield expressionMutation(node, '() => undefined');
    }
  },
};

function isUndefined(node: ts.Node): boolean {
  return ts.isIdentifier(node) && node.text === 'undefined';
}
