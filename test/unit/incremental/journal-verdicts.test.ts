import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournalVerdicts } from '../../../src/incremental/journal-verdicts.js';
import { openJournal } from '../../../src/report/journal.js';
import { assayVersion } from '../../../src/report/version.js';
import { tempProject } from '../config/temp-project.js';
import { mutant } from '../report/fixtures.js';

const header = { assay: assayVersion, startedAt: '2026-12-01T00:00:00.000Z', mutants: 3 };

async function journalFile(): Promise<string> {
  return path.join(await tempProject({}), 'reports/assay-journal.jsonl');
}

describe('journal verdicts (--resume)', () => {
  it('gives the verdicts an interrupted run journalled, by verdict key', async () => {
    const file = await journalFile();
    const journal = openJournal(file, header);
    journal.append(mutant('Killed', { id: 1, verdictKey: 'k1', killedBy: ['t1'], coveredBy: ['t1'], testsCompleted: 1, statusReason: 'AssertionError', durationMs: 3 }));
    journal.append(mutant('Survived', { id: 2, verdictKey: 'k2', coveredBy: ['t1'], testsCompleted: 1, reusedFrom: 'reports/assay-incremental.json' }));
    journal.close();
    const read = await readJournalVerdicts(file);
    expect(read).toEqual({
      state: 'read',
      verdicts: new Map([
        ['k1', { status: 'Killed', statusReason: 'AssertionError', killedBy: ['t1'], coveredBy: ['t1'], testsCompleted: 1, static: false, durationMs: 3 }],
        ['k2', { status: 'Survived', killedBy: [], coveredBy: ['t1'], testsCompleted: 1, static: false }],
      ]),
    });
  });

  it('drops a last line cut short, errors, lines without a key, and verdicts given again without one', async () => {
    const file = await journalFile();
    const journal = openJournal(file, header);
    journal.append(mutant('Killed', { id: 1, verdictKey: 'k1' }));
    journal.append(mutant('RuntimeError', { id: 2, verdictKey: 'k2' }));
    journal.append(mutant('Killed', { id: 3 }));
    journal.append(mutant('Killed', { id: 4, verdictKey: 'k4' }));
    journal.append(mutant('Survived', { id: 4 })); // revised: a test it relied on was flaky
    journal.close();
    await appendFile(file, '{"id":5,"status":"Kil');
    const read = await readJournalVerdicts(file);
    expect(read.state === 'read' && [...read.verdicts.keys()]).toEqual(['k1']);
  });

  it('is missing when no run left one', async () => {
    expect(await readJournalVerdicts(await journalFile())).toEqual({ state: 'missing' });
  });

  it.each([
    ['empty', '', 'it is not an assay journal (no header line)'],
    ['not an assay journal', '{"hello":"world"}\n', 'it is not an assay journal (no header line)'],
    ['not JSON at all', 'PK\u0003\u0004 binary\n', 'it is not an assay journal (no header line)'],
    ['from another assay version', `${JSON.stringify({ journal: { ...header, assay: '0.0.1' } })}\n`, `it was written by assay 0.0.1, this is ${assayVersion}`],
    ['damaged in the middle', `${JSON.stringify({ journal: header })}\n{"id":1,"status":"Killed","key":"k"}\nnot json\n{"id":2,"status":"Killed","key":"j"}\n`, 'line 3 is damaged'],
    ['holding a line that is not a verdict', `${JSON.stringify({ journal: header })}\n[1,2]\n`, 'line 2 is damaged'],
  ])('is ignored with a reason when %s', async (_what, text, reason) => {
    const file = await journalFile();
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    expect(await readJournalVerdicts(file)).toEqual({ state: 'ignored', reason });
  });
});
