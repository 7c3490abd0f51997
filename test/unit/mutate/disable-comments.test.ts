/**
 * `// Stryker disable` / `restore` comments and their `assay-` spellings mark mutants as ignored
 * with StrykerJS's semantics; expectations checked against StrykerJS 9.5.1.
 */
import { describe, expect, it } from 'vitest';

import { mutate } from './helpers.js';

describe('disable comments', () => {
  it('next-line all ignores mutants on the next line only', () => {
    expect(mutate('// Stryker disable next-line all\nconst a = 1 + 2;\nconst b = 3 + 4;', { only: 'ArithmeticOperator' })).toEqual([
      'ArithmeticOperator [43,48) "1 + 2" -> "1 - 2" @2:11-2:16 ignored: Ignored using a comment',
      'ArithmeticOperator [60,65) "3 + 4" -> "3 - 4" @3:11-3:16',
    ]);
  });
  it('next-line with mutator names and a reason, also at the end of the previous line', () => {
    expect(mutate("const a = x; // Stryker disable next-line ArithmeticOperator,StringLiteral: not relevant\nconst b = 1 + 2 && 'x';")).toEqual([
      "ConditionalExpression [99,111) \"1 + 2 && 'x'\" -> \"true\" @2:11-2:23",
      "ConditionalExpression [99,111) \"1 + 2 && 'x'\" -> \"false\" @2:11-2:23",
      "LogicalOperator [99,111) \"1 + 2 && 'x'\" -> \"1 + 2 || 'x'\" @2:11-2:23",
      'ArithmeticOperator [99,104) "1 + 2" -> "1 - 2" @2:11-2:16 ignored: not relevant',
      "StringLiteral [108,111) \"'x'\" -> \"\\\"\\\"\" @2:20-2:23 ignored: not relevant",
    ]);
  });
  it('a region lasts until a restore for the same mutator', () => {
    expect(mutate("// Stryker disable StringLiteral,BooleanLiteral: legacy\nconst a = 's';\nconst b = true;\n// Stryker restore StringLiteral\nconst c = 't';\nconst d = false;")).toEqual([
      "StringLiteral [66,69) \"'s'\" -> \"\\\"\\\"\" @2:11-2:14 ignored: legacy",
      'BooleanLiteral [81,85) "true" -> "false" @3:11-3:15 ignored: legacy',
      "StringLiteral [130,133) \"'t'\" -> \"\\\"\\\"\" @5:11-5:14",
      'BooleanLiteral [145,150) "false" -> "true" @6:11-6:16 ignored: legacy',
    ]);
  });
  it('disable all at the top of the file ignores everything', () => {
    expect(mutate("// Stryker disable all\nimport x from 'x';\nexport const a = x + 1;\nexport const b = [x];", { only: 'ArithmeticOperator' })).toEqual([
      'ArithmeticOperator [59,64) "x + 1" -> "x - 1" @3:18-3:23 ignored: Ignored using a comment',
    ]);
  });
  it('next-line applies to the line where the following node starts', () => {
    expect(mutate('const a = f(\n  // Stryker disable next-line all\n  x > 1,\n  y > 2,\n);', { only: 'EqualityOperator' })).toEqual([
      'EqualityOperator [50,55) "x > 1" -> "x >= 1" @3:3-3:8 ignored: Ignored using a comment',
      'EqualityOperator [50,55) "x > 1" -> "x <= 1" @3:3-3:8 ignored: Ignored using a comment',
      'EqualityOperator [59,64) "y > 2" -> "y >= 2" @4:3-4:8',
      'EqualityOperator [59,64) "y > 2" -> "y <= 2" @4:3-4:8',
    ]);
  });
  it('accepts assay-disable and assay-restore', () => {
    expect(mutate('// assay-disable UpdateOperator: counters\ni++;\n// assay-restore all\nj++;', { only: 'UpdateOperator' })).toEqual([
      'UpdateOperator [42,45) "i++" -> "i--" @2:1-2:4 ignored: counters',
      'UpdateOperator [68,71) "j++" -> "j--" @4:1-4:4',
    ]);
  });
  it('comments that precede no node, or that name no mutator, have no effect', () => {
    expect(mutate('if (a) {\n  f();\n} // Stryker disable next-line all\nelse {\n  g();\n}\n// Stryker disable foo bar\nh = 1 + 2;')).toEqual([
      'ConditionalExpression [4,5) "a" -> "true" @1:5-1:6',
      'ConditionalExpression [4,5) "a" -> "false" @1:5-1:6',
      'BlockStatement [7,17) "{\\n  f();\\n}" -> "{}" @1:8-3:2 (statements)',
      'BlockStatement [56,66) "{\\n  g();\\n}" -> "{}" @4:6-6:2 (statements)',
      'ArithmeticOperator [98,103) "1 + 2" -> "1 - 2" @8:5-8:10',
    ]);
  });
});

