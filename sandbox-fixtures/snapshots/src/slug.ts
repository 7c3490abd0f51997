/** URL slug of a title: lower case, runs of other characters become one dash, no dash at the ends. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
