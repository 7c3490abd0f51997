/**
 * istanbul's own outputs of the coverage pass, so existing tools read them:
 * `coverage-final.json` and `lcov.info` (written by istanbul-reports' `lcovonly`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import type { RunResult } from '../model.js';

export async function writeCoverageFiles(result: RunResult, directory: string): Promise<void> {
  if (result.coverage === undefined) return;
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, 'coverage-final.json'), JSON.stringify(result.coverage.istanbul));
  const context = libReport.createContext({
    dir: directory,
    coverageMap: libCoverage.createCoverageMap(result.coverage.istanbul as never),
    defaultSummarizer: 'nested',
  });
  reports.create('lcovonly', { file: 'lcov.info', projectRoot: result.projectRoot } as never).execute(context);
}
