/**
 * StrykerJS's `ignorePatterns`, read like .gitignore lines: a pattern without an inner `/`
 * matches at any depth, a leading `/` anchors it to the project root, a pattern also covers
 * everything under a matching directory, and a `!` pattern un-ignores what earlier ones ignored.
 */
import picomatch from 'picomatch';

export function ignoreMatcher(patterns: readonly string[]): (name: string) => boolean {
  const rules = patterns.map((pattern) => {
    const negated = pattern.startsWith('!');
    const body = (negated ? pattern.slice(1) : pattern).replace(/\/$/, '');
    const glob = body.includes('/') ? body.replace(/^\//, '') : `**/${body}`;
    return { negated, isMatch: picomatch([glob, `${glob}/**`], { dot: true }) };
  });
  return (name) =>
    rules.reduce((ignored, rule) => (rule.isMatch(name) ? !rule.negated : ignored), false);
}
