/**
 * LogicalOperator: swaps `&&`↔`||` and turns `??` into `&&`. A left operand the new `&&` would
 * otherwise take apart is parenthesized, as Babel prints it: `a || b || c` becomes
 * `(a || b) && c` (not `a || (b && c)`), and `a ?? b ?? c` becomes `(a ?? b) && c` (`??` cannot
 * mix with `&&` unparenthesized).
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
    if (replacement === undefined) {
      return;
    }
    const mutated = replaceBinaryOperator(node, replacement, context);
    // Left-associative chains: only the left operand can be an unparenthesized `||` or `??`.
    const left = node.left;
    if (replacement !== '&&' || !ts.isBinaryExpression(left) || !['||', '??'].includes(operatorText(left))) {
      yield expressionMutation(node, mutated);
      return;
    }
    const leftLength = left.end - node.getStart(context.tree);
    yield expressionMutation(node, `(${mutated.slice(0, leftLength)})${mutated.slice(leftLength)}`);
  },
};
