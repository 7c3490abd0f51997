import { describe, expect, it } from 'vitest';
import { describeError, usageMessage } from '../../src/errors.js';

describe('usageMessage', () => {
  it.each([
    ["error: unknown command 'runn'\n(Did you mean run?)\n", "assay: unknown command 'runn' (did you mean run?); add --help for usage\n"],
    ["error: unknown command 'xyz'\n", "assay: unknown command 'xyz'; add --help for usage\n"],
    ["error: unknown option '--isolaton'\n(Did you mean --isolation?)\n", "assay: unknown option '--isolaton' (did you mean --isolation?); add --help for usage\n"],
    ["error: option '--concurrency <n>' argument 'x' is invalid. expected a number\n", 'assay: --concurrency must be a number, got "x"\n'],
    ["error: option '-c, --config-file <path>' argument 'x' is invalid. expected a path\n", 'assay: --config-file must be a path, got "x"\n'],
    ["error: option '--timeout-ms <ms>' argument missing\n", "assay: option '--timeout-ms <ms>' argument missing; add --help for usage\n"],
    ["error: too many arguments for 'run'. Expected 0 arguments but got 1.\n", "assay: too many arguments for 'run'. Expected 0 arguments but got 1; add --help for usage\n"],
  ])('turns %j into one assay line', (text, message) => {
    expect(usageMessage(text)).toBe(message);
  });
});

describe('describeError', () => {
  it('gives the first line of the message, after the kind of error unless it is a plain Error', () => {
    expect(describeError(new Error('boom\n    at somewhere'))).toBe('boom');
    expect(describeError(new SyntaxError("Unexpected token ','"))).toBe("SyntaxError: Unexpected token ','");
    expect(describeError('thrown text')).toBe('thrown text');
  });

  it('drops terminal colours', () => {
    expect(describeError(new TypeError('\u001b[31mred\u001b[0m alert'))).toBe('TypeError: red alert');
  });
});
