/**
 * A mutant's region: the outermost declaration around it that the rest of the program sees only
 * through the types of the names it declares — a function, method, accessor or constructor, a
 * variable initialised with a function, a class property. When a mutant leaves those types as they
 * were, every type error it causes lies inside its region and no importer of its file can see a
 * change, so check-mutants.ts checks mutants of different regions in one program and tells their
 * errors apart by place.
 *
 * A region is sealed when those types are written out (a declared return type, a declared variable
 * or property type, a constructor's or setter's body) and so cannot change; otherwise the check
 * compares the types of its names before and after. A Regex mutant outside any such declaration
 * has the regular expression itself as its region: one is as good as another to the type checker.
 */
import { ts } from 'ts-morph';

export interface Region {
  /** Offsets [start, end) of the declaration. */
  start: number;
  end: number;
  /** Its type is written out: no change inside can change it. */
  sealed: boolean;
  /** Unsealed: offsets of the names it declares, whose types the rest of the program sees. */
  names: number[];
  /** How to copy the declaration under another name, where it can be (see clones.ts). */
  clone?: CloneRecipe;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * How to copy a declaration under another name: the text [start, end) without the `omit` spans
 * (modifiers a copy must not have: `export`, `default`, `override`, decorators), `name` renamed,
 * written at `insertAt` (just after the declaration or its statement) between `before` and `after`.
 */
export interface CloneRecipe extends Span {
  omit: Span[];
  name: Span;
  insertAt: number;
  before: string;
  after: string;
}

/** The region of a mutant at [start, end) in `tree`; undefined when it has none (e.g. module-level code). */
export function regionOf(tree: ts.SourceFile, start: number, end: number, mutatorName: string): Region | undefined {
  let region: Region | undefined;
  const visit = (node: ts.Node): void => {
    const sealedPart = sealedPartOf(node);
    if (sealedPart !== undefined && sealedPart.getStart(tree) <= start && end <= sealedPart.end) {
      const clone = cloneRecipeOf(node, tree);
      region = { start: node.getStart(tree), end: node.end, sealed: true, names: [], ...(clone && { clone }) };
      return;
    }
    // The outermost declaration is the region, unless one inside it is sealed.
    const name = region === undefined ? declaredNameOf(node) : undefined;
    if (name !== undefined && node.getStart(tree) <= start && end <= node.end) {
      const clone = cloneRecipeOf(node, tree);
      region = { start: node.getStart(tree), end: node.end, sealed: false, names: [name.getStart(tree)], ...(clone && { clone }) };
    }
    const child = node.getChildren(tree).find((candidate) => candidate.getStart(tree) <= start && end <= candidate.end);
    if (child !== undefined) visit(child);
  };
  visit(tree);
  return region ?? (mutatorName === 'Regex' ? { start, end, sealed: true, names: [] } : undefined);
}

/**
 * The bodies of the outermost functions in `tree` whose types are written out, except
 * constructors: a check can put `{ throw 0; }` in their place where no mutant is, and every other
 * function sees the same types, while the type checker has less to do (see check-mutants.ts).
 */
export function sealedBodiesOf(tree: ts.SourceFile): Array<{ start: number; end: number }> {
  const bodies: Array<{ start: number; end: number }> = [];
  const visit = (node: ts.Node): void => {
    const body = ts.isConstructorDeclaration(node) ? undefined : sealedPartOf(node);
    const block = body !== undefined && ts.isBlock(body) ? body : isFunctionBodyOf(node);
    if (block !== undefined) {
      bodies.push({ start: block.getStart(tree), end: block.end });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return bodies;
}

/** For a variable declared with a type and initialised with a function, that function's block body. */
function isFunctionBodyOf(node: ts.Node): ts.Block | undefined {
  const initializer = ts.isVariableDeclaration(node) ? sealedPartOf(node) : undefined;
  if (initializer === undefined || !ts.isExpression(initializer)) return undefined;
  const value = ts.isParenthesizedExpression(initializer) ? initializer.expression : initializer;
  return (ts.isFunctionExpression(value) || ts.isArrowFunction(value)) && ts.isBlock(value.body) ? value.body : undefined;
}

/** How to copy a declaration under another name, when it can be: a named function, a class member with a plain name, a variable holding a function. */
function cloneRecipeOf(node: ts.Node, tree: ts.SourceFile): CloneRecipe | undefined {
  const span = (part: ts.Node): Span => ({ start: part.getStart(tree), end: part.end });
  const omitted = (modifiers: readonly ts.ModifierLike[] | undefined, kinds: readonly ts.SyntaxKind[]) =>
    (modifiers ?? []).filter((modifier) => ts.isDecorator(modifier) || kinds.includes(modifier.kind)).map(span);
  if (ts.isFunctionDeclaration(node) && node.name !== undefined && node.body !== undefined) {
    const omit = omitted(node.modifiers, [ts.SyntaxKind.ExportKeyword, ts.SyntaxKind.DefaultKeyword]);
    return { ...span(node), omit, name: span(node.name), insertAt: node.end, before: '\n', after: '' };
  }
  const member = ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node) || ts.isPropertyDeclaration(node);
  if (member && ts.isClassLike(node.parent) && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name))) {
    const omit = omitted(node.modifiers, [ts.SyntaxKind.OverrideKeyword, ts.SyntaxKind.DeclareKeyword]);
    return { ...span(node), omit, name: span(node.name), insertAt: node.end, before: '\n', after: ';' };
  }
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && ts.isVariableDeclarationList(node.parent) && ts.isVariableStatement(node.parent.parent)) {
    return { ...span(node), omit: [], name: span(node.name), insertAt: node.parent.parent.end, before: '\nconst ', after: ';' };
  }
  return undefined;
}

/** The part of `node` whose changes its written type seals in, if it has one. */
function sealedPartOf(node: ts.Node): ts.Node | undefined {
  if (ts.isConstructorDeclaration(node) || ts.isSetAccessorDeclaration(node)) return node.body;
  if (ts.isFunctionLike(node) && node.type !== undefined && 'body' in node) return node.body as ts.Node | undefined;
  if (ts.isVariableDeclaration(node) && node.type !== undefined && node.initializer !== undefined) {
    return isFunctionValue(node.initializer) ? node.initializer : undefined;
  }
  if (ts.isPropertyDeclaration(node) && node.type !== undefined) return node.initializer;
  return undefined;
}

/**
 * The name of a declaration that can be a region: one whose contents nothing outside it sees but
 * through its name's type. A variable only when it holds a function: another value could narrow
 * what follows it.
 */
function declaredNameOf(node: ts.Node): ts.Node | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isPropertyDeclaration(node)) {
    return node.name;
  }
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined && isFunctionValue(node.initializer)) return node.name;
  return undefined;
}

function isFunctionValue(node: ts.Expression): boolean {
  const value = ts.isParenthesizedExpression(node) ? node.expression : node;
  return ts.isFunctionExpression(value) || ts.isArrowFunction(value);
}
