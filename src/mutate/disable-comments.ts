/**
 * `// Stryker disable` / `// Stryker restore` comments (and the `assay-disable` / `assay-restore`
 * spellings), with StrykerJS's semantics: a comment takes effect when the node it precedes is
 * entered, `next-line` applies to mutants on the line where that node starts, and the most recent
 * matching directive wins.
 */
import { ts } from 'ts-morph';

const DIRECTIVE =
  /^\s?(?:Stryker (disable|restore)|assay-(disable|restore))(?: (next-line))? ([a-zA-Z, ]+)(?::(.+)?)?/;
const WILDCARD = 'all';
const DEFAULT_REASON = 'Ignored using a comment';

interface Directive {
  /** Offset of the node the comment precedes: the directive applies from there on. */
  ownerStart: number;
  /** Set for `next-line`: the 0-based line the directive is limited to. */
  line: number | undefined;
  /** Lower-case mutator names, or `all`. */
  mutators: string[];
  /** The ignore reason, or undefined for `restore`. */
  reason: string | undefined;
}

export class DisableDirectives {
  private readonly directives: Directive[] = [];
  /** Trivia already scanned: parents and their first child share it. */
  private readonly scannedPositions = new Set<number>();

  constructor(private readonly tree: ts.SourceFile) {}

  /** Records the directives among the comments right in front of a node that is entered. */
  collect(node: ts.Node): void {
    if (!startsBabelNode(node) || this.scannedPositions.has(node.pos)) {
      return;
    }
    this.scannedPositions.add(node.pos);
    const text = this.tree.text;
    // All comments between the previous token and the node, also those on the previous token's line.
    const ranges = [
      ...(ts.getTrailingCommentRanges(text, node.pos) ?? []),
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
    ];
    for (const range of ranges) {
      const directive = parseDirective(commentBody(text, range), node.getStart(this.tree), this.tree);
      if (directive) {
        this.directives.push(directive);
      }
    }
  }

  /** Why a mutant of this mutator on a node starting at `nodeStart` is ignored, if it is. */
  ignoreReason(mutatorName: string, nodeStart: number): string | undefined {
    const name = mutatorName.toLowerCase();
    const line = this.tree.getLineAndCharacterOfPosition(nodeStart).line;
    for (let index = this.directives.length - 1; index >= 0; index--) {
      const directive = this.directives[index];
      if (
        directive.ownerStart <= nodeStart &&
        (directive.line === undefined || directive.line === line) &&
        (directive.mutators.includes(name) || directive.mutators.includes(WILDCARD))
      ) {
        return directive.reason;
      }
    }
    return undefined;
  }
}

function parseDirective(comment: string, ownerStart: number, tree: ts.SourceFile): Directive | undefined {
  const match = DIRECTIVE.exec(comment);
  if (!match) {
    return undefined;
  }
  const [, strykerType, assayType, scope, mutators, reason] = match;
  const isDisable = (strykerType ?? assayType) === 'disable';
  return {
    ownerStart,
    line: scope === 'next-line' ? tree.getLineAndCharacterOfPosition(ownerStart).line : undefined,
    mutators: mutators.split(',').map((name) => name.trim().toLowerCase()),
    reason: isDisable ? (reason ?? DEFAULT_REASON).trim() : undefined,
  };
}

/** The text of a comment without its `//` or `/* *\/` delimiters, as Babel stores it. */
function commentBody(text: string, range: ts.CommentRange): string {
  const end = range.kind === ts.SyntaxKind.MultiLineCommentTrivia ? range.end - 2 : range.end;
  return text.slice(range.pos + 2, end);
}

/**
 * Babel attaches a comment to the node that starts right after it. Punctuation, modifiers and
 * TypeScript-only wrappers that start at a token Babel has no node for cannot carry comments.
 */
function startsBabelNode(node: ts.Node): boolean {
  return !(
    (node.kind >= ts.SyntaxKind.FirstPunctuation && node.kind <= ts.SyntaxKind.LastPunctuation) ||
    ts.isModifier(node) ||
    ts.isCaseBlock(node) ||
    ts.isHeritageClause(node)
  );
}
