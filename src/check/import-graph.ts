/**
 * Which project files import which, directly or through others (type-only imports too), for a
 * compiler that does not tell (native-compiler.ts): each file's import specifiers as TypeScript's
 * preprocessor finds them, resolved as its module resolution would with the tsconfig's options
 * (ts-morph's TypeScript: the same resolution rules as the native compiler's).
 */
import { readFileSync } from 'node:fs';
import { ts } from 'ts-morph';
import type { ProjectConfig } from './project-configs.js';

/** By file: the project files that import it, directly or not. Only `files` count. */
export function importersOf(configs: readonly ProjectConfig[], files: ReadonlySet<string>): Map<string, string[]> {
  const imports = new Map<string, Set<string>>();
  for (const config of configs) {
    const options = config.options as ts.CompilerOptions;
    const cache = ts.createModuleResolutionCache(process.cwd(), (name) => name, options);
    for (const file of config.fileNames) {
      if (!files.has(file) || imports.has(file)) continue;
      const found = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = new Set<string>();
      for (const { fileName } of [...found.importedFiles, ...found.referencedFiles]) {
        const resolved = ts.resolveModuleName(fileName, file, options, ts.sys, cache).resolvedModule?.resolvedFileName;
        if (resolved !== undefined && files.has(resolved) && resolved !== file) targets.add(resolved);
      }
      imports.set(file, targets);
    }
  }
  const importers = new Map<string, string[]>();
  for (const file of imports.keys()) {
    // Every file `file` reaches gets it as an importer.
    const reached = new Set<string>();
    const queue = [...(imports.get(file) ?? [])];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (reached.has(next) || next === file) continue;
      reached.add(next);
      queue.push(...(imports.get(next) ?? []));
    }
    for (const target of reached) importers.set(target, [...(importers.get(target) ?? []), file]);
  }
  return importers;
}
