/**
 * Reads a config file's raw contents: JSON is parsed (syntax errors point at line and column),
 * `.js`/`.mjs` files are imported and their default export taken. The result must be an object.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError, describeError } from '../errors.js';
import { describeValue } from './format-issues.js';

/** `label` names the file in messages. */
export async function readConfigFile(file: string, label: string): Promise<Record<string, unknown>> {
  const isJson = path.extname(file).toLowerCase() === '.json';
  const contents = isJson
    ? parseJson(await fs.readFile(file, 'utf8'), label)
    : await importDefault(file, label);
  if (typeof contents !== 'object' || contents === null || Array.isArray(contents)) {
    const what = isJson ? 'must contain a JSON object' : 'must export an object as default';
    throw new UserError(`${label}: ${what}, got ${describeValue(contents)}`);
  }
  return contents as Record<string, unknown>;
}

function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${label}: invalid JSON${jsonErrorDetail(text, (error as Error).message)}`);
  }
}

/**
 * ` at line L, column C: <reason>` from V8's message, which may carry `at position N`
 * (and, in newer Node versions, `(line L column C)` and a quote of the input).
 */
function jsonErrorDetail(text: string, message: string): string {
  const reason = message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  const position = /at position (\d+)/.exec(message);
  if (!position) return `: ${reason}`;
  const before = text.slice(0, Number(position[1])).split('\n');
  return ` at line ${before.length}, column ${before[before.length - 1].length + 1}: ${reason}`;
}

async function importDefault(file: string, label: string): Promise<unknown> {
  let module: { default?: unknown };
  try {
    module = await import(pathToFileURL(file).href);
  } catch (error) {
    throw new UserError(`${label}: could not be loaded: ${describeError(error)}`);
  }
  return module.default;
}
