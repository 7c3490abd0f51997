import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commonJsFiles, commonJsSources } from '../../../src/instrument/commonjs-scope.js';

let root: string;
const at = (...parts: string[]) => path.join(root, ...parts);

function write(file: string, text = ''): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('commonJsFiles: what Node loads as CommonJS', () => {
  beforeAll(() => {
    root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'assay-cjs-scope-')));
    write(at('esm/package.json'), JSON.stringify({ type: 'module' }));
    write(at('esm/legacy/package.json'), JSON.stringify({ name: 'legacy' }));
    write(at('cjs/package.json'), JSON.stringify({ type: 'commonjs' }));
    write(at('broken/package.json'), '{ not json');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes .cjs and .cts always, .mjs, .mts, .jsx and .tsx never', () => {
    const files = ['a.cjs', 'a.cts', 'a.mjs', 'a.mts', 'a.jsx', 'a.tsx'].map((name) => at('esm', name));
    expect(commonJsFiles(files)).toEqual([at('esm/a.cjs'), at('esm/a.cts')]);
  });

  it('takes .js and .ts by the nearest package.json: not under "type": "module"', () => {
    const files = [at('esm/a.js'), at('esm/deep/er/b.ts'), at('esm/legacy/c.js'), at('cjs/d.ts'), at('broken/e.js')];
    expect(commonJsFiles(files)).toEqual([at('esm/legacy/c.js'), at('cjs/d.ts'), at('broken/e.js')]);
  });

  it('names each file by its path and by its real path, as Node does', () => {
    write(at('cjs/src/f.js'));
    symlinkSync(at('cjs/src'), at('cjs/linked'), 'dir');
    const sources = commonJsSources({ [at('cjs/linked/f.js')]: 'code', [at('esm/g.js')]: 'other' });
    expect(sources).toEqual({ [at('cjs/linked/f.js')]: 'code', [at('cjs/src/f.js')]: 'code' });
  });
});
