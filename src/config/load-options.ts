/**
 * The config stage: reads the project's StrykerJS config file (if any), validates it,
 * applies command-line overrides, and returns `Options` plus warnings about ignored keys.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Options } from '../model.js';
import { parseCliOverrides, type CliOverrides, type ParsedCliOverrides } from './cli-overrides.js';
import { buildOptions } from './build-options.js';
import { fileSchema, type FileOptions } from './file-schema.js';
import { findConfigFile, isFile } from './find-config-file.js';
import { describeValue, formatIssues, formatPath } from './format-issues.js';
import { readConfigFile } from './read-config-file.js';
import { unusedKeyWarnings } from './unused-keys.js';

export interface LoadOptionsInput {
  /** The project root: must hold a package.json. */
  cwd: string;
  /** `--config-file`, relative to cwd. */
  configFile?: string;
  cli: CliOverrides;
}

export async function loadOptions(
  input: LoadOptionsInput,
): Promise<{ options: Options; warnings: string[] }> {
  const projectRoot = path.resolve(input.cwd);
  if (!fs.existsSync(path.join(projectRoot, 'package.json'))) {
    throw new UserError(`no package.json in ${projectRoot}: run assay from your project's root`);
  }
  const file = findConfigFile(projectRoot, input.configFile);
  const label = file === undefined ? '' : path.relative(projectRoot, file);
  const raw = file === undefined ? {} : await readConfigFile(file, label);
  const fileOptions = parseFileOptions(raw, label);
  const cli = parseCliOverrides(input.cli);
  checkVitestConfigFile(projectRoot, fileOptions, cli, label);
  return {
    options: buildOptions(projectRoot, fileOptions, cli),
    warnings: unusedKeyWarnings(raw, fileSchema, label),
  };
}

function parseFileOptions(raw: Record<string, unknown>, label: string): FileOptions {
  const result = fileSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    throw new UserError(formatIssues(result.error.issues, (p) => `${label}: "${formatPath(p)}"`));
  }
  return result.data;
}

/** A vitest config file named by the flag or the config file must exist (vitest's own lookup is left to vitest). */
function checkVitestConfigFile(projectRoot: string, file: FileOptions, cli: ParsedCliOverrides, label: string): void {
  const named = cli.vitestConfigFile ?? file.vitest.configFile;
  if (named === undefined || isFile(path.resolve(projectRoot, named))) return;
  const where = cli.vitestConfigFile === undefined ? `${label}: "vitest.configFile"` : '--vitest-config-file';
  throw new UserError(`${where} must name an existing file, got ${describeValue(named)}`);
}
