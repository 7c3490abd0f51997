import { describe, expect, it } from 'vitest';
import { applyMutant, offsetOf } from '../../../ground-truth/apply.js';

const source = 'export function discount(total: number): number {\n  return total >= 100 ? total * 0.9 : total;\n}\n';

describe('applyMutant', () => {
  it('replaces the code between start and end (1-based, end exclusive) on one line', () => {
    expect(applyMutant(source, { line: 2, column: 10, endLine: 2, endColumn: 22, replacement: 'true' })).toBe(
      'export function discount(total: number): number {\n  return true ? total * 0.9 : total;\n}\n',
    );
  });

  it('replaces code spanning lines', () => {
    expect(applyMutant(source, { line: 1, column: 49, endLine: 3, endColumn: 2, replacement: '{}' })).toBe('export function discount(total: number): number {}\n');
  });

  it('counts columns in UTF-16 code units, as the report does', () => {
    expect(applyMutant('const s = "é😀" + x;\n', { line: 1, column: 19, endLine: 1, endColumn: 20, replacement: 'y' })).toBe('const s = "é😀" + y;\n');
  });

  it('refuses a location outside the text or ending before it starts', () => {
    expect(() => offsetOf(source, 9, 1)).toThrow('line 9 is past the end of the file (4 lines)');
    expect(() => offsetOf(source, 2, 60)).toThrow('column 60 is outside line 2 (44 characters)');
    expect(() => applyMutant(source, { line: 2, column: 10, endLine: 2, endColumn: 5, replacement: '' })).toThrow('mutant ends (2:5) before it starts (2:10)');
  });

  it('takes a column one past the end of a line, and the end of the text', () => {
    expect(offsetOf(source, 3, 2)).toBe(source.length - 1);
    expect(offsetOf(source, 4, 1)).toBe(source.length);
  });
});
