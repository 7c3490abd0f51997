/**
 * Module constants switched where they are read. A mutant in the initializer of a module-level
 * `const` is switched in place while the module loads, so it is static: it runs every test of every
 * file that loads the module, in a fresh module graph of its own (execute/static-groups.ts). Most
 * such constants (regular expressions, strings, tables) are read only inside functions.
 *
 * Where the initializer is a plain value that evaluates with no side effect and cannot throw
 * (literals, regular expressions, templates, arrays and objects of them, operators on them, a
 * `new Set`, `new Map` or `Object.freeze` of them where the file does not declare those names), each
 * mutant gets a constant of its own beside the original (`__assay_c<id>`: the initializer with that
 * mutant applied, evaluated once while the module loads, as the original is), and every read of the
 * name becomes an expression site that picks the active mutant's constant. A read inside a
 * function is reached by the tests that call it, so the mutant is covered per test and joins
 * batches like any other mutant; a read while the module loads (or a test file collects) is
 * reached outside tests and leaves the mutant static, where it is active from the start and every
 * read sees its value, as before. A mutant whose constant no code reads is not covered.
 *
 * The name must be known to mean the constant wherever it is read, and every read must be a place
 * where a conditional can stand: a constant that is exported, declared again in the file (a
 * parameter, a local, an import of the same name), read through a shorthand property, `typeof`,
 * a class heritage clause or any place expression-rules.ts rules out, in a file that calls `eval`,
 * or never read, keeps its mutants in place.
 */
import { expressionRules } from './expression-rules.js';
import { beginsStatement, type Placed } from './placement.js';
import { hasSyntaxErrors, isTransparent, ts, unwrap } from './syntax.js';

/** Text to write at an offset of the original text. */
export interface Insert {
  at: number;
  text: string;
}

export interface ConstantSwitches {
  /** A placement per mutant per read of its constant's name. */
  reads: Placed[];
  /** After each switched constant's statement: its mutants' constants. */
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
export function constantName(id: number): string {
  return `__assay_c${id}`;
}

/** The module constants of `sourceFile` whose mutants can be switched where they are read. */
export function moduleConstantSwitches(sourceFile: ts.SourceFile, mutants: readonly ConstantMutant[]): ConstantSwitches {
  const switches: ConstantSwitches = { reads: [], inserts: [], switched: new Set() };
  const candidates = candidateConstants(sourceFile, mutants);
  if (candidates.length === 0) return switches;
  const names = namesInFile(sourceFile);
  if (names.has('eval')) return switches;
  const text = sourceFile.text;
  const isPlain = plainValues(names);
  for (const { statement, declaration, mutants: own } of candidates.filter((candidate) => isPlain(candidate.declaration.initializer))) {
    const reads = readsOf(declaration, names.get(declaration.name.text) ?? []);
    if (reads === undefined || reads.length === 0) continue;
    const start = declaration.initializer.getStart(sourceFile);
    const end = declaration.initializer.end;
    const values = own.map((mutant) => `(${text.slice(start, mutant.start)}${mutant.replacement}${text.slice(mutant.end, end)})`);
    if (values.some((value) => hasSyntaxErrors(value, sourceFile.fileName))) continue;
    const declarations = own.map((mutant, index) => `${constantName(mutant.id)} = ${values[index]}`);
    // A `;` first: the statement may end without one.
    switches.inserts.push({ at: statement.end, text: `;const ${declarations.join(', ')};` });
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

interface Candidate {
  statement: ts.VariableStatement;
  declaration: ts.VariableDeclaration & { name: ts.Identifier; initializer: ts.Expression };
  mutants: ConstantMutant[];
}

/** The module-level, unexported `const` declarations with a plain-value initializer that holds mutants. */
function candidateConstants(sourceFile: ts.SourceFile, mutants: readonly ConstantMutant[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    if ((ts.getModifiers(statement) ?? []).length > 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      const { name, initializer } = declaration;
      if (!ts.isIdentifier(name) || initializer === undefined) continue;
      const start = initializer.getStart(sourceFile);
      const own = mutants.filter((mutant) => start <= mutant.start && mutant.end <= initializer.end);
      if (own.length > 0) candidates.push({ statement, declaration: declaration as Candidate['declaration'], mutants: own });
    }
  }
  return candidates;
}

/**
 * Whether a value evaluates with no side effect and cannot throw: no call but the built-in ones
 * below, no property read (a getter could run), no name but `undefined`, `NaN` and `Infinity`, no
 * bigint (`1n / 0n` throws). `names`: the file's identifiers, to tell that a built-in's name is
 * not declared in it.
 */
function plainValues(names: ReadonlyMap<string, readonly ts.Identifier[]>): (node: ts.Node) => boolean {
  const undeclared = (name: string) => (names.get(name) ?? []).every((identifier) => useOf(identifier) !== 'unfit');
  const isPlainValue = (node: ts.Node): boolean => {
    if (isTransparent(node)) return isPlainValue(node.expression);
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NumericLiteral:
      case ts.SyntaxKind.RegularExpressionLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
      case ts.SyntaxKind.NullKeyword:
        return true;
    }
    if (ts.isIdentifier(node)) return node.text === 'undefined' || node.text === 'NaN' || node.text === 'Infinity';
    if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => isPlainValue(span.expression));
    if (ts.isArrayLiteralExpression(node)) return node.elements.every((element) => ts.isOmittedExpression(element) || isPlainValue(element));
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.every((property) => ts.isPropertyAssignment(property) && !ts.isComputedPropertyName(property.name) && isPlainValue(property.initializer));
    }
    if (ts.isPrefixUnaryExpression(node)) return node.operator !== ts.SyntaxKind.PlusPlusToken && node.operator !== ts.SyntaxKind.MinusMinusToken && isPlainValue(node.operand);
    if (ts.isBinaryExpression(node)) return PLAIN_OPERATORS.has(node.operatorToken.kind) && isPlainValue(node.left) && isPlainValue(node.right);
    if (ts.isConditionalExpression(node)) return isPlainValue(node.condition) && isPlainValue(node.whenTrue) && isPlainValue(node.whenFalse);
    // `new Set([…])`, `new Map([[…], …])`: they iterate arrays of plain values only.
    if (ts.isNewExpression(node)) {
      const [entries, ...rest] = node.arguments ?? [];
      const collection = ts.isIdentifier(node.expression) && (node.expression.text === 'Set' || node.expression.text === 'Map') && undeclared(node.expression.text);
      return collection && node.typeArguments === undefined && rest.length === 0 && (entries === undefined || (ts.isArrayLiteralExpression(unwrap(entries)) && isPlainValue(entries)));
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const freeze = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && callee.name.text === 'freeze' && undeclared('Object');
      return freeze && node.arguments.length === 1 && isPlainValue(node.arguments[0]);
    }
    return false;
  };
  return isPlainValue;
}

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
 * the constant unfit (see the module comment).
 */
function readsOf(declaration: Candidate['declaration'], identifiers: readonly ts.Identifier[]): ts.Identifier[] | undefined {
  const reads: ts.Identifier[] = [];
  for (const identifier of identifiers) {
    if (identifier === declaration.name) continue;
    const use = useOf(identifier);
    if (use === 'unfit') return undefined;
    if (use === 'read') reads.push(identifier);
  }
  return reads;
}

/** What an identifier with the constant's name is: a read, something else of that name, or a reason to leave the constant alone. */
function useOf(identifier: ts.Identifier): 'read' | 'other' | 'unfit' {
  const parent = identifier.parent;
  // A property, member or label of that name; a type of that name (a type and a value may share it).
  if (isMemberName(identifier) || ((ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) && parent.label === identifier)) return 'other';
  if ((ts.isTypeAliasDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeParameterDeclaration(parent)) && parent.name === identifier) return 'other';
  // Any other declaration of the name (a parameter, a local, an import, a function) may shadow the constant, and an export publishes it.
  if ((parent as { name?: ts.Node }).name === identifier || (parent as { propertyName?: ts.Node }).propertyName === identifier) return 'unfit';
  if (ts.isShorthandPropertyAssignment(parent) || ts.isExportSpecifier(parent) || ts.isExportAssignment(parent)) return 'unfit';
  if ((ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent)) && parent.tagName === identifier) return 'unfit';
  for (let node: ts.Node = parent; !ts.isSourceFile(node); node = node.parent) {
    if (ts.isHeritageClause(node)) return 'unfit';
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return 'other';
  }
  return expressionRules.some((rule) => rule.holds(identifier)) ? 'unfit' : 'read';
}

/** `b` in `a.b` and `A.b`, property, method, accessor and enum member names, JSX attribute names. */
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
      ts.isEnumMember(parent) ||
      ts.isJsxAttribute(parent)) &&
    parent.name === identifier
  );
}
