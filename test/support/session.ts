/**
 * For e2e tests that drive the real vitest through assay's built session (dist, as the pool
 * workers load it): `sessionOn(files)` starts one on a temporary vitest project holding `files`
 * (with a `package.json` of an ES module package and an empty `vitest.config.ts` unless given)
 * and the repository's node_modules linked. Sessions a test started are closed after it.
 */
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach } from 'vitest';
import type * as Session from '../../src/vitest/session.js';
import { repoRoot } from './assay.js';
import { tempProject } from '../unit/config/temp-project.js';

export const { VitestSession, fileKey } = (await import(pathToFileURL(path.join(repoRoot, 'dist/vitest/session.js')).href)) as typeof Session;

const open: Session.VitestSession[] = [];

// Registered after temp-project's: vitest runs afterEach hooks last first, so sessions close before their directories go.
afterEach(async () => {
  await Promise.all(open.splice(0).map((session) => session.close()));
});

/** Dry mode as the initial run has it: no mutant, no hit limit. */
export const dryMode = { mode: 'dry', active: -1, hitLimit: Number.POSITIVE_INFINITY } as const;

export async function sessionOn(files: Record<string, string | object>, { bail = true, memoryLimitMb = 512 } = {}): Promise<{ dir: string; session: Session.VitestSession }> {
  const dir = await tempProject({ 'package.json': { type: 'module' }, 'vitest.config.ts': 'export default {};\n', ...files });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const session = await VitestSession.start({ projectRoot: dir, code: { instrumented: {} }, bail, maxWorkers: 1, memoryLimitMb, batch: true });
  open.push(session);
  return { dir, session };
}
