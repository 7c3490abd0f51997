/**
 * The journal: every verdict appended to `reports/assay-journal.jsonl` the moment it arrives, one
 * JSON line each, written synchronously, so that what finished survives a crash, a killed CI job
 * or Ctrl-C. The first line says which run the verdicts belong to. A reader takes the complete
 * lines and ignores a last line cut short. Each line carries the verdict's key (`key`, see
 * incremental/verdict-key.ts), which `assay run --resume` matches (incremental/journal-verdicts.ts),
 * and `reused` names the file a verdict was taken from when it was not run.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MutantResult } from '../model.js';

export const JOURNAL_FILE = 'reports/assay-journal.jsonl';

export interface JournalHeader {
  assay: string;
  startedAt: string;
  /** Mutants found in the run. */
  mutants: number;
}

export interface Journal {
  append(result: MutantResult): void;
  close(): void;
}

/** Starts a fresh journal at `file` (absolute), replacing an earlier run's. */
export function openJournal(file: string, header: JournalHeader): Journal {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  writeSync(fd, `${JSON.stringify({ journal: header })}\n`);
  let open = true;
  return {
    append(result) {
      if (!open) return;
      const { id, fileName, mutatorName, replacement, location, status, statusReason, coveredBy, killedBy, testsCompleted, durationMs, verdictKey: key, reusedFrom: reused } = result;
      writeSync(fd, `${JSON.stringify({ id, fileName, mutatorName, replacement, location, status, statusReason, coveredBy, killedBy, testsCompleted, static: result.static, durationMs, key, reused })}\n`);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
