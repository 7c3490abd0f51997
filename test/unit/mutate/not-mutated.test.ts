/**
 * What StrykerJS never mutates (types, imports, declarations, decorators, patterns, keys,
 * directives) is not mutated here either; expectations checked against StrykerJS 9.5.1.
 */
import { describe, expect, it } from 'vitest';

import { mutate } from './helpers.js';

describe('what is not mutated', () => {
  it('type annotations, type arguments and string literal types', () => {
    expect(mutate("let a: 'x' | 'y' = 'x';\nfunction f(p: boolean = true): Array<'z'> { return g<'w'>(p); }")).toEqual([
      "StringLiteral [19,22) \"'x'\" -> \"\\\"\\\"\" @1:20-1:23",
      'BooleanLiteral [48,52) "true" -> "false" @2:25-2:29',
      "BlockStatement [66,87) \"{ return g<'w'>(p); }\" -> \"{}\" @2:43-2:64 (statements)",
    ]);
  });
  it('interfaces, type aliases and enums', () => {
    expect(mutate("interface I { k: 'v'; m(): void }\ntype T = { t: true } | 'u';\nenum E { A = 1 + 2, B = 'b' }\nconst enum F { C = 'c' }")).toEqual([]);
  });
  it('declare statements, declared modules and overload signatures', () => {
    expect(mutate("declare const d: 'x';\ndeclare module 'm' { export const n: number; }\ndeclare global { var g: string; }\nfunction o(a: string): void;\nfunction o(a: unknown) { return a; }")).toEqual([
      'BlockStatement [155,168) "{ return a; }" -> "{}" @5:24-5:37 (statements)',
    ]);
  });
  it('imports and export specifiers and paths', () => {
    expect(mutate("import x, { y } from './x';\nimport type { Z } from 'z';\nimport q = require('q');\nexport { y } from './y';\nexport * from './w';\nexport { x };")).toEqual([]);
  });
  it('decorators and their arguments', () => {
    expect(mutate("@Component({ selector: 'app', flag: true })\nclass A {\n  @Input('name') name = 'n';\n}")).toEqual([
      "StringLiteral [78,81) \"'n'\" -> \"\\\"\\\"\" @3:25-3:28",
    ]);
  });
  it('as expressions, but satisfies and angle-bracket assertions are', () => {
    expect(mutate("const a = ['x'] as const;\nconst b = ('y') satisfies string;\nconst c = <string>('z');")).toEqual([
      "StringLiteral [37,40) \"'y'\" -> \"\\\"\\\"\" @2:12-2:15",
      "StringLiteral [79,82) \"'z'\" -> \"\\\"\\\"\" @3:20-3:23",
    ]);
  });
  it('class implements clauses, but extends expressions are', () => {
    expect(mutate("class A extends mixin(1 + 2)<string> implements I<'i'> {}")).toEqual([
      'ArithmeticOperator [22,27) "1 + 2" -> "1 - 2" @1:23-1:28',
    ]);
  });
  it('destructuring targets and property keys', () => {
    expect(mutate("[a, b] = [b, a];\n({ a, b: [c = 'd'] } = o);\nconst { ['k']: v = `w` } = o;\nconst obj = { 'key': 1, [`t`]: 2 };")).toEqual([
      'ArrayDeclaration [9,15) "[b, a]" -> "[]" @1:10-1:16',
      "StringLiteral [31,34) \"'d'\" -> \"\\\"\\\"\" @2:15-2:18",
      'StringLiteral [63,66) "`w`" -> "``" @3:20-3:23',
      "ObjectLiteral [86,108) \"{ 'key': 1, [`t`]: 2 }\" -> \"{}\" @4:13-4:35",
      'StringLiteral [99,102) "`t`" -> "``" @4:26-4:29',
    ]);
  });
  it('directive prologues', () => {
    expect(mutate("'use strict';\nfunction f() {\n  'use strict';\n  return 'r';\n}")).toEqual([
      "BlockStatement [27,60) \"{\\n  'use strict';\\n  return 'r';\\n}\" -> \"{}\" @2:14-5:2 (statements)",
      "StringLiteral [54,57) \"'r'\" -> \"\\\"\\\"\" @4:10-4:13",
    ]);
  });
});

