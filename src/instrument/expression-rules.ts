/**
 * Where an expression mutant cannot be switched in place. Wrapping a node in
 * `(on(id) ? (…) : (…))` is only safe where any parenthesised expression could stand and where
 * the surrounding code uses the node's value, not the node itself (a reference, a chain link, a
 * name). Each rule below is one such case; `widenExpression` moves the placement outward to the
 * nearest enclosing expression until no rule holds.
 */
import { isPinnedSuperCall } from './super-call.js';
import { isTransparent, ts, unwrap, useSite } from './syntax.js';

export interface ExpressionRule {
  /** Reported when a mutant cannot be placed at all because of this rule. */
  readonly name: string;
  /** True when `node` cannot host the conditional. */
  readonly holds: (node: ts.Node) => boolean;
}

/** Object members, template parts, type nodes, JSX text…, and `#x` in `#x in o` (which TypeScript calls an expression). */
function notAnExpression(node: ts.Node): boolean {
  return !ts.isExpression(node) || ts.isPrivateIdentifier(node);
}

/** A name, not a value: `b` in `a.b`, declaration and property names, labels, specifiers. */
function nameSlot(node: ts.Node): boolean {
  const parent = node.parent as { name?: ts.Node; propertyName?: ts.Node; label?: ts.Node };
  return parent.name === node || parent.propertyName === node || parent.label === node;
}

/** Inside a type (`'a'` in `f<'a'>()`, `implements X`): erased by the transpiler. */
function typePosition(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isExpressionWithTypeArguments(parent)) {
    const clause = parent.parent;
    return ts.isHeritageClause(clause) && (clause.token === ts.SyntaxKind.ImplementsKeyword || ts.isInterfaceDeclaration(clause.parent));
  }
  return ts.isTypeNode(parent);
}

/** Module specifiers (static, `import('x')`, `require('x')`) must stay literal for vite's import analysis. */
function moduleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return parent.moduleSpecifier === node;
  if (ts.isExternalModuleReference(parent) || ts.isImportAttribute(parent)) return true;
  if (!ts.isCallExpression(parent) || !parent.arguments.includes(node as ts.Expression)) return false;
  const callee = parent.expression;
  return callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
}

/** JSX attribute values (`href="x"`) and JSX children are not expression slots. */
function jsxSlot(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isJsxAttribute(parent) || ts.isJsxElement(parent) || ts.isJsxFragment(parent);
}

/** A directive such as `'use strict'` stops being one once wrapped. */
function directive(node: ts.Node): boolean {
  const statement = node.parent;
  if (!ts.isStringLiteral(node) || !ts.isExpressionStatement(statement)) return false;
  const list = (statement.parent as { statements?: readonly ts.Statement[] }).statements ?? [];
  const index = list.indexOf(statement);
  return list
    .slice(0, index + 1)
    .every((s) => ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression));
}

/** A string enum initialiser: a computed value makes the transpiler add a reverse mapping. */
function stringEnumInitializer(node: ts.Node): boolean {
  return ts.isEnumMember(node.parent) && node.parent.initializer === node && ts.isStringLiteralLike(unwrap(node));
}

/**
 * A link of an optional chain that continues outward: in `a?.b.c`, `(… a?.b)` would let `.c`
 * run when `a` is nullish.
 */
function optionalChainLink(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isOptionalChain(node) && ts.isOptionalChain(parent) && parent.expression === node;
}

/**
 * The callee or tag of a call when it is a property access (`obj.m()` passes `this === obj`,
 * `(… obj.m)()` does not) or `eval` (a wrapped `eval` is an indirect, global-scope eval).
 */
function receiverCallee(node: ts.Node): boolean {
  const site = useSite(node);
  const use = site.parent;
  const isCallee =
    (ts.isCallExpression(use) && use.expression === site) || (ts.isTaggedTemplateExpression(use) && use.tag === site);
  const inner = unwrap(node);
  return (
    isCallee &&
    (ts.isPropertyAccessExpression(inner) ||
      ts.isElementAccessExpression(inner) ||
      (ts.isIdentifier(inner) && inner.text === 'eval'))
  );
}

/** The template of a tagged template: `tag(… \`x\`)` would pass a string, not a template. */
function taggedTemplateLiteral(node: ts.Node): boolean {
  return ts.isTaggedTemplateExpression(node.parent) && node.parent.template === node;
}

/** `super` and `import` are keywords, not values: `super(…)`, `super.x`, `import(…)`. */
function keyword(node: ts.Node): boolean {
  return node.kind === ts.SyntaxKind.SuperKeyword || node.kind === ts.SyntaxKind.ImportKeyword;
}

/** `delete o.x` needs the reference: `delete (… o.x)` deletes nothing. */
function deleteOperand(node: ts.Node): boolean {
  return ts.isDeleteExpression(useSite(node).parent);
}

/** `typeof undeclared` is `'undefined'`, but evaluating an undeclared name throws. */
function typeofName(node: ts.Node): boolean {
  return ts.isIdentifier(unwrap(node)) && ts.isTypeOfExpression(useSite(node).parent);
}

/**
 * An assignment target — `x = …`, `x += …`, `x++`, `for (x of …)`, or any target inside a
 * destructuring pattern (`[a, b] = …`) — must stay a reference.
 */
function assignmentTarget(node: ts.Node): boolean {
  let target = node;
  for (;;) {
    const parent = target.parent;
    if (ts.isBinaryExpression(parent)) {
      const operator = parent.operatorToken.kind;
      return parent.left === target && operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment;
    }
    if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
      return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
    }
    if (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) return parent.initializer === target;
    if (ts.isPropertyAssignment(parent)) {
      if (parent.initializer !== target) return false;
      target = parent.parent;
    } else if (ts.isShorthandPropertyAssignment(parent) || ts.isSpreadAssignment(parent)) {
      target = parent.parent;
    } else if (ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent) || isTransparent(parent)) {
      target = parent;
    } else {
      return false;
    }
  }
}

/** The `super(…)` after which the transpiler inserts parameter properties (see super-call.ts). */
function pinnedSuperCall(node: ts.Node): boolean {
  return isPinnedSuperCall(node);
}

export const expressionRules: readonly ExpressionRule[] = [
  notAnExpression,
  nameSlot,
  typePosition,
  moduleSpecifier,
  jsxSlot,
  directive,
  stringEnumInitializer,
  optionalChainLink,
  receiverCallee,
  taggedTemplateLiteral,
  keyword,
  deleteOperand,
  typeofName,
  assignmentTarget,
  pinnedSuperCall,
].map((rule) => ({ name: rule.name, holds: rule }));
