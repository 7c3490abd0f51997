/** The version of assay, read from its package.json (two levels up from both src/report and dist/report). */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const assayVersion: string = (require('../../package.json') as { version: string }).version;
