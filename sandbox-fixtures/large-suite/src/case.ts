import { charClass } from './chars';

/** "Foo Bar_2" → "foo-bar-2": letters lower-cased, digits kept, any other character a dash. */
export function slugify(text: string): string {
  return Array.from(text, (char) => (charClass(char) === 'other' ? '-' : char.toLowerCase())).join('');
}
