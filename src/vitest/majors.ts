/**
 * The vitest majors assay supports and what differs between them, kept in this one place: the
 * Node each needs, the entries of the user's vitest that assay's own files (setup file, batch
 * runner) import, and the batch runner built on that major's test runner class. The rest of what
 * assay uses — createVitest, the custom pool API (`PoolWorker`), `TestProject` and the module
 * graphs of its vite environments, `provide`/`inject`, the runner's repeat and try hooks — works
 * the same in 4 and 5. One difference is by minor: how a run selects tests (`selectsTestsById`).
 */
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

export interface VitestMajor {
  major: number;
  /** The oldest Node this major runs on, [major, minor]. */
  node: readonly [number, number];
  /** Specifiers assay's files import → the export of the user's vitest each stands for. */
  entries: Readonly<Record<string, string>>;
  /** Absolute path of assay's batch runner for this major (`test.runner`). */
  batchRunner: string;
  /**
   * `TestProject.createSpecification(moduleId, { testIds })` selects tests by id (vitest 4.1+).
   * vitest 4.0 takes test line numbers there instead, which match only with `includeTaskLocation`
   * on (see selection.ts).
   */
  selectsTestsById: boolean;
}

/** A supported major, and the first of its minors whose specifications select tests by id. */
type MajorEntry = Omit<VitestMajor, 'selectsTestsById'> & { testIdsSinceMinor: number };

const own = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const MAJORS: readonly MajorEntry[] = [
  // The test runner class is `VitestTestRunner` of `vitest/runners` in every 4.x (4.1 also exports it from `vitest`).
  { major: 4, node: [20, 19], entries: { vitest: '.', 'vitest/runners': './runners' }, batchRunner: own('./runner-vitest4.js'), testIdsSinceMinor: 1 },
  // vitest 5 dropped `vitest/runners`: the class is `TestRunner` of `vitest`. It needs Node 22.12 (its `engines`).
  { major: 5, node: [22, 12], entries: { vitest: '.' }, batchRunner: own('./runner-vitest5.js'), testIdsSinceMinor: 0 },
];

export const SUPPORTED_VITEST = MAJORS.map(({ major }) => `${major}.x`).join(' and ');

/**
 * The supported major of vitest `version`, given the Node running assay (`process.versions.node`);
 * a UserError for another major, or for a Node too old for this one.
 */
export function vitestMajor(version: string, nodeVersion: string): VitestMajor {
  const found = MAJORS.find(({ major }) => major === Number(version.split('.')[0]));
  const [nodeMajor, nodeMinor] = nodeVersion.split('.').map(Number);
  const runsHere = ({ node: [major, minor] }: MajorEntry) => nodeMajor > major || (nodeMajor === major && nodeMinor >= minor);
  if (found === undefined) {
    const newest = [...MAJORS].reverse().find(runsHere) ?? MAJORS[0];
    const advice = Number(version.split('.')[0]) < newest.major ? 'upgrade with' : 'install a supported one with';
    throw new UserError(`vitest ${version} is not supported: assay supports vitest ${SUPPORTED_VITEST}; ${advice} 'npm i -D vitest@${newest.major}'`);
  }
  if (!runsHere(found)) {
    const [major, minor] = found.node;
    throw new UserError(`vitest ${version} needs Node ${major}.${minor} or newer, and this is Node ${nodeVersion}: run assay with a newer Node, or use vitest ${MAJORS[0].major} ('npm i -D vitest@${MAJORS[0].major}')`);
  }
  const { testIdsSinceMinor, ...major } = found;
  return { ...major, selectsTestsById: Number(version.split('.')[1]) >= testIdsSinceMinor };
}
