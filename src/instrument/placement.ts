/**
 * Decides where each mutant is switched in: locates its range in the parse, widens it to a valid
 * site (expression-site.ts, statement-site.ts) and rebuilds its code for that site — the site's
 * original text with the mutant's range replaced.
 */
import type { Mutant, Placement } from '../model.js';
import { expressionSite } from './expression-site.js';
import { evaluatedName } from './naming.js';
import { statementSite } from './statement-site.js';
import { locate, statementsOf, ts } from './syntax.js';

/** A mutant at its final site. */
export interface Placed {
  id: number;
  kind: Placement;
  /** Offsets [start, end) of the site in the file text. */
  start: number;
  end: number;
  /** The site's code with the mutant applied. */
  code: string;
  /** For an expression: the name JavaScript gives an anonymous function there (naming.ts). */
  name?: string;
  /** For an expression: it begins an expression statement, so a `;` must guard against ASI. */
  asiGuard: boolean;
}

/** A mutant that has no valid site, with the rule that rejected the last candidate. */
export interface Unplaced {
  id: number;
  reason: string;
}

export function placeMutant(sourceFile: ts.SourceFile, mutant: Mutant): Placed | Unplaced {
  const located = locate(sourceFile, mutant.start, mutant.end);
  if (mutant.placement === 'statements') {
    const result = statementSite(located, mutant.start, mutant.end);
    if ('unplaceable' in result) return { id: mutant.id, reason: result.unplaceable };
    const { statements } = result.site;
    const start = statements[0].getStart(sourceFile);
    return placed(sourceFile.text, mutant, start, statements[statements.length - 1].end, {});
  }
  const result = expressionSite(located);
  if ('unplaceable' in result) return { id: mutant.id, reason: result.unplaceable };
  const node = result.site;
  const start = node.getStart(sourceFile);
  return placed(sourceFile.text, mutant, start, node.end, { name: evaluatedName(node), asiGuard: beginsStatement(node, start) });
}

function placed(
  text: string,
  mutant: Mutant,
  start: number,
  end: number,
  extra: { name?: string; asiGuard?: boolean },
): Placed {
  const code =
    start === mutant.start && end === mutant.end
      ? mutant.replacement
      : text.slice(start, mutant.start) + mutant.replacement + text.slice(mutant.end, end);
  return { id: mutant.id, kind: mutant.placement, start, end, code, name: extra.name, asiGuard: extra.asiGuard ?? false };
}

/**
 * True when `node` starts an expression statement in a statement list: `a\n(…)` would call `a`,
 * so the conditional gets a leading `;` (not in `if (x) …`, where `;` would become the body).
 */
export function beginsStatement(node: ts.Node, start: number): boolean {
  const statement = ts.findAncestor(node, ts.isExpressionStatement);
  return (
    statement !== undefined &&
    statement.getStart() === start &&
    statementsOf(statement.parent) !== undefined
  );
}
