/**
 * The JSON report: a mutation-testing-report-schema document (schema major version 2, which
 * has string mutant ids and `testFiles`), readable by Stryker's HTML report and dashboard.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  FileResult,
  MutantResult as SchemaMutant,
  MutationTestResult,
  TestFileDefinitionDictionary,
} from 'mutation-testing-report-schema';
import type { MutantResult, RunResult } from '../model.js';
import { fileNames, mutantsOf } from './scores.js';
import { assayVersion } from './version.js';

/** The report for a run. Files without mutants are included with an empty `mutants` list. */
export function toMutationTestReport(result: RunResult): MutationTestResult {
  const sources = new Map(result.files.map((file) => [file.name, file.text]));
  const files: Record<string, FileResult> = {};
  for (const fileName of fileNames(result)) {
    files[fileName] = {
      language: languageOf(fileName),
      source: sources.get(fileName) ?? '',
      mutants: mutantsOf(result, fileName).map((mutant) => toSchemaMutant(mutant, sources.get(fileName) ?? '')),
    };
  }
  return {
    schemaVersion: '2',
    thresholds: { high: result.thresholds.high, low: result.thresholds.low },
    projectRoot: result.projectRoot,
    files,
    testFiles: toTestFiles(result),
    framework: { name: 'assay', version: assayVersion },
  };
}

/** Writes the report as JSON to `absolutePath`, creating its directory. */
export async function writeJsonReport(result: RunResult, absolutePath: string): Promise<void> {
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, JSON.stringify(toMutationTestReport(result)), 'utf8');
}

function languageOf(fileName: string): string {
  return /\.[cm]?tsx?$/i.test(fileName) ? 'typescript' : 'javascript';
}

function toSchemaMutant(mutant: MutantResult, text: string): SchemaMutant {
  const statusReason = mutant.statusReason ?? mutant.ignoredReason;
  return {
    id: String(mutant.id),
    mutatorName: mutant.mutatorName,
    replacement: replacementOfLocation(mutant, text),
    location: mutant.location,
    status: mutant.status,
    ...(statusReason === undefined ? {} : { statusReason }),
    coveredBy: mutant.coveredBy,
    killedBy: mutant.killedBy,
    testsCompleted: mutant.testsCompleted,
    static: mutant.static,
    ...(mutant.durationMs === undefined ? {} : { duration: mutant.durationMs }),
  };
}

/**
 * What the code at the mutant's `location` becomes: a report reader applies the replacement over
 * the location. Where the mutant replaces only part of its node (a case clause whose statements
 * go), the rest of the node is kept around the replacement (`case 'gold':`, as StrykerJS writes
 * it), trailing white space of the kept start aside.
 */
export function replacementOfLocation(mutant: Pick<MutantResult, 'start' | 'end' | 'replacement' | 'location'>, text: string): string {
  const from = offsetOf(text, mutant.location.start);
  const to = offsetOf(text, mutant.location.end);
  if (from === mutant.start && to === mutant.end) return mutant.replacement;
  return text.slice(from, mutant.start).trimEnd() + mutant.replacement + text.slice(mutant.end, to);
}

/** The text offset of a 1-based line and column. */
function offsetOf(text: string, { line, column }: { line: number; column: number }): number {
  let lineStart = 0;
  for (let current = 1; current < line; current++) lineStart = text.indexOf('\n', lineStart) + 1;
  return lineStart + column - 1;
}

function toTestFiles(result: RunResult): TestFileDefinitionDictionary {
  const testFiles: TestFileDefinitionDictionary = {};
  for (const test of result.tests) {
    (testFiles[test.fileName] ??= { tests: [] }).tests.push({
      id: test.id,
      name: test.name,
      ...(test.location === undefined ? {} : { location: { start: test.location } }),
    });
  }
  return testFiles;
}
