import { expect, it } from 'vitest';
import { charClass } from '../../src/chars';

// Every ASCII character and a few beyond, each its own test, the expected class from a regex.
const chars = [...Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)), 'é', 'Ä', '٣', '€'];
const expected = (char: string) => (/^[0-9]$/.test(char) ? 'digit' : /^[a-z]$/.test(char) ? 'lower' : /^[A-Z]$/.test(char) ? 'upper' : 'other');

it.each(chars.map((char) => [char.charCodeAt(0), char]))('classifies character %i', (_, char) => {
  expect(charClass(char)).toBe(expected(char));
});
