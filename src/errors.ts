/**
 * A mistake the user can fix (bad config, missing file, unknown flag). The CLI prints its
 * message alone — no stack trace — and exits with `exitCode`.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * assay's own machinery failed where the user's code and config did not (see
 * execute/control.ts): the CLI prints its message alone and exits 4, with no verdicts reported.
 */
export class InternalError extends Error {
  readonly exitCode = 4;

  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

/**
 * What went wrong in a user's file that failed to load, in one line: the first line of the
 * error's message, after its kind unless that is plain `Error` (`SyntaxError: Unexpected token ','`,
 * `boom`), with terminal colours removed.
 */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = stripAnsi(message).trim().split('\n')[0] ?? '';
  const kind = error instanceof Error && error.name !== 'Error' && !firstLine.startsWith(error.name) ? `${error.name}: ` : '';
  return `${kind}${firstLine}`;
}

export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * commander's report of a command-line mistake (`error: unknown command 'runn'\n(Did you mean run?)\n`)
 * as one assay line: `assay: unknown command 'runn' (did you mean run?); add --help for usage`.
 * A flag value its parser refused reads like the other option messages: `assay: --concurrency must
 * be a number, got "x"`.
 */
export function usageMessage(text: string): string {
  const [first = '', ...rest] = text.trim().replace(/^error: /, '').split('\n');
  const invalid = /^option '([^']*)' argument '(.*)' is invalid\. expected (.+)$/.exec(first);
  if (invalid !== null) {
    const [, flags, value, expected] = invalid;
    return `assay: ${longFlag(flags)} must be ${expected}, got ${JSON.stringify(value)}\n`;
  }
  const suggestion = rest
    .map((line) => /^\(Did you mean (.+)\?\)$/.exec(line.trim())?.[1])
    .find((similar) => similar !== undefined);
  const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
  return `assay: ${first.replace(/\.$/, '')}${hint}; add --help for usage\n`;
}

/** `-c, --config-file <path>` → `--config-file`. */
function longFlag(flags: string): string {
  const names = flags.split(/[ ,|]+/).filter((part) => part.startsWith('-'));
  return names.find((name) => name.startsWith('--')) ?? names[0] ?? flags;
}
