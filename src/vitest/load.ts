/**
 * Finds and loads the user's own vitest (not assay's copy), and checks its version.
 * assay drives the vitest the project is tested with, so results match `npx vitest`.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../errors.js';

/** Checked in CI: vitest 4. (vitest 5 needs its own fixtures run before it is claimed.) */
export const SUPPORTED_VITEST = '4.x';

export interface UserVitest {
  version: string;
  /** Absolute paths of the entries assay's own files import: `vitest` and `vitest/runners`. */
  entries: Record<string, string>;
  /** vitest/node: createVitest and friends. */
  node: typeof import('vitest/node');
}

export async function loadUserVitest(projectRoot: string): Promise<UserVitest> {
  const require = createRequire(join(projectRoot, 'package.json'));
  let nodeEntry: string;
  try {
    nodeEntry = require.resolve('vitest/node');
  } catch {
    throw new UserError(`vitest is not installed in ${projectRoot}: run 'npm i -D vitest' (assay supports vitest ${SUPPORTED_VITEST})`);
  }
  const packageDir = findPackageDir(nodeEntry);
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const major = Number(version.split('.')[0]);
  if (major !== 4) {
    throw new UserError(`vitest ${version} is not supported: assay supports vitest ${SUPPORTED_VITEST}; upgrade with 'npm i -D vitest@4'`);
  }
  const entries = { vitest: require.resolve('vitest'), 'vitest/runners': require.resolve('vitest/runners') };
  const node = (await import(pathToFileURL(nodeEntry).href)) as typeof import('vitest/node');
  return { version, entries, node };
}

function findPackageDir(file: string): string {
  let dir = dirname(file);
  while (dir !== dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'vitest') return dir;
    } catch {
      // no package.json here: keep walking up
    }
    dir = dirname(dir);
  }
  throw new UserError(`could not find vitest's package.json above ${file}`);
}
