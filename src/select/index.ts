/** Public surface of the select stage. */
export { selectFiles } from './select-files.js';
