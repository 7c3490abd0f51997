/** Public surface of the select stage. */
export { selectFiles } from './select-files.js';
export { changedSince } from './changed-lines.js';
