/**
 * The mutate stage: finds the mutants StrykerJS would make in a source file, with the same
 * mutator names, locations and replacement code, marking those disabled by comments as ignored.
 * Each candidate covers the mutated node itself (or a case clause's statements); moving it to a
 * site where it can be switched in (e.g. the end of an optional chain) is the instrumenter's job.
 */
import { ts } from 'ts-morph';

import type { LineRange, MutantCandidate, SourceFile } from '../model.js';
import { DisableDirectives } from './disable-comments.js';
import { locationOf } from './location.js';
import { OPERATORS, type OperatorContext } from './operators/index.js';
import { parseSourceFile } from './parse.js';
import { walk } from './walk.js';

export interface FindMutantsOptions {
  /** Mutator names that produce no mutants at all. */
  excludedMutations: readonly string[];
}

/** Trees `parseableFiles` made, each kept until `findMutants` takes it, so no file is parsed twice. */
const parsed = new WeakMap<SourceFile, ts.SourceFile>();

/**
 * The files that can be mutated: a file with a syntax error (or an extension assay has no parser
 * for) is left out, with a warning naming it and the line and column of its first error, so it
 * gets no mutants at all and no later stage touches it.
 */
export function parseableFiles(files: readonly SourceFile[], warn: (message: string) => void): SourceFile[] {
  return files.filter((file) => {
    try {
      parsed.set(file, parseSourceFile(file));
      return true;
    } catch (error) {
      warn(`skipped ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  });
}

/** Throws when the file cannot be parsed; the message names the file and the first syntax error. */
export function findMutants(file: SourceFile, options: FindMutantsOptions): MutantCandidate[] {
  const tree = parsed.get(file) ?? parseSourceFile(file);
  parsed.delete(file);
  const context: OperatorContext = {
    tree,
    textOf: (node) => tree.text.slice(node.getStart(tree), node.end),
  };
  const operators = OPERATORS.filter((operator) => !options.excludedMutations.includes(operator.name));
  const directives = new DisableDirectives(tree);
  const candidates: MutantCandidate[] = [];
  walk(tree, {
    enter(node, skipped) {
      directives.collect(node);
      // Babel has no nodes for parentheses, so nothing is reported on them.
      if (skipped || ts.isParenthesizedExpression(node)) {
        return;
      }
      for (const operator of operators) {
        for (const mutation of operator.mutate(node, context)) {
          const nodeStart = mutation.node.getStart(tree);
          const ignoredReason = directives.ignoreReason(operator.name, nodeStart);
          candidates.push({
            mutatorName: operator.name,
            start: mutation.range?.start ?? nodeStart,
            end: mutation.range?.end ?? mutation.node.end,
            replacement: mutation.replacement,
            placement: mutation.placement,
            location: locationOf(tree, nodeStart, mutation.node.end),
            ...(ignoredReason === undefined ? {} : { ignoredReason }),
          });
        }
      }
    },
  });
  return candidates
    .filter((candidate) => touchesLines(candidate, file.lineRanges))
    .sort((a, b) => a.start - b.start);
}

function touchesLines(candidate: MutantCandidate, lineRanges: readonly LineRange[] | undefined): boolean {
  return (
    lineRanges === undefined ||
    lineRanges.some((range) => range.start <= candidate.location.end.line && range.end >= candidate.location.start.line)
  );
}
