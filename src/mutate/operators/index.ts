/**
 * All mutation operators, in the order StrykerJS runs its mutators on a node (which is the order
 * mutants of one node are reported in).
 */
import { arithmeticOperator } from './arithmetic-operator.js';
import { arrayDeclaration } from './array-declaration.js';
import { arrowFunction } from './arrow-function.js';
import { assignmentOperator } from './assignment-operator.js';
import { blockStatement } from './block-statement.js';
import { booleanLiteral } from './boolean-literal.js';
import { conditionalExpression } from './conditional-expression.js';
import { equalityOperator } from './equality-operator.js';
import { logicalOperator } from './logical-operator.js';
import { methodExpression } from './method-expression.js';
import { objectLiteral } from './object-literal.js';
import type { Operator } from './operator.js';
import { optionalChaining } from './optional-chaining.js';
import { regex } from './regex.js';
import { stringLiteral } from './string-literal.js';
import { unaryOperator } from './unary-operator.js';
import { updateOperator } from './update-operator.js';

export type { Mutation, Operator, OperatorContext } from './operator.js';

export const OPERATORS: readonly Operator[] = [
  arithmeticOperator,
  arrayDeclaration,
  arrowFunction,
  blockStatement,
  booleanLiteral,
  conditionalExpression,
  equalityOperator,
  logicalOperator,
  methodExpression,
  objectLiteral,
  stringLiteral,
  unaryOperator,
  updateOperator,
  regex,
  optionalChaining,
  assignmentOperator,
];
