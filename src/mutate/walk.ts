/**
 * Walks the syntax tree in the order Babel's traversal enters nodes (parents before children,
 * in source order) and leaves out what StrykerJS never mutates: type-only syntax (annotations,
 * interfaces, type aliases, enums, `declare`, `as` expressions, overload signatures), imports,
 * re-exports and decorators.
 */
import { ts } from 'ts-morph';

export interface WalkVisitor {
  /**
   * Called for every node Babel would enter. `skipped` nodes are entered (so comments in front of
   * them still count) but neither mutated nor descended into.
   */
  enter(node: ts.Node, skipped: boolean): void;
}

export function walk(tree: ts.SourceFile, visitor: WalkVisitor): void {
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.EndOfFileToken) {
      return;
    }
    if (ts.isExpressionWithTypeArguments(node)) {
      // `class A extends mixin(B)<T>`: Babel only has the expression; the type arguments are types.
      visit(node.expression);
      return;
    }
    const skipped = isSkipped(node);
    visitor.enter(node, skipped);
    if (!skipped) {
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(tree, visit);
}

const SKIPPED_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.NamespaceExportDeclaration,
  ts.SyntaxKind.Decorator,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.TypeParameter,
  ts.SyntaxKind.IndexSignature,
]);

function isSkipped(node: ts.Node): boolean {
  return (
    SKIPPED_KINDS.has(node.kind) ||
    ts.isTypeNode(node) ||
    isImplementsClause(node) ||
    isBodilessFunction(node) ||
    hasDeclareModifier(node)
  );
}

function isImplementsClause(node: ts.Node): boolean {
  return ts.isHeritageClause(node) && node.token === ts.SyntaxKind.ImplementsKeyword;
}

/** Overload signatures and abstract methods: `function f(a: string): void;`. */
function isBodilessFunction(node: ts.Node): boolean {
  return (
    (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node)) &&
    node.body === undefined
  );
}

function hasDeclareModifier(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword) ?? false)
  );
}
