/**
 * The `super(…)` call of a derived constructor that the transpiler needs to find. When a class
 * has parameter properties (`constructor(private x: X)`) or initialised fields that get lowered,
 * esbuild, oxc and tsc insert `this.x = x` right after a `super(…)` that is a statement of the
 * constructor body; when the call sits inside an `if` or an expression they insert it at the top
 * instead, before `super` runs, which throws. Such a call must stay where it is.
 */
import { ts } from './syntax.js';

/** The root `super(…)` statement of `ctor` when the transpiler inserts code after it. */
export function pinnedSuperStatement(ctor: ts.ConstructorDeclaration): ts.ExpressionStatement | undefined {
  if (ctor.body === undefined || !initialisesAfterSuper(ctor)) return undefined;
  return ctor.body.statements.find(
    (statement): statement is ts.ExpressionStatement =>
      ts.isExpressionStatement(statement) && isSuperCall(statement.expression),
  );
}

/** True for `super(…)`. */
function isSuperCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword;
}

/** True when `node` is the pinned `super(…)` call of its constructor. */
export function isPinnedSuperCall(node: ts.Node): boolean {
  const statement = node.parent;
  const body = statement?.parent;
  return (
    isSuperCall(node) &&
    ts.isExpressionStatement(statement) &&
    ts.isBlock(body) &&
    ts.isConstructorDeclaration(body.parent) &&
    pinnedSuperStatement(body.parent) === statement
  );
}

function initialisesAfterSuper(ctor: ts.ConstructorDeclaration): boolean {
  const hasParameterProperty = ctor.parameters.some((parameter) => (ts.getModifiers(parameter)?.length ?? 0) > 0);
  const hasInitialisedField = ctor.parent.members.some(
    (member) =>
      ts.isPropertyDeclaration(member) &&
      member.initializer !== undefined &&
      !ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
  );
  return hasParameterProperty || hasInitialisedField;
}
