/**
 * `assay run --resume`: the verdicts of the journal an earlier run left (report/journal.ts), by
 * verdict key, for the run to take instead of running their mutants again — only those whose key
 * this run computes too, so a verdict whose inputs changed since is not reused.
 *
 * The journal is read as written: a header line, then one verdict a line. A last line cut short
 * (the process died mid-write) is dropped. A journal without an assay header, from another assay
 * version, or with a damaged line elsewhere is ignored as a whole, with the reason. When a mutant
 * has several lines (a verdict given again without a flaky test), the last one counts; lines
 * without a key (verdicts given again are written without one) and errors are not reused.
 */
import { assayVersion } from '../report/version.js';
import { REUSABLE } from './store.js';
import { readSource, type ReusedVerdict, type VerdictsRead } from './verdict-source.js';

export async function readJournalVerdicts(file: string): Promise<VerdictsRead> {
  const text = await readSource(file);
  if (typeof text !== 'string') return text;
  const lines = text.split('\n');
  // The text after the last newline: empty, or a line the writer did not finish.
  const last = lines.pop() ?? '';
  if (last.trim() !== '' && parse(last) !== undefined) lines.push(last);
  const header = parse(lines[0] ?? '') as { journal?: { assay?: unknown } } | undefined;
  if (typeof header?.journal !== 'object' || header.journal === null || typeof header.journal.assay !== 'string') {
    return { state: 'ignored', reason: 'it is not an assay journal (no header line)' };
  }
  if (header.journal.assay !== assayVersion) return { state: 'ignored', reason: `it was written by assay ${header.journal.assay}, this is ${assayVersion}` };
  const byMutant = new Map<number, Record<string, unknown>>();
  for (let index = 1; index < lines.length; index++) {
    if (lines[index].trim() === '') continue;
    const line = parse(lines[index]) as Record<string, unknown> | undefined;
    if (typeof line !== 'object' || line === null || typeof line.id !== 'number' || typeof line.status !== 'string') {
      return { state: 'ignored', reason: `line ${index + 1} is damaged` };
    }
    byMutant.set(line.id, line);
  }
  const verdicts = new Map<string, ReusedVerdict>();
  for (const line of byMutant.values()) {
    const verdict = reusable(line);
    if (verdict !== undefined) verdicts.set(line.key as string, verdict);
  }
  return { state: 'read', verdicts };
}

function reusable(line: Record<string, unknown>): ReusedVerdict | undefined {
  const { key, status, statusReason, killedBy, coveredBy, testsCompleted, durationMs } = line;
  if (typeof key !== 'string' || !REUSABLE.has(status as string)) return undefined;
  if (!isStrings(killedBy) || !isStrings(coveredBy) || typeof testsCompleted !== 'number' || typeof line.static !== 'boolean') return undefined;
  return {
    status: status as ReusedVerdict['status'],
    ...(typeof statusReason === 'string' ? { statusReason } : {}),
    killedBy,
    coveredBy,
    testsCompleted,
    static: line.static,
    ...(typeof durationMs === 'number' ? { durationMs } : {}),
  };
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
