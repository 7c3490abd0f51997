/** Locates the StrykerJS config file of a project: the one named on the command line, or the first of the usual names. */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { describeValue } from './format-issues.js';

/** Searched in this order, as StrykerJS users name them. */
const CONFIG_FILE_NAMES = [
  'stryker.config.json',
  'stryker.conf.json',
  '.stryker.config.json',
  'stryker.config.mjs',
  'stryker.config.js',
  'stryker.conf.mjs',
  'stryker.conf.js',
] as const;

/** Absolute path of the config file, or undefined when there is none (defaults apply). */
export function findConfigFile(projectRoot: string, configFile?: string): string | undefined {
  if (configFile !== undefined) {
    const file = path.resolve(projectRoot, configFile);
    if (!isFile(file)) throw new UserError(`--config-file must name an existing file, got ${describeValue(configFile)}`);
    return file;
  }
  return CONFIG_FILE_NAMES.map((name) => path.join(projectRoot, name)).find((file) =>
    fs.existsSync(file),
  );
}

/** An existing file (not a directory). */
export function isFile(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
}
