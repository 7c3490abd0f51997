/**
 * Compares assay's mutants and verdicts with StrykerJS's on the same code, and checks the
 * differences against a fixture's list of allowed ones.
 *
 * `compareWithStryker` pairs each of Stryker's mutants with an assay mutant at the same file,
 * start position, mutator and replacement (white space in the replacement ignored; each assay
 * mutant pairs at most once; end positions are not looked at, so records with or without
 * `endLine`/`endColumn` pair alike). Unpaired mutants are `missing` (only Stryker) or `extra` (only
 * assay). For paired mutants it counts the exact status (`sameStatus`: Killed vs Timeout and
 * Survived vs NoCoverage differ) and the verdict class (`sameVerdict`: detected vs undetected).
 * A pair StrykerJS gave no verdict (RuntimeError/CompileError, e.g. code that killed its test
 * process) is in `strykerErrors` and counts in neither agreement (`comparable` excludes it), but
 * is an exact-status difference all the same.
 *
 * `checkAllowed` holds a comparison to `sandbox-fixtures/<fixture>/stryker-differences.json`
 * (`AllowedDifferences`): every exact-status difference, every `missing` and every `extra` mutant
 * must be listed there (else it is `unexpected`), and every listed one must still occur (else it
 * is `stale`), so the bound per fixture is exact. An entry's `stryker` may be a set of statuses
 * for a verdict that varies between StrykerJS runs; the pair then passes with any of them, its
 * assay status included. A fixture with no file allows no difference at all.
 */
import type { MutantVerdict } from './assay.js';
import type { StrykerMutant } from './stryker.js';

export interface Pair {
  assay: MutantVerdict;
  stryker: StrykerMutant;
}

export interface Comparison {
  stryker: number;
  assay: number;
  matched: number;
  /** Every matched mutant: assay's record and StrykerJS's. */
  pairs: Pair[];
  /** Matched mutants that StrykerJS gave a verdict (not RuntimeError/CompileError). */
  comparable: number;
  /** Comparable mutants with the same verdict class (detected / undetected). */
  sameVerdict: number;
  /** Comparable mutants with the same exact status. */
  sameStatus: number;
  /** Matched mutants StrykerJS answered with RuntimeError or CompileError. */
  strykerErrors: StrykerMutant[];
  /** Matched mutants StrykerJS's TypeScript checker rejected, and of those, the ones assay's rejected too. */
  compileErrors: { stryker: number; both: number };
  /** Stryker mutants assay does not generate. */
  missing: StrykerMutant[];
  /** assay mutants Stryker does not generate. */
  extra: MutantVerdict[];
  /** Matched mutants whose verdict class differs (StrykerJS errors not included). */
  disagreements: Pair[];
  /** Matched mutants whose exact status differs, StrykerJS errors included. */
  statusDifferences: Pair[];
}

/** Killed and Timeout mean a test noticed; Survived and NoCoverage mean none did. */
export function verdictClass(status: string): string {
  if (status === 'Killed' || status === 'Timeout') return 'detected';
  if (status === 'Survived' || status === 'NoCoverage') return 'undetected';
  return status;
}

const hasNoVerdict = (status: string) => status === 'RuntimeError' || status === 'CompileError';

/** What pairs two mutants: file, start position, mutator and replacement without white space. */
export function mutantKey(file: string, line: number, column: number, mutator: string, replacement: string): string {
  return [file, line, column, mutator, replacement.replace(/\s+/g, '')].join('\u0000');
}

export function compareWithStryker(assay: readonly MutantVerdict[], stryker: readonly StrykerMutant[]): Comparison {
  const remaining = new Map<string, MutantVerdict[]>();
  for (const mutant of assay) {
    const k = mutantKey(mutant.file, mutant.line, mutant.column, mutant.mutator, mutant.replacement);
    remaining.set(k, [...(remaining.get(k) ?? []), mutant]);
  }
  const missing: StrykerMutant[] = [];
  const disagreements: Pair[] = [];
  const statusDifferences: Pair[] = [];
  const strykerErrors: StrykerMutant[] = [];
  const pairs: Pair[] = [];
  let sameStatus = 0;
  for (const mutant of stryker) {
    const twin = remaining.get(mutantKey(mutant.file, mutant.line, mutant.column, mutant.mutatorName, mutant.replacement))?.shift();
    if (twin === undefined) {
      missing.push(mutant);
      continue;
    }
    pairs.push({ assay: twin, stryker: mutant });
    if (twin.status !== mutant.status) statusDifferences.push({ assay: twin, stryker: mutant });
    if (hasNoVerdict(mutant.status)) strykerErrors.push(mutant);
    else {
      if (twin.status === mutant.status) sameStatus++;
      if (verdictClass(twin.status) !== verdictClass(mutant.status)) disagreements.push({ assay: twin, stryker: mutant });
    }
  }
  const matched = pairs.length;
  return {
    stryker: stryker.length,
    assay: assay.length,
    matched,
    pairs,
    comparable: matched - strykerErrors.length,
    sameVerdict: matched - strykerErrors.length - disagreements.length,
    sameStatus,
    strykerErrors,
    compileErrors: {
      stryker: pairs.filter((pair) => pair.stryker.status === 'CompileError').length,
      both: pairs.filter((pair) => pair.stryker.status === 'CompileError' && pair.assay.status === 'CompileError').length,
    },
    missing,
    extra: [...remaining.values()].flat(),
    disagreements,
    statusDifferences,
  };
}

/** A mutant as the differences file names it. */
export interface ListedMutant {
  file: string;
  line: number;
  column: number;
  mutator: string;
  replacement: string;
}

/** A matched mutant whose status may differ: assay's exact status, StrykerJS's (or the set it varies in). */
export interface ListedDifference extends ListedMutant {
  assay: string;
  stryker: string | string[];
}

export interface Group<T> {
  /** One sentence: why the two sides differ here. */
  reason: string;
  mutants: T[];
}

/** The contents of `sandbox-fixtures/<fixture>/stryker-differences.json`. */
export interface AllowedDifferences {
  /** Matched mutants whose exact status differs. */
  differences?: Array<Group<ListedDifference>>;
  /** Mutants only StrykerJS generates. */
  onlyStryker?: Array<Group<ListedMutant>>;
  /** Mutants only assay generates. */
  onlyAssay?: Array<Group<ListedMutant>>;
}

export interface Check {
  /** Matched mutants whose statuses came out as listed (a timing-dependent entry that came out the same included). */
  allowed: number;
  /** Differences, and mutants only one side generates, that the file does not list. */
  unexpected: string[];
  /** Listed entries that did not occur as listed. */
  stale: string[];
}

export const describeMutant = (m: ListedMutant) => `${m.file}:${m.line}:${m.column} ${m.mutator} ${JSON.stringify(m.replacement)}`;
const asListed = (m: StrykerMutant): ListedMutant => ({ file: m.file, line: m.line, column: m.column, mutator: m.mutatorName, replacement: m.replacement });
const keyOf = (m: ListedMutant) => mutantKey(m.file, m.line, m.column, m.mutator, m.replacement);
const statuses = (s: string | string[]) => (Array.isArray(s) ? s : [s]);

/**
 * Throws unless `value` is a well-formed differences file: known keys only, every group with a
 * reason and at least one mutant, every mutant with its five fields, every difference with an
 * assay status and a StrykerJS status (or set) that is not just assay's.
 */
export function validateAllowed(value: unknown, source: string): AllowedDifferences {
  const fail = (message: string): never => {
    throw new Error(`${source}: ${message}`);
  };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) fail('not a JSON object');
  const file = value as Record<string, unknown>;
  for (const key of Object.keys(file)) if (!['differences', 'onlyStryker', 'onlyAssay'].includes(key)) fail(`unknown key ${key}`);
  const mutantFields = ['file', 'line', 'column', 'mutator', 'replacement'];
  let entries = 0;
  for (const section of ['differences', 'onlyStryker', 'onlyAssay'] as const) {
    const groups = file[section];
    if (groups === undefined) continue;
    if (!Array.isArray(groups)) fail(`${section} is not an array`);
    for (const group of groups as unknown[]) {
      if (!isObject(group) || typeof group.reason !== 'string' || group.reason.trim() === '') fail(`${section}: a group without a reason`);
      const { reason, mutants } = group as { reason: string; mutants: unknown };
      if (!Array.isArray(mutants) || mutants.length === 0) fail(`${section}: group "${reason}" lists no mutants`);
      for (const m of mutants as unknown[]) {
        const fields = section === 'differences' ? [...mutantFields, 'assay', 'stryker'] : mutantFields;
        if (!isObject(m)) fail(`${section}: group "${reason}": an entry is not an object`);
        const entry = m as Record<string, unknown>;
        const label = `${section}: ${describeMutant(entry as unknown as ListedMutant)}`;
        for (const key of Object.keys(entry)) if (!fields.includes(key)) fail(`${label}: unknown key ${key}`);
        for (const key of fields) if (entry[key] === undefined) fail(`${label}: no ${key}`);
        if (typeof entry.line !== 'number' || typeof entry.column !== 'number') fail(`${label}: line and column must be numbers`);
        for (const key of ['file', 'mutator', 'replacement', ...(section === 'differences' ? ['assay'] : [])]) {
          if (typeof entry[key] !== 'string') fail(`${label}: ${key} must be a string`);
        }
        if (section === 'differences') {
          const set = entry.stryker;
          const ok = typeof set === 'string' || (Array.isArray(set) && set.length > 1 && set.every((s) => typeof s === 'string'));
          if (!ok) fail(`${label}: stryker must be a status or a set of two or more`);
          if (statuses(set as string | string[]).every((s) => s === entry.assay)) fail(`${label}: stryker's status is assay's, no difference`);
        }
        entries++;
      }
    }
  }
  if (entries === 0) fail('lists nothing: delete the file');
  return file as AllowedDifferences;
}

/** Holds `comparison` to the `allowed` differences (undefined: none allowed). */
export function checkAllowed(comparison: Comparison, allowed: AllowedDifferences | undefined): Check {
  const unexpected: string[] = [];
  const stale: string[] = [];
  let allowedCount = 0;

  const differences = new Map<string, ListedDifference[]>();
  for (const group of allowed?.differences ?? []) {
    for (const m of group.mutants) differences.set(keyOf(m), [...(differences.get(keyOf(m)) ?? []), m]);
  }
  for (const { assay, stryker } of comparison.pairs) {
    const entry = differences.get(keyOf(assay))?.shift();
    const both = `assay ${assay.status}, stryker ${stryker.status}`;
    if (entry === undefined) {
      if (assay.status !== stryker.status) unexpected.push(`differs: ${describeMutant(assay)} ${both}`);
      continue;
    }
    const listed = `listed as assay ${entry.assay}, stryker ${statuses(entry.stryker).join(' or ')}`;
    if (entry.assay === assay.status && statuses(entry.stryker).includes(stryker.status)) allowedCount++;
    else if (assay.status === stryker.status) stale.push(`no longer differs: ${describeMutant(assay)} both ${assay.status}; ${listed}`);
    else unexpected.push(`differs otherwise: ${describeMutant(assay)} ${both}; ${listed}`);
  }
  for (const rest of differences.values()) for (const m of rest) stale.push(`not generated by both: ${describeMutant(m)} (listed as assay ${m.assay}, stryker ${statuses(m.stryker).join(' or ')})`);

  const only = (label: string, actual: ListedMutant[], groups: Array<Group<ListedMutant>> | undefined, status: (i: number) => string) => {
    const listed = new Map<string, ListedMutant[]>();
    for (const group of groups ?? []) for (const m of group.mutants) listed.set(keyOf(m), [...(listed.get(keyOf(m)) ?? []), m]);
    actual.forEach((m, i) => {
      if (listed.get(keyOf(m))?.shift() === undefined) unexpected.push(`${label}: ${describeMutant(m)} ${status(i)}`);
    });
    for (const rest of listed.values()) for (const m of rest) stale.push(`${label} no longer: ${describeMutant(m)}`);
  };
  only('only stryker', comparison.missing.map(asListed), allowed?.onlyStryker, (i) => `stryker ${comparison.missing[i].status}`);
  only('only assay', comparison.extra, allowed?.onlyAssay, (i) => `assay ${comparison.extra[i].status}`);
  return { allowed: allowedCount, unexpected, stale };
}
