/**
 * Every operator's mutants on small snippets, with exact positions and replacement code
 * (checked against StrykerJS 9.5.1's instrumenter on the same snippets).
 */
import { describe, expect, it } from 'vitest';

import { mutate } from './helpers.js';

describe('ArithmeticOperator', () => {
  it('swaps + and -, * and /, and turns % into *', () => {
    expect(mutate('r = a + b * c - d / e % f;', { only: 'ArithmeticOperator' })).toEqual([
      'ArithmeticOperator [4,25) "a + b * c - d / e % f" -> "a + b * c + d / e % f" @1:5-1:26',
      'ArithmeticOperator [4,13) "a + b * c" -> "a - b * c" @1:5-1:14',
      'ArithmeticOperator [8,13) "b * c" -> "b / c" @1:9-1:14',
      'ArithmeticOperator [16,25) "d / e % f" -> "d / e * f" @1:17-1:26',
      'ArithmeticOperator [16,21) "d / e" -> "d * e" @1:17-1:22',
    ]);
  });
  it('skips string concatenation but keeps operand text verbatim', () => {
    expect(mutate("s = 'a' + b; t = a + `x`; u = 'a' + b + c; v = (a)+(b);", { only: 'ArithmeticOperator' })).toEqual([
      "ArithmeticOperator [30,41) \"'a' + b + c\" -> \"'a' + b - c\" @1:31-1:42",
      'ArithmeticOperator [47,54) "(a)+(b)" -> "(a) - (b)" @1:48-1:55',
    ]);
  });
});

describe('ArrayDeclaration', () => {
  it('empties and fills array literals and Array constructor calls', () => {
    expect(mutate('x = [1, 2]; y = []; z = new Array(1); w = Array(); v = new Array<number>;', { only: 'ArrayDeclaration' })).toEqual([
      'ArrayDeclaration [4,10) "[1, 2]" -> "[]" @1:5-1:11',
      'ArrayDeclaration [16,18) "[]" -> "[\\"Stryker was here\\"]" @1:17-1:19',
      'ArrayDeclaration [24,36) "new Array(1)" -> "new Array()" @1:25-1:37',
      'ArrayDeclaration [42,49) "Array()" -> "Array([])" @1:43-1:50',
      'ArrayDeclaration [55,72) "new Array<number>" -> "new Array([])" @1:56-1:73',
    ]);
  });
  it('leaves destructuring targets alone', () => {
    expect(mutate('[p, [q]] = [q, p]; for ([a] of []) {}', { only: 'ArrayDeclaration' })).toEqual([
      'ArrayDeclaration [11,17) "[q, p]" -> "[]" @1:12-1:18',
      'ArrayDeclaration [31,33) "[]" -> "[\\"Stryker was here\\"]" @1:32-1:34',
    ]);
  });
});

describe('ArrowFunction', () => {
  it('replaces expression-bodied arrows with () => undefined', () => {
    expect(mutate('f = (a) => a + 1; g = () => undefined; h = () => { return 1; }; k = async x => ({ x });', { only: 'ArrowFunction' })).toEqual([
      'ArrowFunction [4,16) "(a) => a + 1" -> "() => undefined" @1:5-1:17',
      'ArrowFunction [68,86) "async x => ({ x })" -> "() => undefined" @1:69-1:87',
    ]);
  });
});

describe('AssignmentOperator', () => {
  it('swaps compound assignment operators', () => {
    expect(mutate('a += 1; a -= 1; a *= 2; a /= 2; a %= 2; a <<= 1; a >>= 1; a &= 1; a |= 1; a &&= b; a ||= b; a ??= b; a **= 2; a = 1;', { only: 'AssignmentOperator' })).toEqual([
      'AssignmentOperator [0,6) "a += 1" -> "a -= 1" @1:1-1:7',
      'AssignmentOperator [8,14) "a -= 1" -> "a += 1" @1:9-1:15',
      'AssignmentOperator [16,22) "a *= 2" -> "a /= 2" @1:17-1:23',
      'AssignmentOperator [24,30) "a /= 2" -> "a *= 2" @1:25-1:31',
      'AssignmentOperator [32,38) "a %= 2" -> "a *= 2" @1:33-1:39',
      'AssignmentOperator [40,47) "a <<= 1" -> "a >>= 1" @1:41-1:48',
      'AssignmentOperator [49,56) "a >>= 1" -> "a <<= 1" @1:50-1:57',
      'AssignmentOperator [58,64) "a &= 1" -> "a |= 1" @1:59-1:65',
      'AssignmentOperator [66,72) "a |= 1" -> "a &= 1" @1:67-1:73',
      'AssignmentOperator [74,81) "a &&= b" -> "a ||= b" @1:75-1:82',
      'AssignmentOperator [83,90) "a ||= b" -> "a &&= b" @1:84-1:91',
      'AssignmentOperator [92,99) "a ??= b" -> "a &&= b" @1:93-1:100',
    ]);
  });
  it('skips arithmetic assignment of strings but not logical assignment', () => {
    expect(mutate("a += 's'; a -= `t`; a ||= 's';", { only: 'AssignmentOperator' })).toEqual([
      "AssignmentOperator [20,29) \"a ||= 's'\" -> \"a &&= 's'\" @1:21-1:30",
    ]);
  });
});

describe('BlockStatement', () => {
  it('empties non-empty blocks', () => {
    expect(mutate('function f() { g(); }\nfunction e() {}\nif (x) { y(); } else { z(); }\ntry { t(); } catch { c(); } finally { d(); }\nconst k = () => { return 1; };', { only: 'BlockStatement' })).toEqual([
      'BlockStatement [13,21) "{ g(); }" -> "{}" @1:14-1:22 (statements)',
      'BlockStatement [45,53) "{ y(); }" -> "{}" @3:8-3:16 (statements)',
      'BlockStatement [59,67) "{ z(); }" -> "{}" @3:22-3:30 (statements)',
      'BlockStatement [72,80) "{ t(); }" -> "{}" @4:5-4:13 (statements)',
      'BlockStatement [87,95) "{ c(); }" -> "{}" @4:20-4:28 (statements)',
      'BlockStatement [104,112) "{ d(); }" -> "{}" @4:37-4:45 (statements)',
      'BlockStatement [129,142) "{ return 1; }" -> "{}" @5:17-5:30 (statements)',
    ]);
  });
  it('treats a directive-only function body as empty', () => {
    expect(mutate("function d() { 'use strict'; }\nfunction s() { 'use strict'; go(); }", { only: 'BlockStatement' })).toEqual([
      "BlockStatement [44,67) \"{ 'use strict'; go(); }\" -> \"{}\" @2:14-2:37 (statements)",
    ]);
  });
  it('skips static blocks and constructors that must call super', () => {
    expect(mutate('class C { static { init(); } }\nclass A extends B { x = 1; constructor() { super(); } }\nclass P extends B { constructor(private p: number) { super(); } }\nclass Q extends B { constructor() { super(); } }', { only: 'BlockStatement' })).toEqual([
      'BlockStatement [187,199) "{ super(); }" -> "{}" @4:35-4:47 (statements)',
    ]);
  });
});

describe('BooleanLiteral', () => {
  it('flips literals and removes negation', () => {
    expect(mutate('a = true; b = false; c = !d; e = !(f && g);', { only: 'BooleanLiteral' })).toEqual([
      'BooleanLiteral [4,8) "true" -> "false" @1:5-1:9',
      'BooleanLiteral [14,19) "false" -> "true" @1:15-1:20',
      'BooleanLiteral [25,27) "!d" -> "d" @1:26-1:28',
      'BooleanLiteral [33,42) "!(f && g)" -> "f && g" @1:34-1:43',
    ]);
  });
});

describe('ConditionalExpression', () => {
  it('forces if tests to true and false and loop tests to false', () => {
    expect(mutate('if (a) {}\nwhile ((c)) {}\ndo {} while (x);\nfor (; i < n;) {}', { only: 'ConditionalExpression' })).toEqual([
      'ConditionalExpression [4,5) "a" -> "true" @1:5-1:6',
      'ConditionalExpression [4,5) "a" -> "false" @1:5-1:6',
      'ConditionalExpression [18,19) "c" -> "false" @2:9-2:10',
      'ConditionalExpression [38,39) "x" -> "false" @3:14-3:15',
      'ConditionalExpression [49,54) "i < n" -> "false" @4:8-4:13',
    ]);
  });
  it('forces comparisons and logical expressions, respecting the enclosing operator', () => {
    expect(mutate('y = a === b;\nz = a || b === c;\nw = a && b > c;\nv = a ?? b < c;', { only: 'ConditionalExpression' })).toEqual([
      'ConditionalExpression [4,11) "a === b" -> "true" @1:5-1:12',
      'ConditionalExpression [4,11) "a === b" -> "false" @1:5-1:12',
      'ConditionalExpression [17,29) "a || b === c" -> "true" @2:5-2:17',
      'ConditionalExpression [17,29) "a || b === c" -> "false" @2:5-2:17',
      'ConditionalExpression [22,29) "b === c" -> "false" @2:10-2:17',
      'ConditionalExpression [35,45) "a && b > c" -> "true" @3:5-3:15',
      'ConditionalExpression [35,45) "a && b > c" -> "false" @3:5-3:15',
      'ConditionalExpression [40,45) "b > c" -> "true" @3:10-3:15',
      'ConditionalExpression [56,61) "b < c" -> "true" @4:10-4:15',
      'ConditionalExpression [56,61) "b < c" -> "false" @4:10-4:15',
    ]);
  });
  it('gives for (;;) a false test as a statement mutant', () => {
    expect(mutate('for (let i = 0;; i++) { f(); }', { only: 'ConditionalExpression' })).toEqual([
      'ConditionalExpression [0,30) "for (let i = 0;; i++) { f(); }" -> "for (let i = 0; false; i++) { f(); }" @1:1-1:31 (statements)',
    ]);
  });
  it('empties switch cases with statements, as a statements range', () => {
    expect(mutate('switch (v) {\n  case 1:\n    f();\n    break;\n  case 2:\n  default:\n    g();\n}', { only: 'ConditionalExpression' })).toEqual([
      'ConditionalExpression [27,42) "f();\\n    break;" -> "" @2:3-4:11 (statements)',
      'ConditionalExpression [68,72) "g();" -> "" @6:3-7:9 (statements)',
    ]);
  });
});

describe('EqualityOperator', () => {
  it('shifts boundaries and negates equality', () => {
    expect(mutate('a < b; a <= b; a > b; a >= b; a == b; a != b; a === b; a !== b;', { only: 'EqualityOperator' })).toEqual([
      'EqualityOperator [0,5) "a < b" -> "a <= b" @1:1-1:6',
      'EqualityOperator [0,5) "a < b" -> "a >= b" @1:1-1:6',
      'EqualityOperator [7,13) "a <= b" -> "a < b" @1:8-1:14',
      'EqualityOperator [7,13) "a <= b" -> "a > b" @1:8-1:14',
      'EqualityOperator [15,20) "a > b" -> "a >= b" @1:16-1:21',
      'EqualityOperator [15,20) "a > b" -> "a <= b" @1:16-1:21',
      'EqualityOperator [22,28) "a >= b" -> "a > b" @1:23-1:29',
      'EqualityOperator [22,28) "a >= b" -> "a < b" @1:23-1:29',
      'EqualityOperator [30,36) "a == b" -> "a != b" @1:31-1:37',
      'EqualityOperator [38,44) "a != b" -> "a == b" @1:39-1:45',
      'EqualityOperator [46,53) "a === b" -> "a !== b" @1:47-1:54',
      'EqualityOperator [55,62) "a !== b" -> "a === b" @1:56-1:63',
    ]);
  });
});

describe('LogicalOperator', () => {
  it('swaps && and ||, and turns ?? into &&', () => {
    expect(mutate('a && b; a || b; a ?? b;', { only: 'LogicalOperator' })).toEqual([
      'LogicalOperator [0,6) "a && b" -> "a || b" @1:1-1:7',
      'LogicalOperator [8,14) "a || b" -> "a && b" @1:9-1:15',
      'LogicalOperator [16,22) "a ?? b" -> "a && b" @1:17-1:23',
    ]);
  });

  it('parenthesizes the || or ?? a chain keeps on its left, as Babel prints it', () => {
    expect(mutate('x = a ?? b ?? c; y = (a ?? b) ?? c; z = a || b || c; w = a && b && c;', { only: 'LogicalOperator' })).toEqual([
      'LogicalOperator [4,15) "a ?? b ?? c" -> "(a ?? b) && c" @1:5-1:16',
      'LogicalOperator [4,10) "a ?? b" -> "a && b" @1:5-1:11',
      'LogicalOperator [21,34) "(a ?? b) ?? c" -> "(a ?? b) && c" @1:22-1:35',
      'LogicalOperator [22,28) "a ?? b" -> "a && b" @1:23-1:29',
      'LogicalOperator [40,51) "a || b || c" -> "(a || b) && c" @1:41-1:52',
      'LogicalOperator [40,46) "a || b" -> "a && b" @1:41-1:47',
      'LogicalOperator [57,68) "a && b && c" -> "a && b || c" @1:58-1:69',
      'LogicalOperator [57,63) "a && b" -> "a || b" @1:58-1:64',
    ]);
  });
});

describe('MethodExpression', () => {
  it('removes or swaps well-known method calls', () => {
    expect(mutate("s.trim(); s.toLowerCase(); xs.every(f); s?.startsWith('x', 1); Math.max(a, b); d.setTime(1); d.setUTCDate(2); s.charAt(0).length; s.foo();", { only: 'MethodExpression' })).toEqual([
      'MethodExpression [0,8) "s.trim()" -> "s" @1:1-1:9',
      'MethodExpression [10,25) "s.toLowerCase()" -> "s.toUpperCase()" @1:11-1:26',
      'MethodExpression [27,38) "xs.every(f)" -> "xs.some(f)" @1:28-1:39',
      "MethodExpression [40,61) \"s?.startsWith('x', 1)\" -> \"s?.endsWith('x', 1)\" @1:41-1:62",
      'MethodExpression [63,77) "Math.max(a, b)" -> "Math.min(a, b)" @1:64-1:78',
      'MethodExpression [79,91) "d.setTime(1)" -> "d.setDate(1)" @1:80-1:92',
      'MethodExpression [93,108) "d.setUTCDate(2)" -> "d.setTime(2)" @1:94-1:109',
      'MethodExpression [110,121) "s.charAt(0)" -> "s" @1:111-1:122',
    ]);
  });
});

describe('ObjectLiteral', () => {
  it('empties non-empty object literals but not destructuring targets', () => {
    expect(mutate('x = { a: 1 }; y = {}; ({ a, b: { c } } = o);', { only: 'ObjectLiteral' })).toEqual([
      'ObjectLiteral [4,12) "{ a: 1 }" -> "{}" @1:5-1:13',
    ]);
  });
});

describe('OptionalChaining', () => {
  it('makes optional links mandatory', () => {
    expect(mutate('a?.b; a?.[0]; f?.(1);', { only: 'OptionalChaining' })).toEqual([
      'OptionalChaining [0,4) "a?.b" -> "a.b" @1:1-1:5',
      'OptionalChaining [6,12) "a?.[0]" -> "a[0]" @1:7-1:13',
      'OptionalChaining [14,20) "f?.(1)" -> "f(1)" @1:15-1:21',
    ]);
  });
  it('reports links inside a longer chain on the link itself, like StrykerJS', () => {
    expect(mutate('x = a?.b.c; y = o?.m();', { only: 'OptionalChaining' })).toEqual([
      'OptionalChaining [4,8) "a?.b" -> "a.b" @1:5-1:9',
      'OptionalChaining [16,20) "o?.m" -> "o.m" @1:17-1:21',
    ]);
  });
});

describe('Regex', () => {
  it('mutates regex literals with weapon-regex', () => {
    expect(mutate('r = /\\d+/g;', { only: 'Regex' })).toEqual([
      'Regex [4,10) "/\\\\d+/g" -> "/\\\\d/g" @1:5-1:11',
      'Regex [4,10) "/\\\\d+/g" -> "/\\\\D+/g" @1:5-1:11',
    ]);
  });
  it('mutates the pattern string of new RegExp, printed like Babel', () => {
    expect(mutate("n = new RegExp('^é', 'i');", { only: 'Regex' })).toEqual([
      "Regex [15,19) \"'^é'\" -> \"\\\"\\\\xE9\\\"\" @1:16-1:20",
    ]);
  });
});

describe('StringLiteral', () => {
  it('empties and fills strings and templates', () => {
    expect(mutate("a = 'x'; b = ''; c = `t${x}`; d = ``; e = import('./m');", { only: 'StringLiteral' })).toEqual([
      "StringLiteral [4,7) \"'x'\" -> \"\\\"\\\"\" @1:5-1:8",
      "StringLiteral [13,15) \"''\" -> \"\\\"Stryker was here!\\\"\" @1:14-1:16",
      'StringLiteral [21,28) "`t${x}`" -> "``" @1:22-1:29',
      'StringLiteral [34,36) "``" -> "`Stryker was here!`" @1:35-1:37',
      "StringLiteral [49,54) \"'./m'\" -> \"\\\"\\\"\" @1:50-1:55",
    ]);
  });
  it('leaves names, module paths and directives alone', () => {
    expect(mutate("'use strict';\nconst e = require('m');\nconst f = { 'k': 'v', ['c']: 1, 'm'() {} };\nconst g = Symbol('s');\nconst { 'p': q } = o;\nclass K { 'n' = 1; }\nexport default 'd';", { only: 'StringLiteral' })).toEqual([
      "StringLiteral [55,58) \"'v'\" -> \"\\\"\\\"\" @3:18-3:21",
    ]);
  });
  it('mutates the template of a tagged template', () => {
    expect(mutate('x = tag`a${b}`;', { only: 'StringLiteral' })).toEqual([
      'StringLiteral [7,14) "`a${b}`" -> "``" @1:8-1:15',
    ]);
  });
  it('leaves JSX attribute strings alone', () => {
    expect(mutate("const el = <div className='x' title={'y'}>text</div>;", { only: 'StringLiteral', file: 'src/view.tsx' })).toEqual([
      "StringLiteral [37,40) \"'y'\" -> \"\\\"\\\"\" @1:38-1:41",
    ]);
  });
});

describe('UnaryOperator', () => {
  it('swaps signs and removes bitwise not', () => {
    expect(mutate('a = -b; c = +d; e = ~(f | g); h = - -i; j = -+k;', { only: 'UnaryOperator' })).toEqual([
      'UnaryOperator [4,6) "-b" -> "+b" @1:5-1:7',
      'UnaryOperator [12,14) "+d" -> "-d" @1:13-1:15',
      'UnaryOperator [20,28) "~(f | g)" -> "f | g" @1:21-1:29',
      'UnaryOperator [34,38) "- -i" -> "+-i" @1:35-1:39',
      'UnaryOperator [36,38) "-i" -> "+i" @1:37-1:39',
      'UnaryOperator [44,47) "-+k" -> "+ +k" @1:45-1:48',
      'UnaryOperator [45,47) "+k" -> "-k" @1:46-1:48',
    ]);
  });
});

describe('UpdateOperator', () => {
  it('swaps increment and decrement', () => {
    expect(mutate('i++; i--; ++i; --i;', { only: 'UpdateOperator' })).toEqual([
      'UpdateOperator [0,3) "i++" -> "i--" @1:1-1:4',
      'UpdateOperator [5,8) "i--" -> "i++" @1:6-1:9',
      'UpdateOperator [10,13) "++i" -> "--i" @1:11-1:14',
      'UpdateOperator [15,18) "--i" -> "++i" @1:16-1:19',
    ]);
  });
});

