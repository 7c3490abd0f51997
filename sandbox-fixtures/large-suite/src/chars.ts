export type CharClass = 'digit' | 'lower' | 'upper' | 'other';

const DIGITS = '0123456789';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every character's class, built once when the module loads: each lookup reads this table. */
const CLASSES = new Map<string, CharClass>([
  ...Array.from(DIGITS, (char) => [char, 'digit'] as const),
  ...Array.from(LETTERS, (char) => [char, 'lower'] as const),
  ...Array.from(LETTERS.toUpperCase(), (char) => [char, 'upper'] as const),
]);

/** The class of one character: "7" → "digit", "q" → "lower", "Q" → "upper", "-" → "other". */
export function charClass(char: string): CharClass {
  return CLASSES.get(char) ?? 'other';
}
