/**
 * Module constants switched where they are read. A mutant in the initializer of a module-level
 * `const` is switched in place while the module loads, so it is static: it runs every test of every
 * file that loads the module, in a fresh module graph of its own (execute/static-groups.ts). Most
 * such constants (regular expressions, strings, tables) are read only inside functions.
 *
 * Where the initializer is a plain value that evaluates with no side effect and cannot throw
 * (literals, regular expressions, templates, arrays and objects of them, operators on them, a
 * `new Set`, `new Map` or `Object.freeze` of them where the file does not declare those names),
 * and so is each mutant's version of it, each mutant gets a constant of its own declared just after
 * the original, in the same declaration list (`const RE = /a/, __assay_c1 = (/b/);`: the
 * initializer with that mutant applied, evaluated once while the module loads, as the original
 * is), and every read of the name becomes an expression site that picks the active mutant's
 * constant. A read inside a function is reached by the tests that call it, so the mutant is
 * covered per test and joins batches like any other mutant; a read while the module loads (or a
 * test file collects) is reached outside tests and leaves the mutant static, where it is active
 * from the start and every read sees its value, as before. A mutant whose constant no code reads
 * is not covered.
 *
 * A mutant's constant is another object than the original: an array, object, `Set` or `Map` is
 * therefore switched only where every read uses it on the spot (`NAME.x`, `NAME[k]`, `NAME.m()`,
 * `for (… of NAME)`, `...NAME`), so that no reference to either object is kept, compared or
 * returned; what code stores into it is the same in both worlds, since only runs with the mutant
 * active reach its constant. Strings, numbers and regular expressions may be read anywhere.
 *
 * The name must be known to mean the constant wherever it is read, and every read must be a place
 * where a conditional can stand: a constant that is exported, declared again in the file (a
 * parameter, a local, an import or an enum member of the same name), read through a shorthand
 * property, `typeof`, a JSX tag, a class heritage clause or any place expression-rules.ts rules
 * out, in a file that calls `eval`, never read, or whose mutants' copies would be too large
 * (MAX_COPIES), keeps its mutants in place.
 */
import { expressionRules } from './expression-rules.js';
import { beginsStatement, type Placed } from './placement.js';
import { syntaxErrorsOf } from '../mutate/parse.js';
import { isTransparent, parse, ts, unwrap, useSite } from './syntax.js';

/** Text to write at an offset of the original text. */
export interface Insert {
  at: number;
  text: string;
}

export interface ConstantSwitches {
  /** A placement per mutant per read of its constant's name. */
  reads: Placed[];
  /** After each switched constant's declaration, in its declaration list: its mutants' constants. */
  inserts: Insert[];
  /** The mutants switched at reads, not in their initializers. */
  switched: Set<number>;
}

/** A mutant as this module needs it. */
interface ConstantMutant {
  id: number;
  start: number;
  end: number;
  replacement: string;
}

/** The name of mutant `id`'s constant. */
function constantName(id: number): string {
  return `__assay_c${id}`;
}

/** At most this many mutants per constant, and this much text of their copies, are switched at reads. */
const MAX_MUTANTS = 64;
const MAX_COPIES = 128 * 1024;

/** The module constants of `sourceFile` whose mutants can be switched where they are read. */
export function moduleConstantSwitches(sourceFile: ts.SourceFile, mutants: readonly ConstantMutant[]): ConstantSwitches {
  const switches: ConstantSwitches = { reads: [], inserts: [], switched: new Set() };
  const candidates = candidateConstants(sourceFile, mutants);
  if (candidates.length === 0) return switches;
  const names = namesInFile(sourceFile);
  if (names.has('eval')) return switches;
  const text = sourceFile.text;
  const kindOf = plainValues(names);
  for (const { declaration, mutants: own } of candidates) {
    const start = declaration.initializer.getStart(sourceFile);
    const end = declaration.initializer.end;
    const kind = kindOf(declaration.initializer);
    if (kind === undefined || own.length > MAX_MUTANTS || own.length * (end - start) > MAX_COPIES) continue;
    const reads = readsOf(declaration, names.get(declaration.name.text) ?? [], kind);
    if (reads === undefined || reads.length === 0) continue;
    const values = own.map((mutant) => `(${text.slice(start, mutant.start)}${mutant.replacement}${text.slice(mutant.end, end)})`);
    // Each copy is evaluated while the module loads, mutant active or not: it must be as plain as the original.
    if (values.some((value) => kindOf(parsedExpression(value, sourceFile)) === undefined)) continue;
    switches.inserts.push({ at: declaration.end, text: own.map((mutant, index) => `, ${constantName(mutant.id)} = ${values[index]}`).join('') });
    for (const read of reads) {
      const readStart = read.getStart(sourceFile);
      for (const mutant of own) {
        switches.reads.push({ id: mutant.id, kind: 'expression', start: readStart, end: read.end, code: constantName(mutant.id), asiGuard: beginsStatement(read, readStart) });
      }
    }
    own.forEach((mutant) => switches.switched.add(mutant.id));
  }
  return switches;
}

/** `text`, an expression, parsed as `sourceFile` would parse it; a node that is no plain value when it does not parse. */
function parsedExpression(text: string, sourceFile: ts.SourceFile): ts.Node {
  const tree = parse(text, sourceFile.fileName);
  const [statement] = tree.statements;
  return syntaxErrorsOf(tree).length === 0 && tree.statements.length === 1 && ts.isExpressionStatement(statement) ? statement.expression : tree;
}

interface Candidate {
  declaration: ts.VariableDeclaration & { name: ts.Identifier; initializer: ts.Expression };
  mutants: ConstantMutant[];
}

/** The module-level, unexported `const` declarations of a name whose initializer holds mutants. */
function candidateConstants(sourceFile: ts.SourceFile, mutants: readonly ConstantMutant[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const statement of sourceFile.statements) {
    // `const` only: `await using` has the Const flag too.
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.BlockScoped) !== ts.NodeFlags.Const) continue;
    if ((ts.getModifiers(statement) ?? []).length > 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      const { name, initializer } = declaration;
      if (!ts.isIdentifier(name) || initializer === undefined) continue;
      const start = initializer.getStart(sourceFile);
      const own = mutants.filter((mutant) => start <= mutant.start && mutant.end <= initializer.end);
      if (own.length > 0) candidates.push({ declaration: declaration as Candidate['declaration'], mutants: own });
    }
  }
  return candidates;
}

/**
 * What a value is when it evaluates with no side effect and cannot throw (no call but the built-in
 * ones below, no property read, which could run a getter, no name but `undefined`, `NaN` and
 * `Infinity`, no bigint: `1n / 0n` throws): a primitive or a regular expression (`value`), or an
 * object (`object`); undefined when it is none of these. `names`: the file's identifiers, to tell
 * that a built-in's name is not declared in it.
 */
function plainValues(names: ReadonlyMap<string, readonly ts.Identifier[]>): (node: ts.Node) => PlainKind | undefined {
  const undeclared = (name: string) => (names.get(name) ?? []).every((identifier) => useOf(identifier) !== 'unfit');
  const all = (nodes: readonly ts.Node[]) => nodes.every((node) => kindOf(node) !== undefined);
  const kindOf = (node: ts.Node): PlainKind | undefined => {
    if (isTransparent(node)) return kindOf(node.expression);
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NumericLiteral:
      case ts.SyntaxKind.RegularExpressionLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
      case ts.SyntaxKind.NullKeyword:
        return 'value';
    }
    if (ts.isIdentifier(node)) return node.text === 'undefined' || node.text === 'NaN' || node.text === 'Infinity' ? 'value' : undefined;
    if (ts.isTemplateExpression(node)) return all(node.templateSpans.map((span) => span.expression)) ? 'value' : undefined;
    if (ts.isArrayLiteralExpression(node)) return node.elements.every((element) => ts.isOmittedExpression(element) || kindOf(element) !== undefined) ? 'object' : undefined;
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.every((property) => ts.isPropertyAssignment(property) && !ts.isComputedPropertyName(property.name) && kindOf(property.initializer) !== undefined) ? 'object' : undefined;
    }
    if (ts.isPrefixUnaryExpression(node)) return node.operator !== ts.SyntaxKind.PlusPlusToken && node.operator !== ts.SyntaxKind.MinusMinusToken && kindOf(node.operand) !== undefined ? 'value' : undefined;
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (!PLAIN_OPERATORS.has(operator) || !all([node.left, node.right])) return undefined;
      // These give one of their operands, which may be an object.
      return OPERAND_OPERATORS.has(operator) ? eitherKind(kindOf(node.left), kindOf(node.right)) : 'value';
    }
    if (ts.isConditionalExpression(node)) return all([node.condition, node.whenTrue, node.whenFalse]) ? eitherKind(kindOf(node.whenTrue), kindOf(node.whenFalse)) : undefined;
    // `new Set([…])`, `new Map([[…], …])`: they iterate arrays of plain values (a Map's entries arrays too: another entry throws).
    if (ts.isNewExpression(node)) {
      const [entries, ...rest] = node.arguments ?? [];
      const callee = ts.isIdentifier(node.expression) ? node.expression.text : undefined;
      if ((callee !== 'Set' && callee !== 'Map') || !undeclared(callee) || node.typeArguments !== undefined || rest.length > 0) return undefined;
      if (entries === undefined) return 'object';
      const list = unwrap(entries);
      if (!ts.isArrayLiteralExpression(list) || kindOf(list) === undefined) return undefined;
      return callee === 'Set' || list.elements.every((entry) => ts.isArrayLiteralExpression(unwrap(entry))) ? 'object' : undefined;
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const freeze = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && callee.name.text === 'freeze' && undeclared('Object');
      return freeze && node.arguments.length === 1 ? kindOf(node.arguments[0]) : undefined;
    }
    return undefined;
  };
  return kindOf;
}

type PlainKind = 'value' | 'object';

function eitherKind(a: PlainKind | undefined, b: PlainKind | undefined): PlainKind {
  return a === 'object' || b === 'object' ? 'object' : 'value';
}

/** Binary operators that give one of their operands. */
const OPERAND_OPERATORS = new Set<ts.SyntaxKind>([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.CommaToken]);

/** Binary operators that, on plain values, neither throw nor assign (`in` and `instanceof` can throw). */
const PLAIN_OPERATORS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.AmpersandToken,
  ts.SyntaxKind.BarToken,
  ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.LessThanLessThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.CommaToken,
]);

/** Every identifier of the file, by its text. */
function namesInFile(sourceFile: ts.SourceFile): Map<string, ts.Identifier[]> {
  const names = new Map<string, ts.Identifier[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const list = names.get(node.text);
      if (list === undefined) names.set(node.text, [node]);
      else list.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

/**
 * The reads of the constant among the identifiers of its name; undefined when one of them makes
 * the constant unfit (see the module comment). An object's reads must use it on the spot.
 */
function readsOf(declaration: Candidate['declaration'], identifiers: readonly ts.Identifier[], kind: PlainKind): ts.Identifier[] | undefined {
  const reads: ts.Identifier[] = [];
  for (const identifier of identifiers) {
    if (identifier === declaration.name) continue;
    const use = useOf(identifier);
    if (use === 'unfit' || (use === 'read' && kind === 'object' && !usedOnTheSpot(identifier))) return undefined;
    if (use === 'read') reads.push(identifier);
  }
  return reads;
}

/** `NAME.x`, `NAME[k]`, `NAME.m()`, `k in NAME`, `for (… of NAME)`, `...NAME`: the object is used, and no reference to it is kept. */
function usedOnTheSpot(read: ts.Identifier): boolean {
  const site = useSite(read);
  const use = site.parent;
  return (
    ((ts.isPropertyAccessExpression(use) || ts.isElementAccessExpression(use)) && use.expression === site) ||
    (ts.isBinaryExpression(use) && use.operatorToken.kind === ts.SyntaxKind.InKeyword && use.right === site) ||
    (ts.isForOfStatement(use) && use.expression === site) ||
    ((ts.isSpreadElement(use) || ts.isSpreadAssignment(use)) && use.expression === site)
  );
}

/** What an identifier with the constant's name is: a read, something else of that name, or a reason to leave the constant alone. */
function useOf(identifier: ts.Identifier): 'read' | 'other' | 'unfit' {
  const parent = identifier.parent;
  // An enum member's name is in scope in its enum's initializers.
  if (ts.isEnumMember(parent)) return 'unfit';
  // A property, member or label of that name; a type of that name (a type and a value may share it).
  if (isMemberName(identifier) || ((ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) && parent.label === identifier)) return 'other';
  if ((ts.isTypeAliasDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeParameterDeclaration(parent)) && parent.name === identifier) return 'other';
  // Any other declaration of the name (a parameter, a local, an import, a function) may shadow the constant, and an export publishes it.
  if ((parent as { name?: ts.Node }).name === identifier || (parent as { propertyName?: ts.Node }).propertyName === identifier) return 'unfit';
  if (ts.isShorthandPropertyAssignment(parent) || ts.isExportSpecifier(parent) || ts.isExportAssignment(parent) || inJsxTagName(identifier)) return 'unfit';
  for (let node: ts.Node = parent; !ts.isSourceFile(node); node = node.parent) {
    if (ts.isHeritageClause(node)) return 'unfit';
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return 'other';
  }
  return expressionRules.some((rule) => rule.holds(identifier)) ? 'unfit' : 'read';
}

/** `NAME` in `<NAME />`, `<NAME.Item>`, `</NAME>`: a tag name is no expression slot. */
function inJsxTagName(identifier: ts.Identifier): boolean {
  let node: ts.Node = identifier;
  while (ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) node = node.parent;
  const owner = node.parent;
  return (ts.isJsxOpeningElement(owner) || ts.isJsxSelfClosingElement(owner) || ts.isJsxClosingElement(owner)) && owner.tagName === node;
}

/** `b` in `a.b` and `A.b`, property, method and accessor names, JSX attribute names. */
function isMemberName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)) return (ts.isPropertyAccessExpression(parent) ? parent.name : parent.right) === identifier;
  return (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isJsxAttribute(parent)) &&
    parent.name === identifier
  );
}
