/**
 * A pool worker (piscina worker thread). It starts one vitest session when the thread starts —
 * instrumented modules served from memory, no mutant active, the batch runner installed — and
 * then runs one task at a time: a single mutant (a fresh test thread per file, as vitest
 * isolates), a batch of mutants, a group of static mutants, or a part of the dry run, in one
 * vitest run each; or the coverage pass, in a session of its own. Its test threads outlive the runs (vitest/warm-threads.ts), so the dry run
 * leaves them warm for the mutants. When a task is aborted (wall-clock timeout) piscina
 * terminates the thread, vitest's own test threads with it, and a fresh worker takes its place.
 */
import { workerData } from 'node:worker_threads';
import { joinedOutcomes, VitestSession, type RunOutcome } from '../vitest/session.js';
import { failedMutants, fileRounds, projectParts, withoutDecided } from './static-groups.js';
import { receiveCode } from './served-code.js';
import type { PoolData } from './index.js';
import type { BatchUnsupported, DryAnswer, SuiteAnswer, UserErrorAnswer, WorkerMessage } from './task.js';
import { coveragePass, type CoverageAnswer } from '../coverage/index.js';
import { importGraph, projectGraphs } from '../dry-run/import-graph.js';
import { commonJsFiles } from '../instrument/commonjs-scope.js';
import { UserError } from '../errors.js';

const data = workerData as PoolData;
// The session starts at once; the code it serves comes when the coordinator has it (served-code.ts).
const code = receiveCode(data.codeChannel);
// A session that fails to start (e.g. the vitest config throws) fails each task, not the thread: an
// error while the thread starts would end the whole process.
const starting = VitestSession.start({ ...data, code, batch: true });
starting.catch(() => undefined);
let requirable: string[] | undefined;

export default async function runTask(task: WorkerMessage): Promise<RunOutcome | BatchUnsupported | SuiteAnswer | DryAnswer | CoverageAnswer | UserErrorAnswer | null> {
  try {
    return await answer(task, await starting);
  } catch (error) {
    if (error instanceof UserError) return { userError: error.message, exitCode: error.exitCode };
    throw error;
  }
}

async function answer(task: WorkerMessage, session: VitestSession): Promise<RunOutcome | BatchUnsupported | SuiteAnswer | DryAnswer | CoverageAnswer | null> {
  session.learnLines(task.lines);
  switch (task.kind) {
    case 'single':
      return session.run({ mode: 'mutant', active: task.mutantId, hitLimit: task.hitLimit, stepLimit: task.stepLimit }, task.selection, { threads: 'per-file', stepLimits: task.stepLimits });
    case 'static': {
      const { hitLimits, stepLimit } = task;
      const settings = { mode: 'mutant', active: -1, hitLimit: 0, hitLimits, stepLimit } as const;
      // assay's runner stops each mutant at its first failure. Without it, vitest's bail would end
      // the whole run, so it is on for a group of one only; and a run cannot tell a file's runs
      // apart: one run per round of files.
      const options = { threads: 'shared', noBail: !session.batchCapable && !task.bail } as const;
      const parts = session.batchCapable ? projectParts(task) : fileRounds(task);
      // With bail, a mutant that failed in a part is not run in the later ones.
      const decided = new Set<number>();
      const outcomes: RunOutcome[] = [];
      for (const part of parts) {
        const left = data.bail ? withoutDecided(part, decided) : part;
        if (left.selection.length === 0) continue;
        const outcome = await session.run(settings, left.selection, { ...options, activeByFile: left.activeByFile, testTimeouts: task.testTimeouts, stepLimits: task.stepLimits });
        outcomes.push(outcome);
        failedMutants(outcome).forEach((id) => decided.add(id));
      }
      return joinedOutcomes(outcomes);
    }
    case 'batch': {
      if (!session.batchCapable) return { batchUnsupported: true };
      const { plan, hitLimits, expected, stepLimit } = task;
      return session.run({ mode: 'batch', active: -1, hitLimit: 0, plan, hitLimits, expected, stepLimit }, task.selection, { threads: task.threads, testTimeouts: task.testTimeouts, stepLimits: task.stepLimits });
    }
    case 'suite': {
      const { specifications, found } = await session.suite();
      return { files: specifications.map((specification) => ({ project: specification.project.name, moduleId: specification.moduleId })), found };
    }
    case 'rest':
      await session.endParkedThreads();
      return null;
    case 'ready':
      return null;
    case 'coverage':
      // Its own session and test thread: this worker's parked threads are ended first, so that the
      // process does not hold both (coverage/index.ts).
      await session.endParkedThreads();
      return coveragePass({ projectRoot: data.projectRoot, configFile: data.configFile, memoryLimitMb: data.memoryLimitMb }, task);
    case 'dry': {
      const outcome = await session.run({ mode: 'dry', active: -1, hitLimit: Number.POSITIVE_INFINITY }, task.selection, { threads: task.threads, noBail: task.noBail });
      requirable ??= commonJsFiles(Object.keys((await code).instrumented));
      return { outcome, imports: importGraph(projectGraphs(...session.testProjects()), task.graphOf, data.projectRoot, requirable) };
    }
  }
}
