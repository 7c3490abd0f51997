/**
 * Decides which code an instrumenter substitutes for a mutation. Usually that is the mutated
 * node itself, but wrapping some nodes in `(active ? replacement : original)` would change the
 * original program, so (like StrykerJS, which places such mutants on an enclosing node) the
 * substitution then covers the smallest enclosing expression where it is safe:
 * - a link inside an optional chain (`a?.b` in `a?.b.c`): parentheses would end the chain;
 * - a property access that is called (`(x ? a.b : a?.b)()` loses `this`);
 * - the template of a tagged template (`` tag`x` `` must not become a call);
 * - the operand of `delete`.
 */
import { ts } from 'ts-morph';

import type { Placement } from '../model.js';
import type { Mutation } from './operators/index.js';
import { outerParens } from './syntax.js';

export interface Substitution {
  start: number;
  end: number;
  replacement: string;
  placement: Placement;
}

export function substitutionFor(mutation: Mutation, tree: ts.SourceFile): Substitution {
  const { node, replacement, placement } = mutation;
  if (mutation.range) {
    return { ...mutation.range, replacement, placement };
  }
  const nodeStart = node.getStart(tree);
  const target = placement === 'expression' ? safeTarget(node) : node;
  const start = target.getStart(tree);
  const replaced = tree.text.slice(start, nodeStart) + replacement + tree.text.slice(node.end, target.end);
  return { start, end: target.end, replacement: replaced, placement };
}

function safeTarget(node: ts.Node): ts.Node {
  let target = node;
  for (let wider = widened(target); wider !== undefined; wider = widened(target)) {
    target = wider;
  }
  return target;
}

/** The enclosing expression to substitute instead of `node`, if `node` cannot be substituted. */
function widened(node: ts.Node): ts.Node | undefined {
  const parent = node.parent;
  if (ts.isOptionalChain(node) && isChainLink(parent) && parent.expression === node) {
    return parent;
  }
  if (ts.isTaggedTemplateExpression(parent) && parent.template === node) {
    return parent;
  }
  const self = outerParens(node);
  const enclosing = self.parent;
  const isCalledMember = ts.isCallExpression(enclosing) && enclosing.expression === self && isPropertyAccess(node);
  return isCalledMember || ts.isDeleteExpression(enclosing) ? enclosing : undefined;
}

function isChainLink(
  node: ts.Node,
): node is ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression | ts.NonNullExpression {
  return (
    ts.isPropertyAccessExpression(node) ||
    ts.isElementAccessExpression(node) ||
    ts.isCallExpression(node) ||
    ts.isNonNullExpression(node)
  );
}

function isPropertyAccess(node: ts.Node): boolean {
  return ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node);
}
