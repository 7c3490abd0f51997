/**
 * BlockStatement: empties non-empty blocks (`{ foo(); }` → `{}`): function bodies, branches,
 * loop bodies, `try`/`catch`/`finally` and plain blocks. Class static blocks and namespace
 * bodies are not Babel block statements, a function body holding only a directive prologue
 * counts as empty, and constructors that must keep their `super()` call are left alone.
 */
import { ts } from 'ts-morph';

import { babelStatements } from '../syntax.js';
import type { Operator } from './operator.js';

export const blockStatement: Operator = {
  name: 'BlockStatement',
  *mutate(node) {
    if (
      ts.isBlock(node) &&
      !ts.isClassStaticBlockDeclaration(node.parent) &&
      babelStatements(node).length > 0 &&
      !isConstructorThatNeedsSuper(node)
    ) {
      yield { node, replacement: '{}', placement: 'statements' };
    }
  },
};

/**
 * A constructor body calling `super(...)` in a class with parameter properties or initialized
 * fields: emptying it would make the code invalid (stryker-js#2314, #2474).
 */
function isConstructorThatNeedsSuper(block: ts.Block): boolean {
  const constructor = block.parent;
  if (!ts.isConstructorDeclaration(constructor)) {
    return false;
  }
  const hasParameterProperties = constructor.parameters.some((parameter) =>
    ts.isParameterPropertyDeclaration(parameter, constructor),
  );
  return (hasParameterProperties || hasInitializedProperty(constructor.parent)) && callsSuper(block);
}

/** Babel's `ClassProperty` with a value: not private (`#x`) and not an `accessor`. */
function hasInitializedProperty(classNode: ts.ClassLikeDeclaration): boolean {
  return classNode.members.some(
    (member) =>
      ts.isPropertyDeclaration(member) &&
      member.initializer !== undefined &&
      !ts.isPrivateIdentifier(member.name) &&
      !(ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.AccessorKeyword) ?? false),
  );
}

function callsSuper(node: ts.Node): boolean {
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
    return true;
  }
  return ts.forEachChild(node, callsSuper) ?? false;
}
