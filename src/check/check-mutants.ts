/**
 * Type-checks mutants on a Compiler. A mutant is a CompileError when, with it applied, its own file
 * has a type error, or — only when it changes what importers of its file see (their declaration
 * output differs) — a file that imports its file, directly or not, has one. Its reason is its
 * first error, placed in the original file (a place inside the mutant's code is its start).
 *
 * Grouping (StrykerJS's `prioritizePerformanceOverAccuracy`, on by default) checks many mutants in
 * one program, by region (region.ts): where a region's declaration can be copied, each mutant
 * goes into a copy of it (clones.ts), many copies to a program; else mutants of different regions
 * share a program, one per region. While a region's names keep their types (always so for a
 * sealed one; compared for the others), its changes can neither reach outside it nor be seen by
 * importers, so each error in a region or copy belongs to its mutant. Mutants whose names' types
 * changed are checked alone; an error outside every region and copy sends the group to be checked
 * alone. Mutants in no region are always checked alone.
 *
 * One more thing makes a shared program differ from one of its own: TypeScript's checker reports
 * some errors once per type (a failed check is cached on the type, e.g. "must have a
 * '[Symbol.iterator]()' method" for `boolean`), so a mutant checked after another that failed the
 * same way may pass where alone it fails. A shared program is therefore trusted only for the
 * mutants it reports: the rest are checked again together, without them, until a program reports
 * no error. So grouping does not change a verdict; it spares the programs checks alone build.
 */
import { formatTypeError, NOT_COMPILING, type Compiler, type FileChanges, type PlacedTypeError, type TypeError } from './compiler.js';
import { UserError } from '../errors.js';
import type { Region } from './region.js';
import { inCopiedPart, withClones } from './clones.js';

/** A change of a file's text: [start, end) becomes `replacement`. */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** What a check needs of a mutant: where it is and what it puts there. */
export interface CheckedMutant extends Edit {
  id: number;
  /** Absolute path, forward slashes. */
  file: string;
  /** Its region, when it has one. */
  region?: Region;
}

/** Source text by absolute path: the mutated files' original text, and others' as on disk. */
export interface SourceTexts {
  get(file: string): string | undefined;
}

export interface CheckSources {
  texts: SourceTexts;
  /** A file's path as messages show it (relative to the project). */
  relative: (file: string) => string;
  /** By file: the bodies of functions whose types are written out (region.ts's sealedBodiesOf). */
  sealedBodies: ReadonlyMap<string, ReadonlyArray<{ start: number; end: number }>>;
}

/** What a grouped check puts in place of a sealed body with no mutant in it: less for the type checker to do. */
const BLANK_BODY = '{ throw 0; }';

/** Most mutants checked in one program, one per region. */
const GROUP_SIZE = 64;
/** Most mutants checked in one program as copies of their regions (clones.ts). */
const COPIES_PER_PROGRAM = 100;

/** Thrown when the check is stopped between two programs (`stopped`): nothing it found so far is told. */
export class CheckStopped extends Error {
  constructor() {
    super('the type check was stopped');
  }
}

/**
 * The mutants that do not type-check, with each one's first error. `stopped` is asked before each
 * program: once it says so, the check ends with CheckStopped (a stop must not wait for a whole share).
 */
export function checkMutants(compiler: Compiler, mutants: readonly CheckedMutant[], sources: CheckSources, grouped: boolean, stopped: () => boolean = () => false): Map<number, PlacedTypeError> {
  const goOn = () => {
    if (stopped()) throw new CheckStopped();
  };
  const failed = new Map<number, PlacedTypeError>();
  const checkable = mutants.filter((mutant) => compiler.has(mutant.file));
  const check = new Check(compiler, sources, grouped);
  const eachAlone = (alone: readonly CheckedMutant[]) => {
    for (const mutant of alone) {
      goOn();
      const error = check.alone(mutant);
      if (error !== undefined) failed.set(mutant.id, error);
    }
  };
  if (!grouped) {
    eachAlone(checkable);
    return failed;
  }
  const copyable = checkable.filter((mutant) => mutant.region?.clone !== undefined && inCopiedPart(mutant, mutant.region.clone));
  const copied = new Set(copyable);
  const others = checkable.filter((mutant) => !copied.has(mutant));
  const alone: CheckedMutant[] = others.filter((mutant) => mutant.region === undefined);
  const inRounds = others.filter((mutant) => mutant.region !== undefined);
  for (const batch of cloneBatches(copyable)) {
    goOn();
    const answer = check.copies(batch);
    for (const [id, error] of answer.failed) failed.set(id, error);
    alone.push(...answer.retyped);
    inRounds.push(...answer.unresolved);
  }
  for (const group of groupsOf(inRounds)) {
    goOn();
    for (const [id, error] of check.group(group)) failed.set(id, error);
  }
  eachAlone(alone);
  return failed;
}

/** The checks of one run's mutants on one compiler. */
class Check {
  constructor(
    private readonly compiler: Compiler,
    private readonly sources: CheckSources,
    /** Grouped checks also blank the sealed bodies no mutant is in; checks alone, when not grouped, compile the files as they are. */
    private readonly blanking: boolean,
  ) {}

  group(group: readonly CheckedMutant[]): Map<number, PlacedTypeError> {
    const files = new Map<string, CheckedMutant[]>();
    for (const mutant of group) files.set(mutant.file, [...(files.get(mutant.file) ?? []), mutant]);
    const edits = new Map([...files].map(([file, mutants]) => [file, this.editsOf(file, mutants)]));
    const changes = new Map([...edits].map(([file, fileEdits]) => [file, applied(file, fileEdits, this.sources.texts)]));
    const retyped = new Set(group.filter((mutant) => !mutant.region!.sealed && this.typesChanged(mutant, changes, edits.get(mutant.file)!)));
    if (retyped.size > 0) return new Map([...this.group(group.filter((mutant) => !retyped.has(mutant))), ...this.eachAlone([...retyped])]);
    const errorsOf = new Map<number, PlacedTypeError[]>();
    for (const error of this.compiler.errors(changes, [...files.keys()])) {
      const place = error.file === undefined ? undefined : placeIn(error, edits.get(error.file) ?? [], this.sources.texts);
      const owner = place && files.get(error.file!)?.find((mutant) => mutant.region!.start <= place.offset && place.offset < mutant.region!.end);
      if (place === undefined || owner === undefined) return this.eachAlone(group);
      errorsOf.set(owner.id, [...(errorsOf.get(owner.id) ?? []), place.error]);
    }
    const failed = new Map([...errorsOf].map(([id, errors]) => [id, first(errors)]));
    // An error may have hidden another mutant's (see the module comment): the others go again without it.
    const rest = group.filter((mutant) => !failed.has(mutant.id));
    return failed.size === 0 || rest.length === 0 ? failed : new Map([...failed, ...this.group(rest)]);
  }

  /**
   * Mutants checked as copies of their regions (clones.ts), all in one program: those with errors
   * in their copies failed; `retyped` ones change their region's type (to be checked alone);
   * `unresolved` ones could not be judged from copies (an error outside them, or in a control).
   */
  copies(batch: readonly CheckedMutant[]): { failed: Map<number, PlacedTypeError>; retyped: CheckedMutant[]; unresolved: CheckedMutant[] } {
    if (batch.length === 0) return { failed: new Map(), retyped: [], unresolved: [] };
    const files = new Map<string, Map<number, CheckedMutant[]>>();
    for (const mutant of batch) {
      const regions = files.get(mutant.file) ?? new Map<number, CheckedMutant[]>();
      regions.set(mutant.region!.start, [...(regions.get(mutant.region!.start) ?? []), mutant]);
      files.set(mutant.file, regions);
    }
    const cloned = new Map(
      [...files].map(([file, regions]) => [file, withClones(this.sources.texts.get(file)!, this.editsOf(file, []), [...regions.values()].map((mutants) => ({ recipe: mutants[0].region!.clone!, mutants })))]),
    );
    const changes = new Map([...cloned].map(([file, { text }]) => [file, text]));
    const byId = new Map(batch.map((mutant) => [mutant.id, mutant]));
    const unresolved = new Set<CheckedMutant>();
    const errorsOf = new Map<number, PlacedTypeError[]>();
    for (const error of this.compiler.errors(changes, [...files.keys()])) {
      const clone = cloned.get(error.file ?? '')?.clones.find((copy) => copy.start <= (error.start ?? -1) && (error.start ?? -1) < copy.end);
      if (clone === undefined) return { failed: new Map(), retyped: [], unresolved: [...batch] };
      if (clone.mutantId === undefined) {
        // The control copy: its region cannot be copied faithfully.
        const region = [...files.get(error.file!)!.values()].find((mutants) => clone.original(clone.start) >= mutants[0].region!.start && clone.original(clone.start) < mutants[0].region!.end);
        for (const mutant of region ?? batch) unresolved.add(mutant);
        continue;
      }
      errorsOf.set(clone.mutantId, [...(errorsOf.get(clone.mutantId) ?? []), placed({ ...error, start: clone.original(error.start!) }, this.sources.texts)]);
    }
    const retyped = new Set<CheckedMutant>();
    for (const [file, { clones }] of cloned) {
      // Per region in order: the control, then a copy per mutant.
      const types = this.compiler.declaredTypes(changes, file, clones.map((clone) => clone.nameAt));
      let control = '';
      clones.forEach((clone, index) => {
        if (clone.mutantId === undefined) control = types[index];
        else if (!byId.get(clone.mutantId)!.region!.sealed && types[index] !== control) retyped.add(byId.get(clone.mutantId)!);
      });
    }
    const failed = new Map([...errorsOf].filter(([id]) => !retyped.has(byId.get(id)!) && !unresolved.has(byId.get(id)!)).map(([id, errors]) => [id, first(errors)]));
    const answer = { failed, retyped: [...retyped].filter((mutant) => !unresolved.has(mutant)), unresolved: [...unresolved] };
    if (failed.size === 0) return answer;
    // An error may have hidden another mutant's (see the module comment): the others go again without it.
    const again = this.copies(batch.filter((mutant) => !failed.has(mutant.id) && !retyped.has(mutant) && !unresolved.has(mutant)));
    return { failed: new Map([...failed, ...again.failed]), retyped: [...answer.retyped, ...again.retyped], unresolved: [...answer.unresolved, ...again.unresolved] };
  }

  alone(mutant: CheckedMutant): PlacedTypeError | undefined {
    // A mutant that may change a type outside its region may make an error inside a sealed body.
    const edits = mutant.region?.sealed === true ? this.editsOf(mutant.file, [mutant]) : [mutant];
    const changes = new Map([[mutant.file, applied(mutant.file, edits, this.sources.texts)]]);
    const own = this.compiler.errors(changes, [mutant.file]).flatMap((error) => placeIn(error, edits, this.sources.texts)?.error ?? []);
    if (own.length > 0) return first(own);
    if (mutant.region?.sealed === true) return undefined;
    return this.importersError(mutant, changes);
  }

  eachAlone(mutants: readonly CheckedMutant[]): Map<number, PlacedTypeError> {
    return new Map(mutants.flatMap((mutant) => {
      const error = this.alone(mutant);
      return error === undefined ? [] : [[mutant.id, error] as const];
    }));
  }

  /**
   * The mutants of `file`, and the sealed bodies none of them is in, blanked, when blanking: for
   * mutants whose changes stay in their regions (sealed, or their types compared).
   */
  private editsOf(file: string, mutants: readonly CheckedMutant[]): Edit[] {
    if (!this.blanking) return [...mutants];
    const spans = mutants.map((mutant) => mutant.region ?? mutant);
    const blanks = (this.sources.sealedBodies.get(file) ?? [])
      .filter((body) => !spans.some((span) => body.start < span.end && span.start < body.end))
      .map((body) => ({ ...body, replacement: BLANK_BODY }));
    return [...mutants, ...blanks];
  }

  /** Whether the names the mutant's region declares have other types with `changes` in place (`edits`: those of its file). */
  private typesChanged(mutant: CheckedMutant, changes: FileChanges, edits: readonly Edit[]): boolean {
    const { names } = mutant.region!;
    const before = this.compiler.declaredTypes(new Map(), mutant.file, names);
    const after = this.compiler.declaredTypes(changes, mutant.file, names.map((name) => shifted(name, edits)));
    return before.some((type, index) => type !== after[index]);
  }

  /** The first error in the files importing the mutant's file, when it changes what they see (its declaration output). */
  private importersError(mutant: CheckedMutant, changes: FileChanges): PlacedTypeError | undefined {
    const importers = this.compiler.dependents(mutant.file);
    if (importers.length === 0) return undefined;
    const seen = this.compiler.declarations(changes, mutant.file);
    if (seen !== undefined && seen === this.compiler.declarations(new Map(), mutant.file)) return undefined;
    for (const importer of importers) {
      const errors = this.compiler.errors(changes, [importer]).flatMap((error) => placeIn(error, [], this.sources.texts)?.error ?? []);
      if (errors.length === 0) continue;
      // An importer with errors of its own would blame every mutant it reads: the run stops, as for a mutated file.
      const before = this.compiler.errors(new Map(), [importer])[0];
      if (before !== undefined) throw new UserError(`${formatTypeError(placed(before, this.sources.texts), this.sources.relative)} ${NOT_COMPILING}`);
      return first(errors);
    }
    return undefined;
  }
}

/** Where an offset of the original text is in the text with `edits` applied (none of them over it). */
function shifted(offset: number, edits: readonly Edit[]): number {
  return edits.reduce((at, edit) => (edit.end <= offset ? at + edit.replacement.length - (edit.end - edit.start) : at), offset);
}

/** Batches of mutants to check as copies, at most COPIES_PER_PROGRAM each, a region's mutants together where they fit. */
function cloneBatches(mutants: readonly CheckedMutant[]): CheckedMutant[][] {
  const sorted = [...mutants].sort((a, b) => a.file.localeCompare(b.file) || a.region!.start - b.region!.start);
  return Array.from({ length: Math.ceil(sorted.length / COPIES_PER_PROGRAM) }, (_, index) => sorted.slice(index * COPIES_PER_PROGRAM, (index + 1) * COPIES_PER_PROGRAM));
}

/**
 * Groups of mutants in distinct regions, at most GROUP_SIZE: the first group takes the first
 * mutant of every region, the next the second, and so on.
 */
function groupsOf(mutants: readonly CheckedMutant[]): CheckedMutant[][] {
  const byRegion = new Map<string, CheckedMutant[]>();
  for (const mutant of mutants) {
    const key = `${mutant.file}:${mutant.region!.start}`;
    byRegion.set(key, [...(byRegion.get(key) ?? []), mutant]);
  }
  const rounds: CheckedMutant[][] = [];
  for (const regionMutants of byRegion.values()) {
    regionMutants.forEach((mutant, round) => (rounds[round] ??= []).push(mutant));
  }
  return rounds.flatMap((round) => Array.from({ length: Math.ceil(round.length / GROUP_SIZE) }, (_, index) => round.slice(index * GROUP_SIZE, (index + 1) * GROUP_SIZE)));
}

/** The file's text with `edits` (not overlapping) in place. */
function applied(file: string, edits: readonly Edit[], texts: SourceTexts): string {
  const text = texts.get(file);
  if (text === undefined) throw new Error(`no text for ${file}`);
  let result = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, edit.start) + edit.replacement;
    at = edit.end;
  }
  return result + text.slice(at);
}

/**
 * An error of a compiled file placed in the file's original text, given the edits applied to it:
 * its offset there (an error inside an edit's code is at the edit's start), line and column.
 * Undefined for an error of no file.
 */
function placeIn(error: TypeError, edits: readonly Edit[], texts: SourceTexts): { error: PlacedTypeError; offset: number } | undefined {
  if (error.file === undefined) return undefined;
  let offset = error.start ?? 0;
  let shift = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const editedStart = edit.start + shift;
    if (offset < editedStart) break;
    if (offset < editedStart + edit.replacement.length) {
      offset = edit.start + shift;
      break;
    }
    shift += edit.replacement.length - (edit.end - edit.start);
  }
  offset -= shift;
  const text = texts.get(error.file);
  const { line, column } = text === undefined ? { line: 0, column: 0 } : lineAndColumn(text, offset);
  return { error: { ...error, start: offset, line, column }, offset };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** An error of an unmutated file, placed by line and column. */
export function placed(error: TypeError, texts: SourceTexts): PlacedTypeError {
  return placeIn(error, [], texts)?.error ?? { ...error, line: 0, column: 0 };
}

function first(errors: readonly PlacedTypeError[]): PlacedTypeError {
  return errors.reduce((best, error) => ((error.start ?? 0) < (best.start ?? 0) ? error : best));
}
