/**
 * Regex: mutates regular expressions with weapon-regex (mutation level 1), in regex literals
 * (`/\d+/` → `/\d/`, `/\D+/`, ...) and in the pattern string of `new RegExp("...", flags)`.
 * Patterns weapon-regex cannot parse produce no mutants.
 */
import { ts } from 'ts-morph';
import { mutate as mutatePattern } from 'weapon-regex';

import { printStringLiteral } from '../print-string.js';
import { outerParens, unwrapParens } from '../syntax.js';
import { expressionMutation, type Operator } from './operator.js';

export const regex: Operator = {
  name: 'Regex',
  *mutate(node) {
    if (ts.isRegularExpressionLiteral(node)) {
      const flagsStart = node.text.lastIndexOf('/');
      const flags = node.text.slice(flagsStart + 1);
      for (const pattern of mutants(node.text.slice(1, flagsStart), flags)) {
        yield expressionMutation(node, `/${pattern}/${flags}`);
      }
    } else if (ts.isStringLiteral(node)) {
      const regExpConstruction = constructionWithPattern(node);
      if (regExpConstruction) {
        for (const pattern of mutants(node.text, flagsOf(regExpConstruction))) {
          yield expressionMutation(node, printStringLiteral(pattern));
        }
      }
    }
  },
};

/** `new RegExp(<node>, ...)`, when the string is the pattern argument. */
function constructionWithPattern(node: ts.StringLiteral): ts.NewExpression | undefined {
  const self = outerParens(node);
  const parent = self.parent;
  if (!ts.isNewExpression(parent) || parent.arguments?.[0] !== self) {
    return undefined;
  }
  const callee = unwrapParens(parent.expression);
  return ts.isIdentifier(callee) && callee.text === 'RegExp' ? parent : undefined;
}

function flagsOf(construction: ts.NewExpression): string | undefined {
  const flags = construction.arguments?.[1];
  const unwrapped = flags === undefined ? undefined : unwrapParens(flags);
  return unwrapped !== undefined && ts.isStringLiteral(unwrapped) ? unwrapped.text : undefined;
}

/** weapon-regex is slow and the same patterns recur across files, so results are kept. */
const cache = new Map<string, readonly string[]>();

function mutants(pattern: string, flags: string | undefined): readonly string[] {
  const key = `${flags ?? ''}/${pattern}`;
  let result = cache.get(key);
  if (result === undefined) {
    result = pattern.length === 0 ? [] : mutateOrNothing(pattern, flags);
    cache.set(key, result);
  }
  return result;
}

function mutateOrNothing(pattern: string, flags: string | undefined): string[] {
  try {
    return mutatePattern(pattern, flags, { mutationLevels: [1] }).map((mutant) => mutant.pattern);
  } catch {
    return [];
  }
}
