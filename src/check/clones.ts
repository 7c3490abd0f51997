/**
 * Clones: many mutants of one region checked in one program. Each mutant goes into a copy of its
 * region's declaration (region.ts's CloneRecipe), written just after the original under a name
 * of its own; the original stays as it was. Beside them goes one copy with no mutant, the control.
 * A copy is type-checked as the declaration would be in its place, so the errors inside a copy are
 * its mutant's; where the declaration's type is not written out, a copy whose name has another
 * type than the control's changes what the rest of the program sees, and is not judged here. A
 * control with an error of its own means the declaration cannot be copied faithfully.
 */
import type { Edit } from './check-mutants.js';
import type { CloneRecipe, Span } from './region.js';

/** A copy of a declaration in the compiled text. */
export interface Clone {
  /** The mutant in it; undefined for the control. */
  mutantId?: number;
  /** [start, end) in the compiled text. */
  start: number;
  end: number;
  /** Where its name starts in the compiled text. */
  nameAt: number;
  /** An offset of the compiled text inside the copy, in the original text. */
  original(offset: number): number;
}

export interface ClonedText {
  text: string;
  clones: Clone[];
}

export interface ClonedRegion {
  recipe: CloneRecipe;
  mutants: ReadonlyArray<Edit & { id: number }>;
}

const NAME_SUFFIX = '__assay_copy';

/** `text` with `blanks` applied and, after each region, its control and a copy per mutant. */
export function withClones(text: string, blanks: readonly Edit[], regions: readonly ClonedRegion[]): ClonedText {
  let serial = 0;
  const inserts = regions.map((region) => {
    const copies = [undefined, ...region.mutants].map((mutant) => copyOf(text, region.recipe, mutant, `${NAME_SUFFIX}${++serial}`));
    return { at: region.recipe.insertAt, copies };
  });
  const edits = [...blanks.map((blank) => ({ ...blank, copies: undefined })), ...inserts.map(({ at, copies }) => ({ start: at, end: at, replacement: copies.map((copy) => copy.text).join(''), copies }))].sort(
    (a, b) => a.start - b.start || (a.copies === undefined ? -1 : 1),
  );
  let result = '';
  let at = 0;
  const clones: Clone[] = [];
  for (const edit of edits) {
    result += text.slice(at, edit.start);
    let offset = result.length;
    for (const copy of edit.copies ?? []) {
      const start = offset;
      clones.push({ mutantId: copy.mutantId, start, end: start + copy.text.length, nameAt: start + copy.nameAt, original: (position) => copy.original(position - start) });
      offset += copy.text.length;
    }
    result += edit.replacement;
    at = edit.end;
  }
  return { text: result + text.slice(at), clones };
}

/** One copy of the declaration, with `mutant` in it (none for the control). */
function copyOf(text: string, recipe: CloneRecipe, mutant: (Edit & { id: number }) | undefined, suffix: string) {
  const local = (span: Span) => ({ start: span.start - recipe.start, end: span.end - recipe.start });
  const edits: Edit[] = [
    ...recipe.omit.map((span) => ({ ...local(span), replacement: '' })),
    { ...local(recipe.name), replacement: text.slice(recipe.name.start, recipe.name.end) + suffix },
    ...(mutant === undefined ? [] : [{ ...local(mutant), replacement: mutant.replacement }]),
  ].sort((a, b) => a.start - b.start);
  const source = text.slice(recipe.start, recipe.end);
  let body = '';
  let at = 0;
  let nameAt = 0;
  for (const edit of edits) {
    body += source.slice(at, edit.start);
    if (edit.start === recipe.name.start - recipe.start) nameAt = recipe.before.length + body.length;
    body += edit.replacement;
    at = edit.end;
  }
  body += source.slice(at);
  return {
    mutantId: mutant?.id,
    text: recipe.before + body + recipe.after,
    nameAt,
    /** A copy-relative offset in the original text: an offset inside an edit's code is the edit's start. */
    original(position: number): number {
      let offset = position - recipe.before.length;
      let shift = 0;
      for (const edit of edits) {
        const editedStart = edit.start + shift;
        if (offset < editedStart) break;
        if (offset < editedStart + edit.replacement.length) return recipe.start + edit.start;
        shift += edit.replacement.length - (edit.end - edit.start);
      }
      return recipe.start + Math.max(0, Math.min(offset - shift, recipe.end - recipe.start));
    },
  };
}

/** Whether a mutant lies in the part of its region a copy keeps as it is (not in its name or an omitted modifier). */
export function inCopiedPart(mutant: Span, recipe: CloneRecipe): boolean {
  const overlaps = (span: Span) => mutant.start < span.end && span.start < mutant.end;
  return recipe.start <= mutant.start && mutant.end <= recipe.end && !overlaps(recipe.name) && !recipe.omit.some(overlaps);
}
