import { normalize } from '@text/normalize';

export const MAX_SLUG_LENGTH = 24;

/** A URL slug for `title`: normalized, no dash at either end, at most MAX_SLUG_LENGTH long. */
export function slugify(title: string): string {
  const slug = normalize(title).replace(/^-+|-+$/g, '');
  return slug.length > MAX_SLUG_LENGTH ? slug.slice(0, MAX_SLUG_LENGTH) : slug;
}

/** `title`'s slug, with `-2`, `-3`, … appended until it is not among `taken`. */
export function uniqueSlug(title: string, taken: ReadonlySet<string>): string {
  const base = slugify(title);
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}
