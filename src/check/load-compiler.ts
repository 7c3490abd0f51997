/**
 * Finds the compiler a project type-checks with, as its own build would: TypeScript 7, the native
 * compiler (`@typescript/native-preview`, or `typescript` ≥ 7), through its API when the project
 * has it; else the `typescript` package's JavaScript API. Resolved from the project, never from
 * assay, so that verdicts follow the compiler the project uses.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TS from 'typescript';
import { UserError } from '../errors.js';
import { relativeTo, type Compiler } from './compiler.js';
import { packageVersion } from './package-version.js';
import type { NativeApi } from './native-compiler.js';
import { tsCompiler } from './ts-compiler.js';

export interface CompilerSetup {
  projectRoot: string;
  /** As configured (`tsconfigFile`), relative to projectRoot. */
  tsconfigFile: string;
  /** `javascript`: the `typescript` package's JavaScript API even where the native compiler is installed (a test compares the two). */
  prefer?: 'native' | 'javascript';
}

const NATIVE_PACKAGES = ['@typescript/native-preview', 'typescript'];

export async function loadCompiler(setup: CompilerSetup): Promise<Compiler> {
  const relative = relativeTo(setup.projectRoot);
  const tsconfig = path.resolve(setup.projectRoot, setup.tsconfigFile);
  if (!existsSync(tsconfig)) {
    throw new UserError(`tsconfigFile: ${setup.tsconfigFile} does not exist; set "tsconfigFile" in the config file to the tsconfig the TypeScript checker should compile`);
  }
  const require = createRequire(path.join(setup.projectRoot, 'package.json'));
  const native = setup.prefer === 'javascript' ? undefined : nativePackage(setup.projectRoot);
  if (native !== undefined) {
    const api = (await import(pathToFileURL(require.resolve(`${native.name}/unstable/sync`)).href)) as NativeApi;
    // Loaded only here: it brings ts-morph's TypeScript along (import-graph.ts).
    const { nativeCompiler } = await import('./native-compiler.js');
    return nativeCompiler(api, native.version, tsconfig, relative);
  }
  let ts: typeof TS;
  try {
    ts = require('typescript') as typeof TS;
  } catch {
    throw new UserError('checkers: "typescript" needs the typescript package in the project (npm install --save-dev typescript)');
  }
  if (typeof ts.createProgram !== 'function') {
    throw new UserError(`checkers: "typescript" found typescript ${ts.version}, which has neither the JavaScript API nor the native one (unstable/sync)`);
  }
  return tsCompiler(ts, tsconfig, relative);
}

/** The project's native TypeScript package, if it has one with the API (older previews have none). */
export function nativePackage(projectRoot: string): { name: string; version: string } | undefined {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  for (const name of NATIVE_PACKAGES) {
    try {
      const version = packageVersion(require.resolve(`${name}/package.json`));
      require.resolve(`${name}/unstable/sync`);
      if (Number(version.split('.')[0]) >= 7) return { name, version };
    } catch {
      // Not installed, or without the API.
    }
  }
  return undefined;
}
