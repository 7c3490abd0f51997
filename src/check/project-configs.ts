/**
 * The tsconfigs a check compiles: the one configured and, depth first, every project it
 * references; a solution-style tsconfig with no files of its own is left out. Read with a
 * `typescript` JavaScript API (the project's, or ts-morph's where the project has only the native
 * compiler); a tsconfig that cannot be read stops the run, naming the file.
 */
import path from 'node:path';
import type * as TS from 'typescript';
import { UserError } from '../errors.js';

type Ts = typeof TS;

export interface ProjectConfig extends TS.ParsedCommandLine {
  /** The tsconfig's absolute path. */
  file: string;
}

export function projectConfigs(ts: Ts, tsconfig: string, relative: (file: string) => string, forced: TS.CompilerOptions = {}): ProjectConfig[] {
  const seen = new Set<string>();
  const configs: ProjectConfig[] = [];
  const visit = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    const config = parseConfig(ts, key, relative, forced);
    for (const reference of config.projectReferences ?? []) visit(ts.resolveProjectReferencePath(reference));
    if (config.fileNames.length > 0) configs.push({ ...config, file: key });
  };
  visit(tsconfig);
  return configs;
}

function parseConfig(ts: Ts, file: string, relative: (file: string) => string, forced: TS.CompilerOptions): TS.ParsedCommandLine {
  const fail = (diagnostic: TS.Diagnostic): never => {
    throw new UserError(`${relative(file)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0]}`);
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(file, forced, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail });
  if (parsed === undefined) throw new UserError(`${relative(file)}: cannot be read as a tsconfig`);
  const error = parsed.errors.find((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
  if (error !== undefined) fail(error);
  return parsed;
}
