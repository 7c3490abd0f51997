import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { serveToRequire } from '../../../src/instrument/require-hook.js';

let root: string;
let main: string;
let helper: string;

describe("serveToRequire: assay's code for what Node's require loads", () => {
  beforeAll(() => {
    root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'assay-require-hook-')));
    writeFileSync(path.join(root, 'package.json'), '{}');
    main = path.join(root, 'main.js');
    helper = path.join(root, 'helper.js');
    writeFileSync(main, "module.exports = () => require('./helper.js').value + 1;");
    writeFileSync(helper, 'module.exports = { value: 1 };');
  });
  afterAll(() => {
    serveToRequire({});
    rmSync(root, { recursive: true, force: true });
  });

  it('compiles the served code in place of the file that one file requires from another', () => {
    serveToRequire({ [helper]: 'module.exports = { value: 41 };' });
    const run = createRequire(main)(main) as () => number;
    expect(run()).toBe(42);
  });

  it('loads a served file afresh each time it is served again, as each test file starts', () => {
    serveToRequire({ [helper]: 'module.exports = { value: 9 };' });
    expect(createRequire(main)(helper)).toEqual({ value: 9 });
    serveToRequire({ [helper]: 'module.exports = { value: 10 };' });
    expect(createRequire(main)(helper)).toEqual({ value: 10 });
  });

  it('leaves the files it does not serve as they are on disk', () => {
    const other = path.join(root, 'other.js');
    writeFileSync(other, 'module.exports = "on disk";');
    serveToRequire({ [helper]: 'module.exports = {};' });
    expect(createRequire(main)(other)).toBe('on disk');
  });
});
