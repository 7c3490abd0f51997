/**
 * Turns validation problems into the one-line messages assay shows users
 * (`stryker.config.json: "concurrency" must be a positive integer, got "two"`), never zod's own output.
 */
import type { z } from 'zod';

const MAX_VALUE_LENGTH = 60;

/** A short, readable rendering of a user-supplied value. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || value === undefined) return String(value);
  if (typeof value === 'function') return 'a function';
  const json = JSON.stringify(value);
  return json.length > MAX_VALUE_LENGTH ? `${json.slice(0, MAX_VALUE_LENGTH - 3)}...` : json;
}

/** `["mutator", "excludedMutations", 1]` → `mutator.excludedMutations[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/**
 * One line per issue: `<where> <message>, got <value>`. `where` names the offending setting;
 * issues need `input` (parse with `reportInput: true`).
 */
export function formatIssues(
  issues: readonly z.core.$ZodIssue[],
  where: (path: readonly PropertyKey[]) => string,
): string {
  return issues
    .map((issue) => `${where(issue.path)} ${issue.message}, got ${describeValue(issue.input)}`)
    .join('\n');
}
