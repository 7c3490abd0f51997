/**
 * Prints a string value as a double-quoted JavaScript string literal the way Babel's generator
 * does for new string nodes (jsesc with `minimal: false`): printable ASCII as is, everything
 * else escaped.
 */

const SHORT_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '\\"'],
  ['\\', '\\\\'],
  ['\b', '\\b'],
  ['\f', '\\f'],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
  ['\v', '\\x0B'],
]);

export function printStringLiteral(value: string): string {
  let result = '"';
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    const code = value.charCodeAt(index);
    const short = SHORT_ESCAPES.get(char);
    if (short !== undefined) {
      result += short;
    } else if (code === 0 && !/[0-9]/.test(value[index + 1] ?? '')) {
      result += '\\0';
    } else if (code >= 0x20 && code <= 0x7e) {
      result += char;
    } else if (code <= 0xff) {
      result += `\\x${hex(code, 2)}`;
    } else {
      result += `\\u${hex(code, 4)}`;
    }
  }
  return `${result}"`;
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}
