import { expect, it } from 'vitest';

// Imports nothing under src/: it cannot kill a mutant, and assay does not run it.
const initials = (text: string) => text.split(/\s+/).filter(Boolean).map((word) => word[0].toUpperCase()).join('');

it.each(Array.from({ length: 500 }, (_, index) => [index]))('takes the initials of phrase %i', (index) => {
  expect(initials(`  phrase   number ${index} `)).toBe(`PN${String(index)[0]}`);
});
