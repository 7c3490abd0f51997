/**
 * `reports/assay.sarif` (`--reporters sarif`): SARIF 2.1.0 for code-scanning views (GitHub code
 * scanning through `github/codeql-action/upload-sarif`, SARIF viewers in editors).
 *
 * One run; `tool.driver` is assay with one rule per mutator that made an undetected mutant. A
 * result per undetected mutant of the run (after `--since` every mutant made touches the change,
 * the BlockStatement of a function body around a changed line included): a survivor is a
 * `warning`, a mutant no test reaches a `note` (line coverage already shows that code as
 * untested; a survivor is what only mutation testing finds). Locations are relative to the repository root
 * under `uriBaseId` `%SRCROOT%`, with 1-based lines and columns (`endColumn` is the column after
 * the last character, as SARIF and the mutation-testing schema both count it), plus the original
 * code as the region's snippet (up to 1000 characters). `partialFingerprints` hash the file,
 * mutator, original code, replacement and how many identical mutants come before it in the file
 * — not line numbers, so an alert stays the same alert when code above it moves.
 */
import { sha256 } from '../sha256.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MutatorName, RunResult } from '../model.js';
import { sourceTexts, undetectedMessage } from './mutant-text.js';
import { fileNames, mutantsOf } from './scores.js';
import { isUndetected, repositoryPath } from './undetected.js';
import { assayVersion } from './version.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key of assay's fingerprint in `partialFingerprints` (versioned: a new way of hashing gets a new key). */
export const FINGERPRINT_KEY = 'assayMutant/v1';
/** Longest original code given as a region's snippet (a whole function body is left out). */
const MAX_SNIPPET_CHARS = 1000;

/** What each mutator changes: the rules' short descriptions. */
const MUTATOR_DESCRIPTIONS: Record<MutatorName, string> = {
  ArithmeticOperator: 'An arithmetic operator is swapped (+ and -, * and /, % and *)',
  ArrayDeclaration: 'An array literal or constructor call is emptied, or an empty one filled',
  ArrowFunction: 'An arrow function is made to return undefined',
  AssignmentOperator: 'A compound assignment operator is swapped (+= and -=, &&= and ||=, ??= and &&=)',
  BlockStatement: 'A block of statements is emptied',
  BooleanLiteral: 'true and false are swapped, or a negation removed',
  ConditionalExpression: 'A condition is replaced by true or by false',
  EqualityOperator: 'A comparison operator is changed (< and <=, === and !==, …)',
  LogicalOperator: 'A logical operator is swapped (&& and ||, ?? and &&)',
  MethodExpression: 'A method call is replaced by its counterpart (startsWith and endsWith, min and max, …) or dropped',
  ObjectLiteral: 'An object literal is emptied',
  OptionalChaining: 'An optional chain (?.) is made a plain property access',
  Regex: 'A regular expression is changed (a quantifier, an anchor, a character class)',
  StringLiteral: 'A string is emptied, or an empty one filled',
  UnaryOperator: 'A unary operator is swapped or removed (+ and -, ~)',
  UpdateOperator: 'An increment and a decrement are swapped (++ and --)',
};

export interface SarifOptions {
  /** Locations are relative to it (the repository root). Default: the project root. */
  repoRoot?: string;
}

/** The SARIF log as an object (see `renderSarif` for the text). */
export function toSarif(result: RunResult, options: SarifOptions = {}) {
  const repoRoot = options.repoRoot ?? result.projectRoot;
  const texts = sourceTexts(result);
  const undetected = fileNames(result).flatMap((fileName) => mutantsOf(result, fileName).filter(isUndetected));
  const mutators = [...new Set(undetected.map((mutant) => mutant.mutatorName))].sort();
  const rules = mutators.map((name) => ({
    id: name,
    name,
    shortDescription: { text: `${MUTATOR_DESCRIPTIONS[name] ?? name}, and no test notices` },
    fullDescription: {
      text: `assay changed the code this way (mutator ${name}) and no test failed: either the tests that run the code do not check what this part of it does, or no test runs it at all.`,
    },
    help: {
      text: 'Add or strengthen a test so that it fails with the change: assert on the result the changed code produces.',
    },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['mutation-testing', 'test-quality'] },
  }));
  const ruleIndex = new Map(mutators.map((name, index) => [name as string, index]));
  const occurrences = new Map<string, number>();
  const results = undetected.map((mutant) => {
    const text = texts.get(mutant.fileName) ?? '';
    const uri = repositoryPath(result.projectRoot, mutant.fileName, repoRoot);
    const code = text.slice(mutant.start, mutant.end);
    const identity = [uri, mutant.mutatorName, code, mutant.replacement].join('\u0000');
    const occurrence = occurrences.get(identity) ?? 0;
    occurrences.set(identity, occurrence + 1);
    const { start, end } = mutant.location;
    return {
      ruleId: mutant.mutatorName,
      ruleIndex: ruleIndex.get(mutant.mutatorName) ?? 0,
      level: mutant.status === 'Survived' ? 'warning' : 'note',
      message: { text: undetectedMessage(mutant, text) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, ...(code.length <= MAX_SNIPPET_CHARS ? { snippet: { text: code } } : {}) },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: sha256(`${identity}\u0000${occurrence}`) },
      properties: { mutantId: String(mutant.id), status: mutant.status, replacement: mutant.replacement },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'assay', version: assayVersion, semanticVersion: assayVersion, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(repoRoot) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** The SARIF log as JSON text, ending in a newline. */
export function renderSarif(result: RunResult, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(result, options), null, 2)}\n`;
}

/** Writes the log to `absolutePath` (reports/assay.sarif), creating its directory. */
export async function writeSarifReport(result: RunResult, absolutePath: string, options: SarifOptions = {}): Promise<void> {
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, renderSarif(result, options), 'utf8');
}

/** `file:///repo/` — an absolute directory URI ends in a slash, so relative URIs resolve inside it. */
function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}
