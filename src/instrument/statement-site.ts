/**
 * Finds the statements that host a statements mutant — a statement, a block, or a run of
 * statements such as a case clause's body — and moves the placement outward while a statement
 * rule says that wrapping them in `{ …; if (…) { … } else { … } }` would change their meaning.
 */
import type { SiteResult } from './expression-site.js';
import { pinnedSuperStatement } from './super-call.js';
import { isStatementLike, type Located, statementsOf, ts } from './syntax.js';

/** One statement or a run of consecutive statements of the same list. */
export interface StatementSite {
  /** The node holding the statements (for a single statement: its parent). */
  readonly parent: ts.Node;
  readonly statements: readonly ts.Statement[];
}

/** Undefined: the rule does not apply; a site: move there; null: the mutant cannot be placed. */
type StatementRule = (site: StatementSite) => StatementSite | null | undefined;

/** The statements to wrap for a mutant whose range [start, end) was located as `located`. */
export function statementSite(located: Located, start: number, end: number): SiteResult<StatementSite> {
  let site = initialSite(located, start, end);
  if (site === undefined) return { unplaceable: 'notStatements' };
  for (let index = 0; index < statementRules.length; ) {
    const rule = statementRules[index];
    const outer = rule(site);
    if (outer === null) return { unplaceable: rule.name };
    if (outer === undefined) {
      index += 1;
    } else {
      site = outer;
      index = 0;
    }
  }
  return { site };
}

function initialSite(located: Located, start: number, end: number): StatementSite | undefined {
  const exact = located.exact.find(isStatementLike);
  if (exact !== undefined) return single(exact);
  const list = statementsOf(located.container) ?? [];
  const run = list.filter((s) => s.end <= end && s.getStart() >= start);
  if (run.length > 0 && run[0].getStart() === start && run[run.length - 1].end === end) {
    return { parent: located.container, statements: run };
  }
  for (let node: ts.Node | undefined = located.container; node !== undefined; node = node.parent) {
    if (isStatementLike(node)) return single(node);
  }
  return undefined;
}

function single(statement: ts.Statement): StatementSite {
  return { parent: statement.parent, statements: [statement] };
}

/** The body of a labelled statement: with the loop wrapped in a block, `continue label` is a syntax error. */
function labelledBody(site: StatementSite): StatementSite | undefined {
  return ts.isLabeledStatement(site.parent) ? single(site.parent) : undefined;
}

/**
 * Declarations seen by the rest of their scope (`let`, `const`, `class`, `function`, `enum`,
 * `namespace`, imports and exports): a block would hide them. The placement moves to the
 * enclosing block, or the whole `switch` for a case clause; at module level it cannot be placed.
 */
function scopedDeclarations(site: StatementSite): StatementSite | null | undefined {
  if (!site.statements.some(declaresScopedBinding)) return undefined;
  const { parent } = site;
  if (ts.isBlock(parent)) return single(parent);
  if (ts.isCaseOrDefaultClause(parent)) return single(parent.parent.parent);
  return null;
}

/** A derived constructor's `super(…)` must stay a statement of the body (see super-call.ts). */
function pinnedSuperCall(site: StatementSite): null | undefined {
  const first = site.statements[0];
  const ctor = ts.findAncestor(site.parent, ts.isFunctionLike);
  const pinned = ctor !== undefined && ts.isConstructorDeclaration(ctor) ? pinnedSuperStatement(ctor) : undefined;
  const last = site.statements[site.statements.length - 1];
  return pinned !== undefined && first.pos <= pinned.pos && pinned.end <= last.end ? null : undefined;
}

function declaresScopedBinding(statement: ts.Statement): boolean {
  if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  if (ts.isVariableStatement(statement)) return (statement.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0;
  return (
    ts.isClassDeclaration(statement) ||
    ts.isFunctionDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement) ||
    ts.isImportDeclaration(statement) ||
    ts.isImportEqualsDeclaration(statement) ||
    ts.isExportDeclaration(statement) ||
    ts.isExportAssignment(statement)
  );
}

const statementRules: readonly StatementRule[] = [labelledBody, scopedDeclarations, pinnedSuperCall];
