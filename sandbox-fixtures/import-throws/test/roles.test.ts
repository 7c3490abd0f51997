import { describe, expect, it } from 'vitest';
import { can, defineRoles } from '../src/roles';

describe('can', () => {
  it('knows what each role may do', () => {
    expect(can('viewer', 'read')).toBe(true);
    expect(can('viewer', 'write')).toBe(false);
    expect(can('editor', 'read')).toBe(true);
    expect(can('editor', 'write')).toBe(true);
  });

  it('gives unknown roles nothing', () => {
    expect(can('guest', 'read')).toBe(false);
  });
});

describe('defineRoles', () => {
  it('refuses a role without permissions', () => {
    expect(() => defineRoles([{ name: 'b', permissions: [] }])).toThrow('role b has no permissions');
  });
});
