#!/usr/bin/env node
// The `assay` command. The code lives in dist/ (built from src/ by `npm run build`).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`assay: Node ${process.versions.node} is too old: assay needs Node 20.19 or newer\n`);
  process.exit(2);
}
// Node 22.1 and later keep compiled code in a cache (in the OS temp dir) across runs: the parser
// alone is 10 MB of JavaScript to compile on every start otherwise.
(await import('node:module')).enableCompileCache?.();
// On Linux `assay run` starts again with fewer malloc arenas (dist/cli/relaunch.js).
const relaunched = await (await import('../dist/cli/relaunch.js')).relaunchWithTwoArenas(process.argv);
if (relaunched !== undefined) process.exit(relaunched);
const { main } = await import('../dist/cli/index.js');
// Exit explicitly: a user's test suite may leave handles open that would keep the process alive.
process.exit(await main(process.argv));
