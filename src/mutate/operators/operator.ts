/**
 * The contract every mutation operator implements: given a node, yield the mutations StrykerJS's
 * mutator of the same name would make on it.
 */
import type { ts } from 'ts-morph';

import type { MutatorName, Placement } from '../../model.js';

export interface Mutation {
  /** The node StrykerJS reports the mutant on: its location and disable-comment line. */
  node: ts.Node;
  /** Code that replaces the replaced range (by default the node's own text). */
  replacement: string;
  /** Set when the replaced code is not the node's own text, e.g. a switch case's statements. */
  range?: { start: number; end: number };
  placement: Placement;
}

export interface OperatorContext {
  tree: ts.SourceFile;
  /** Source text of a node, without leading trivia. */
  textOf(node: ts.Node): string;
}

export interface Operator {
  name: MutatorName;
  mutate(node: ts.Node, context: OperatorContext): Iterable<Mutation>;
}

/** A mutation replacing an expression node. */
export function expressionMutation(node: ts.Node, replacement: string): Mutation {
  return { node, replacement, placement: 'expression' };
}
