/**
 * MethodExpression: on calls of well-known string, array, Math and Date methods, removes the
 * call (`s.trim()` → `s`, `xs.filter(f)` → `xs`) or calls the opposite method
 * (`s.toLowerCase()` → `s.toUpperCase()`, `xs.every(f)` → `xs.some(f)`, `Math.min` → `Math.max`).
 */
import { ts } from 'ts-morph';

import { unwrapParens } from '../syntax.js';
import { expressionMutation, type Operator, type OperatorContext } from './operator.js';

/** `null`: remove the call; a name: call that method instead. */
const FORWARD: ReadonlyArray<readonly [string, string | null]> = [
  ['charAt', null],
  ['endsWith', 'startsWith'],
  ['every', 'some'],
  ['filter', null],
  ['reverse', null],
  ['slice', null],
  ['sort', null],
  ['substr', null],
  ['substring', null],
  ['toLocaleLowerCase', 'toLocaleUpperCase'],
  ['toLowerCase', 'toUpperCase'],
  ['trim', null],
  ['trimEnd', 'trimStart'],
  ['min', 'max'],
  ['setDate', 'setTime'],
  ['setFullYear', 'setMonth'],
  ['setHours', 'setMinutes'],
  ['setSeconds', 'setMilliseconds'],
  ['setUTCDate', 'setTime'],
  ['setUTCFullYear', 'setUTCMonth'],
  ['setUTCHours', 'setUTCMinutes'],
  ['setUTCSeconds', 'setUTCMilliseconds'],
];
/** `setTime` maps back to `setDate` only, as in StrykerJS. */
const NOT_REVERSED: ReadonlySet<string> = new Set(['setUTCDate']);

const REPLACEMENTS: ReadonlyMap<string, string | null> = new Map([
  ...FORWARD,
  ...FORWARD.filter(
    (entry): entry is readonly [string, string] => entry[1] !== null && !NOT_REVERSED.has(entry[0]),
  ).map(([name, opposite]) => [opposite, name] as const),
]);

export const methodExpression: Operator = {
  name: 'MethodExpression',
  *mutate(node, context) {
    if (!ts.isCallExpression(node)) {
      return;
    }
    const callee = unwrapParens(node.expression);
    const method = methodName(callee);
    if (method === undefined || !(ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))) {
      return;
    }
    const replacement = REPLACEMENTS.get(method);
    if (replacement === null && callee.expression.kind !== ts.SyntaxKind.SuperKeyword) {
      yield expressionMutation(node, context.textOf(unwrapParens(callee.expression)));
    } else if (typeof replacement === 'string') {
      yield expressionMutation(node, renamedCall(node, callee, replacement, context));
    }
  },
};

/** The called method's name: `a.trim()`, and (like Babel's identifier check) `a[trim]()`. */
function methodName(callee: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name)) {
    return callee.name.text;
  }
  if (ts.isElementAccessExpression(callee) && ts.isIdentifier(callee.argumentExpression)) {
    return callee.argumentExpression.text;
  }
  return undefined;
}

function renamedCall(
  call: ts.CallExpression,
  callee: ts.PropertyAccessExpression | ts.ElementAccessExpression,
  name: string,
  context: OperatorContext,
): string {
  const object = context.textOf(callee.expression);
  const access = callee.questionDotToken ? '?.' : '.';
  const callOptional = call.questionDotToken ? '?.' : '';
  const args = call.arguments.map((argument) => context.textOf(argument)).join(', ');
  return `${object}${access}${name}${callOptional}(${args})`;
}
