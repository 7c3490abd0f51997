/**
 * What the TypeScript checker needs from a compiler, whichever one the project has: the
 * `typescript` package's JavaScript API (ts-compiler.ts) or TypeScript 7's native one
 * (native-compiler.ts). Paths are absolute, with forward slashes. The check itself
 * (check-mutants.ts) is written once against this interface, so both give the same verdicts.
 */
import path from 'node:path';

/** A type error, where it is and what it says (the message's first line). */
export interface TypeError {
  /** Absolute path; absent for an error of the whole program. */
  file?: string;
  /** Offset in the text the file was compiled from. */
  start?: number;
  code: number;
  message: string;
}

/** A type error placed by line and column (1-based), as it is shown. */
export interface PlacedTypeError extends TypeError {
  line: number;
  column: number;
}

/** Source text by absolute path: the files a check sees changed, in place of what is on disk. */
export type FileChanges = ReadonlyMap<string, string>;

export interface Compiler {
  /** Which compiler this is, for messages and the bench: `typescript 5.9.3`, `typescript 7.0.2 (native)`. */
  readonly name: string;
  /** Whether `file` is a source file of the compiled program (mutants elsewhere cannot be checked). */
  has(file: string): boolean;
  /** Source files of the program that import `file`, directly or through others, type-only imports too. */
  dependents(file: string): readonly string[];
  /** The program's errors that belong to no one file (global ones, the tsconfig's), as it is on disk. */
  globalErrors(): TypeError[];
  /** The type errors in `files` (syntax and type checks) with `changes` in place (none: the files as on disk). */
  errors(changes: FileChanges, files: readonly string[]): TypeError[];
  /**
   * What importers of `file` see of it (its declaration output) with `changes` in place; undefined
   * when this compiler cannot tell, and then every importer is checked.
   */
  declarations(changes: FileChanges, file: string): string | undefined;
  /** With `changes` in place, the types of the names declared at `names` (offsets in `file`'s compiled text), as text. */
  declaredTypes(changes: FileChanges, file: string, names: readonly number[]): string[];
  close(): void;
}

/** The options StrykerJS's checker forces on every tsconfig: code a mutant leaves unreachable or unused is no error. */
export const STRYKER_FORCED_OPTIONS = { allowUnreachableCode: true, noUnusedLocals: false, noUnusedParameters: false } as const;

/** A file's path relative to `projectRoot`, with forward slashes, as messages show it. */
export function relativeTo(projectRoot: string): (file: string) => string {
  return (file) => path.relative(projectRoot, file).split(path.sep).join('/');
}

/** `src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.`, as tsc and StrykerJS print it. */
export function formatTypeError(error: PlacedTypeError, relative: (file: string) => string): string {
  const where = error.file === undefined ? '' : `${relative(error.file)}(${error.line},${error.column}): `;
  return `${where}error TS${error.code}: ${error.message}`;
}

/** What follows the first error of a file that does not type-check before mutation. */
export const NOT_COMPILING = '(the project does not type-check before mutation: fix it, or leave "typescript" out of "checkers")';
