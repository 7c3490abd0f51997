/**
 * Part (c) of a verdict key (verdict-key.ts): what every verdict of the run depends on besides the
 * mutant and its tests — the lockfile (the first directory at or above the project root that
 * holds one: package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock, bun.lock,
 * bun.lockb; it stands for everything in node_modules), the vitest config files and the files
 * they import (as vite loaded them, dry-run/import-graph.ts), the project's package.json and
 * tsconfig.json (module type, resolution, how TypeScript is compiled), the options that change
 * verdicts, and the versions of assay and Node.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Options } from '../model.js';
import { assayVersion } from '../report/version.js';
import type { ContentOf } from './content-hashes.js';
import { sha256 } from '../sha256.js';

export const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb'];
const PROJECT_FILES = ['package.json', 'tsconfig.json'];

/** The options that can change a verdict. */
export type VerdictOptions = Pick<Options, 'projectRoot' | 'timeoutMS' | 'timeoutFactor' | 'coverageAnalysis' | 'disableBail' | 'isolation' | 'ignoreStatic' | 'memoryLimitMb'>;

export function environmentHash(options: VerdictOptions, configFiles: readonly string[], contentOf: ContentOf): string {
  const lockDir = lockfileDirectory(options.projectRoot);
  const lockfiles = lockDir === undefined ? [] : LOCKFILES.filter((name) => existsSync(join(lockDir, name))).map((name) => join(lockDir, name));
  const files = (list: readonly string[]) => [...list].sort().map((file) => [relative(options.projectRoot, file) || file, contentOf(file)]);
  return sha256(
    JSON.stringify({
      lockfiles: files(lockfiles),
      configFiles: files(configFiles.map((file) => join(options.projectRoot, file))),
      projectFiles: files(PROJECT_FILES.map((file) => join(options.projectRoot, file)).filter((file) => existsSync(file))),
      options: [options.timeoutMS, options.timeoutFactor, options.coverageAnalysis, options.disableBail, options.isolation, options.ignoreStatic, options.memoryLimitMb],
      assay: assayVersion,
      node: process.version,
    }),
  );
}

/** The first directory at or above `projectRoot` that holds a lockfile. */
export function lockfileDirectory(projectRoot: string): string | undefined {
  for (let dir = projectRoot; ; dir = dirname(dir)) {
    if (LOCKFILES.some((name) => existsSync(join(dir, name)))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
