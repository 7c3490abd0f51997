/**
 * Keeps `Function.prototype.name` through instrumentation. In `const f = () => 1` the arrow is
 * named `f` because it is an anonymous function definition in a naming position; inside a
 * conditional it would be anonymous. The schemata writer therefore emits each branch as
 * `{ "f": (…) }["f"]`, a property definition that gives the same name.
 */
import { ts, unwrap, useSite } from './syntax.js';

/** The name JavaScript would give the anonymous function or class `node`, if any. */
export function evaluatedName(node: ts.Node): string | undefined {
  if (!isAnonymousDefinition(unwrap(node))) return undefined;
  const site = useSite(node);
  const owner = site.parent;
  if (ts.isExportAssignment(owner)) return owner.isExportEquals ? undefined : 'default';
  if (ts.isBinaryExpression(owner)) {
    return owner.right === site && isNamingAssignment(owner.operatorToken.kind) ? identifierText(owner.left) : undefined;
  }
  const declaration = owner as { name?: ts.Node; initializer?: ts.Node };
  const named =
    ts.isVariableDeclaration(owner) ||
    ts.isParameter(owner) ||
    ts.isBindingElement(owner) ||
    ts.isPropertyDeclaration(owner) ||
    ts.isPropertyAssignment(owner);
  const name = named && declaration.initializer === site ? declaration.name : undefined;
  return name === undefined ? undefined : keyText(name);
}

function isAnonymousDefinition(node: ts.Node): boolean {
  return ts.isArrowFunction(node) || ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name === undefined);
}

function isNamingAssignment(operator: ts.SyntaxKind): boolean {
  return (
    operator === ts.SyntaxKind.EqualsToken ||
    operator === ts.SyntaxKind.BarBarEqualsToken ||
    operator === ts.SyntaxKind.AmpersandAmpersandEqualsToken ||
    operator === ts.SyntaxKind.QuestionQuestionEqualsToken
  );
}

function identifierText(node: ts.Node): string | undefined {
  return ts.isIdentifier(node) ? node.text : undefined;
}

/** Identifier, private and string names; `__proto__` is left out since `{ "__proto__": … }` sets the prototype. */
function keyText(name: ts.Node): string | undefined {
  const text = ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
  return text === '__proto__' ? undefined : text;
}
