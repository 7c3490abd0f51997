/**
 * StringLiteral: empties non-empty strings and template literals (`"a"` → `""`, `` `a${b}` ``
 * → ` `` `) and fills empty ones (`""` → `"Stryker was here!"`). Strings that are not values are
 * left alone: module paths, `require(...)`/`Symbol(...)` arguments, property and member names,
 * JSX attribute strings, `export default "..."` and expression statements like directives.
 */
import { ts } from 'ts-morph';

import { outerParens, unwrapParens } from '../syntax.js';
import { expressionMutation, type Operator } from './operator.js';

export const stringLiteral: Operator = {
  name: 'StringLiteral',
  *mutate(node, context) {
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      yield expressionMutation(node, context.textOf(node) === '``' ? '`Stryker was here!`' : '``');
    }
    if (ts.isStringLiteral(node) && isValue(node)) {
      yield expressionMutation(node, node.text.length === 0 ? '"Stryker was here!"' : '""');
    }
  },
};

function isValue(node: ts.StringLiteral): boolean {
  const self = outerParens(node);
  const parent = self.parent;
  if (ts.isComputedPropertyName(parent)) {
    return !isMemberName(parent);
  }
  return !(
    isMemberName(self) ||
    ts.isExpressionStatement(parent) ||
    ts.isJsxAttribute(parent) ||
    ts.isExternalModuleReference(parent) ||
    (ts.isExportAssignment(parent) && !parent.isExportEquals) ||
    (ts.isCallExpression(parent) && isCallTo(parent, ['require', 'Symbol']))
  );
}

/** Names of object members, class members and destructured properties. */
function isMemberName(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    (ts.isObjectLiteralElement(parent) || ts.isClassElement(parent) || ts.isBindingElement(parent)) &&
    nameOf(parent) === node
  );
}

function nameOf(node: ts.ObjectLiteralElement | ts.ClassElement | ts.BindingElement): ts.Node | undefined {
  return ts.isBindingElement(node) ? node.propertyName : node.name;
}

function isCallTo(call: ts.CallExpression, names: readonly string[]): boolean {
  const callee = unwrapParens(call.expression);
  return ts.isIdentifier(callee) && names.includes(callee.text);
}
