/**
 * A small mutant generator for property-style tests: walks a file's syntax tree and makes
 * StrykerJS-like mutants (operators, literals, blocks, case bodies, optional chains, method
 * calls, arrow functions, object and array literals) so realistic files get many overlapping
 * mutants of every placement the mutate stage produces.
 */
import ts from 'typescript';
import type { Mutant, Placement } from '../../../src/model.js';

const OPERATOR_SWAPS: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusToken]: '-',
  [ts.SyntaxKind.MinusToken]: '+',
  [ts.SyntaxKind.AsteriskToken]: '/',
  [ts.SyntaxKind.LessThanToken]: '<=',
  [ts.SyntaxKind.GreaterThanToken]: '>=',
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: '!==',
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: '===',
  [ts.SyntaxKind.AmpersandAmpersandToken]: '||',
  [ts.SyntaxKind.BarBarToken]: '&&',
  [ts.SyntaxKind.QuestionQuestionToken]: '&&',
};
const METHOD_SWAPS: Record<string, string> = { filter: 'map', some: 'every', every: 'some', trim: 'trimEnd', toUpperCase: 'toLowerCase', startsWith: 'endsWith' };

export function generateMutants(text: string, fileName: string): Mutant[] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Array<Omit<Mutant, 'id' | 'fileName' | 'mutatorName' | 'location'>> = [];
  const add = (start: number, end: number, replacement: string, placement: Placement = 'expression') =>
    found.push({ start, end, replacement, placement });
  const sub = (node: ts.Node, from: number, to: number, insert: string) =>
    add(node.getStart(), node.end, text.slice(node.getStart(), from) + insert + text.slice(to, node.end));

  const visit = (node: ts.Node): void => {
    const parent = node.parent;
    if (ts.isBinaryExpression(node) && OPERATOR_SWAPS[node.operatorToken.kind] !== undefined) {
      sub(node, node.operatorToken.getStart(), node.operatorToken.end, OPERATOR_SWAPS[node.operatorToken.kind]!);
    } else if (ts.isStringLiteral(node) && !ts.isImportDeclaration(parent) && !ts.isExportDeclaration(parent) && !ts.isLiteralTypeNode(parent) && !ts.isExpressionStatement(parent) && !ts.isEnumMember(parent) && !(ts.isPropertyAssignment(parent) && parent.name === node)) {
      add(node.getStart(), node.end, '""');
    } else if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) {
      add(node.getStart(), node.end, node.kind === ts.SyntaxKind.TrueKeyword ? 'false' : 'true');
    } else if (ts.isBlock(node) && node.statements.length > 0 && !ts.isConstructorDeclaration(parent)) {
      add(node.getStart(), node.end, '{}', 'statements');
    } else if (ts.isCaseOrDefaultClause(node) && node.statements.length > 0) {
      add(node.statements[0].getStart(), node.statements[node.statements.length - 1].end, '', 'statements');
    } else if (ts.isPropertyAccessExpression(node) && node.questionDotToken !== undefined) {
      sub(node, node.questionDotToken.getStart(), node.questionDotToken.end, '.');
    } else if (ts.isPropertyAccessExpression(node) && ts.isCallExpression(parent) && parent.expression === node && METHOD_SWAPS[node.name.text] !== undefined) {
      sub(parent, node.name.getStart(), node.name.end, METHOD_SWAPS[node.name.text]);
      sub(node, node.name.getStart(), node.name.end, METHOD_SWAPS[node.name.text]);
    } else if (ts.isArrowFunction(node)) {
      add(node.getStart(), node.end, '() => undefined');
    } else if ((ts.isObjectLiteralExpression(node) && node.properties.length > 0 && !isAssignmentPattern(node)) || (ts.isArrayLiteralExpression(node) && node.elements.length > 0 && !isAssignmentPattern(node))) {
      add(node.getStart(), node.end, ts.isObjectLiteralExpression(node) ? '{}' : '[]');
    } else if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      add(node.getStart(), node.end, text.slice(node.operand.getStart(), node.end));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found.map((m, index) => ({
    ...m,
    id: index + 1,
    fileName,
    mutatorName: 'StringLiteral',
    location: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  }));
}

function isAssignmentPattern(node: ts.Node): boolean {
  const parent = node.parent;
  return (ts.isBinaryExpression(parent) && parent.left === node) || ts.isForOfStatement(parent);
}
