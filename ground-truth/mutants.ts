/**
 * The mutants a ground-truth check judges, read from either of the two files that state
 * verdicts: a mutation-testing-report-schema JSON report (assay's or StrykerJS's
 * reports/mutation/mutation.json) or a fixture's expected.json (`{ mutants: [...] }`, one record
 * per mutant with its start and end). Positions are as in the report: 1-based lines, 1-based
 * columns, the end column just past the replaced code.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface JudgedMutant {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  mutator: string;
  replacement: string;
  /** The verdict under test: Killed, Timeout, Survived, NoCoverage, or a status with no verdict. */
  status: string;
}

/** Reads the mutants of a report or an expected.json; throws naming the file when it is neither. */
export async function readMutants(file: string): Promise<JudgedMutant[]> {
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (isReport(data)) return mutantsOfReport(data);
  if (isExpected(data)) return data.mutants;
  throw new Error(`${file}: neither a mutation-testing JSON report (with "files") nor an expected.json (with "mutants" that have endLine and endColumn)`);
}

interface ReportMutant {
  mutatorName: string;
  replacement: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

function isReport(data: unknown): data is { files: Record<string, { mutants: ReportMutant[] }> } {
  return typeof data === 'object' && data !== null && typeof (data as { files?: unknown }).files === 'object';
}

function isExpected(data: unknown): data is { mutants: JudgedMutant[] } {
  const mutants = (data as { mutants?: unknown } | null)?.mutants;
  return Array.isArray(mutants) && mutants.every((m) => typeof m?.endLine === 'number' && typeof m?.endColumn === 'number');
}

function mutantsOfReport(report: { files: Record<string, { mutants: ReportMutant[] }> }): JudgedMutant[] {
  return Object.entries(report.files).flatMap(([file, { mutants }]) =>
    mutants.map((m) => ({
      file,
      line: m.location.start.line,
      column: m.location.start.column,
      endLine: m.location.end.line,
      endColumn: m.location.end.column,
      mutator: m.mutatorName,
      replacement: m.replacement,
      status: m.status,
    })),
  );
}

/** `src/a.ts:3:10 ConditionalExpression → true`: how the check names a mutant. */
export function describeMutant(m: JudgedMutant): string {
  return `${m.file}:${m.line}:${m.column} ${m.mutator} → ${JSON.stringify(m.replacement)}`;
}
