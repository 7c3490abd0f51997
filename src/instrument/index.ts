/**
 * Instrument stage: turns a source file and its mutants into mutant schemata — one version of the
 * file with every mutant compiled in, switched on at run time by the active mutant id.
 *
 * ## Runtime contract
 * The output is TypeScript/JavaScript source (types are left for vite to strip). It uses:
 * - a preamble just before the first statement that is not a directive (so after a `#!` line, a
 *   directive prologue and leading comments such as JSX pragmas; no newline is added, so the
 *   original's line numbers hold up to the first multi-line replacement) that binds a module-local
 *   `__assay` to `globalThis.__assay`, first installing the inert `{ on: () => false, cov: () => {} }`
 *   there when it is missing (e.g. the file is loaded outside a test worker);
 * - `__assay.on(id: number): boolean` — true when mutant `id` is the active one. It may throw
 *   (e.g. to stop an infinite loop); the instrumented code never catches it;
 * - `__assay.cov(...ids: number[]): void` — records that code holding these mutants was reached.
 *
 * ## Shapes
 * - Expression site [start, end): `(__assay.on(1) ? (REPL1) : __assay.on(2) ? (REPL2) : (__assay.cov(1, 2), ORIGINAL))`
 *   (prefixed with `;` when it begins an expression statement). When the original is an anonymous
 *   function or class in a naming position, each branch is written `{ "f": (…) }["f"]` to keep its name.
 * - Statements site: `{ __assay.cov(1, 2); if (__assay.on(1)) { REPL1 } else if (__assay.on(2)) { REPL2 } else { ORIGINAL } }`.
 * - Plain module constant (module-constants.ts): `const RE = /a/, __assay_c1 = (/b/);`, and
 *   each read of `RE` an expression site `(__assay.on(1) ? (__assay_c1) : (__assay.cov(1), RE))`.
 *
 * ORIGINAL is the original text with the sites nested inside it instrumented the same way;
 * replacements are used verbatim. Mutants with `ignoredReason` are left out. When a mutant's
 * range cannot host the conditional (see expression-rules.ts and statement-site.ts) the site is
 * widened to an enclosing expression or statement and the mutant's code becomes that site's
 * text with the mutant's range replaced; mutants with no valid site are reported as unplaced.
 */
import type { Mutant } from '../model.js';
import { moduleConstantSwitches, type ConstantSwitches } from './module-constants.js';
import { placeMutant, type Placed, type Unplaced } from './placement.js';
import { preamblePoint } from './preamble.js';
import { writeSchemata } from './schemata.js';
import { hasSyntaxErrors, parse, ts } from './syntax.js';

export type { Unplaced } from './placement.js';

export interface Instrumented {
  code: string;
  /** Mutants that are not in `code`: no valid site was found (they can never be activated). */
  unplaced: Unplaced[];
}

/** Instruments `text` and reports the mutants it could not place. */
export function instrument(text: string, fileName: string, mutants: readonly Mutant[]): Instrumented {
  const active = mutants.filter((mutant) => mutant.ignoredReason === undefined);
  if (active.length === 0) return { code: text, unplaced: [] };
  const sourceFile = parse(text, fileName);
  // Mutants in plain module constants are switched where the constants are read (module-constants.ts);
  // if that does not parse (a rule missed a case), they are switched in place like the others.
  const constants = moduleConstantSwitches(sourceFile, active);
  return (constants.switched.size > 0 ? schemataOf(text, fileName, sourceFile, active, constants, false) : undefined) ?? schemataOf(text, fileName, sourceFile, active, NO_SWITCHES, true)!;
}

const NO_SWITCHES: ConstantSwitches = { reads: [], inserts: [], switched: new Set() };

/**
 * The schemata with `constants` switched at reads and the other mutants placed. When they do not
 * parse: with `repair`, mutants are dropped until they do (dropInvalid); without, undefined.
 */
function schemataOf(text: string, fileName: string, sourceFile: ts.SourceFile, active: readonly Mutant[], constants: ConstantSwitches, repair: boolean): Instrumented | undefined {
  const preamble = preamblePoint(sourceFile);
  const placements: Placed[] = [...constants.reads];
  const unplaced: Unplaced[] = [];
  for (const mutant of active) {
    if (constants.switched.has(mutant.id)) continue;
    const result = placeMutant(sourceFile, mutant);
    if (!('code' in result)) unplaced.push(result);
    else if (result.start < preamble.offset) unplaced.push({ id: mutant.id, reason: 'prologue' });
    else placements.push(result);
  }
  let schemata = writeSchemata(text, placements, constants.inserts);
  if (hasSyntaxErrors(schemata.code, fileName)) {
    if (!repair) return undefined;
    const { valid, invalid } = dropInvalid(text, fileName, placements);
    unplaced.push(...invalid.map((id) => ({ id, reason: 'invalidSchemata' })));
    schemata = writeSchemata(text, valid);
  }
  unplaced.push(...schemata.overlapping.map((id) => ({ id, reason: 'overlapping' })));
  const code = schemata.code.slice(0, preamble.offset) + preamble.text + schemata.code.slice(preamble.offset);
  return { code, unplaced };
}

/**
 * A safety net for placement rules that missed a case: keeps mutants one by one as long as the
 * schemata still parse, so one bad site costs its own mutants (reported unplaced), not the run.
 */
function dropInvalid(text: string, fileName: string, placements: readonly Placed[]): { valid: Placed[]; invalid: number[] } {
  const valid: Placed[] = [];
  const invalid: number[] = [];
  for (const placement of placements) {
    if (hasSyntaxErrors(writeSchemata(text, [...valid, placement]).code, fileName)) invalid.push(placement.id);
    else valid.push(placement);
  }
  return { valid, invalid };
}

/** Instruments `text` (named `fileName`, which picks TS/TSX/JS parsing) with `mutants`. */
export function instrumentFile(text: string, fileName: string, mutants: readonly Mutant[]): string {
  return instrument(text, fileName, mutants).code;
}
