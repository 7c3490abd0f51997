/**
 * Finds the node that hosts an expression mutant: the expression spanning the mutant's range,
 * moved outward while an expression rule (expression-rules.ts) says it cannot host the
 * conditional there.
 */
import { expressionRules } from './expression-rules.js';
import { type Located, ts } from './syntax.js';

export type SiteResult<T> = { site: T } | { unplaceable: string };

/** The expression to wrap for a mutant whose range was located as `located`. */
export function expressionSite(located: Located): SiteResult<ts.Node> {
  let node = located.exact.find((n) => ts.isExpression(n)) ?? located.exact.at(-1) ?? located.container;
  for (;;) {
    const rule = expressionRules.find((r) => r.holds(node));
    if (rule === undefined) return { site: node };
    const outer = enclosingExpression(node);
    if (outer === undefined) return { unplaceable: rule.name };
    node = outer;
  }
}

/**
 * The nearest expression around `node`, passing through the parts of an expression that are not
 * expressions themselves (template spans, object members, JSX attributes, type arguments).
 * Undefined when a statement or declaration comes first.
 */
function enclosingExpression(node: ts.Node): ts.Node | undefined {
  for (let outer = node.parent; outer !== undefined; outer = outer.parent) {
    if (ts.isExpression(outer)) return outer;
    if (!isExpressionPart(outer)) return undefined;
  }
  return undefined;
}

function isExpressionPart(node: ts.Node): boolean {
  return (
    ts.isTemplateSpan(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isShorthandPropertyAssignment(node) ||
    ts.isSpreadAssignment(node) ||
    ts.isComputedPropertyName(node) ||
    ts.isJsxAttribute(node) ||
    ts.isJsxAttributes(node) ||
    ts.isJsxOpeningElement(node) ||
    ts.isJsxClosingElement(node) ||
    ts.isJsxSpreadAttribute(node) ||
    ts.isJsxNamespacedName(node) ||
    ts.isTypeNode(node) ||
    ((ts.isMethodDeclaration(node) || ts.isAccessor(node)) && ts.isObjectLiteralExpression(node.parent))
  );
}
