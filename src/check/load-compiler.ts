/**
 * Finds the compiler a project type-checks with, as its own build would: TypeScript 7 (the native
 * compiler, `typescript` ≥ 7 or `@typescript/native-preview`) through its API, else the
 * `typescript` package's JavaScript API. Resolved from the project, never from assay, so that
 * verdicts follow the compiler version the project uses.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';
import { UserError } from '../errors.js';
import type { Compiler } from './compiler.js';
import { tsCompiler } from './ts-compiler.js';

export interface CompilerSetup {
  projectRoot: string;
  /** As configured (`tsconfigFile`), relative to projectRoot. */
  tsconfigFile: string;
}

export function loadCompiler(setup: CompilerSetup): Compiler {
  const relative = (file: string) => path.relative(setup.projectRoot, file).split(path.sep).join('/');
  const tsconfig = path.resolve(setup.projectRoot, setup.tsconfigFile);
  if (!existsSync(tsconfig)) {
    throw new UserError(`tsconfigFile: ${setup.tsconfigFile} does not exist; set "tsconfigFile" in the config file to the tsconfig the TypeScript checker should compile`);
  }
  const require = createRequire(path.join(setup.projectRoot, 'package.json'));
  let ts: typeof TS;
  try {
    ts = require('typescript') as typeof TS;
  } catch {
    throw new UserError('checkers: "typescript" needs the typescript package in the project (npm install --save-dev typescript)');
  }
  return tsCompiler(ts, tsconfig, relative);
}
