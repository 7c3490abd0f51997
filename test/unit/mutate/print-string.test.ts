/**
 * printStringLiteral prints strings like Babel's generator does for new string nodes.
 */
import { describe, expect, it } from 'vitest';

import { printStringLiteral } from '../../../src/mutate/print-string.js';

describe('printStringLiteral', () => {
  it('double-quotes printable ASCII and escapes quotes and backslashes', () => {
    expect(printStringLiteral(`it's "\\d"`)).toBe(String.raw`"it's \"\\d\""`);
  });

  it('escapes control characters, NUL and non-ASCII as jsesc does', () => {
    expect(printStringLiteral('\n\t\r\b\f\v\0a\x00' + '1\x01\x7fé\u2028😀')).toBe(
      String.raw`"\n\t\r\b\f\x0B\0a\x001\x01\x7F\xE9\u2028\uD83D\uDE00"`,
    );
  });
});
