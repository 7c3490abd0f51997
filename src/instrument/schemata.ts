/**
 * Writes the mutant schemata in one pass over the file: placements sharing a site are stacked
 * into one conditional, and sites nested inside another site's range are written inside its
 * original branch. Output pieces are collected in an array and joined once.
 */
import type { Placement } from '../model.js';
import type { Insert } from './module-constants.js';
import type { Placed } from './placement.js';

interface Group {
  kind: Placement;
  start: number;
  end: number;
  members: Placed[];
}

export interface Schemata {
  code: string;
  /** Ids of mutants whose site partly overlaps another site (not instrumented). */
  overlapping: number[];
}

/** Writes `text` with every placement switched in, and `inserts` (at offsets outside every site) written in. */
export function writeSchemata(text: string, placements: readonly Placed[], inserts: readonly Insert[] = []): Schemata {
  const { groups, overlapping } = nest(groupBySite(placements));
  const out: string[] = [];
  let next = 0;
  const pending = [...inserts].sort((a, b) => a.at - b.at);
  let nextInsert = 0;

  /** Original text [from, to), with the inserts that fall in it (one at `to` too: it is before the site starting there). */
  function copy(from: number, to: number): void {
    let at = from;
    while (nextInsert < pending.length && pending[nextInsert].at <= to) {
      const insert = pending[nextInsert++];
      out.push(text.slice(at, insert.at), insert.text);
      at = insert.at;
    }
    out.push(text.slice(at, to));
  }

  /**
   * Writes text [from, to) with the groups that lie inside it. `inExpression`: the range is the
   * original branch of an enclosing conditional, where no statement can begin, so no ASI guard.
   */
  function writeRange(from: number, to: number, inExpression: boolean): void {
    let cursor = from;
    while (next < groups.length && groups[next].start < to) {
      const group = groups[next++];
      copy(cursor, group.start);
      if (group.kind === 'expression') writeExpression(group, inExpression);
      else writeStatements(group);
      cursor = group.end;
    }
    copy(cursor, to);
  }

  function writeExpression({ start, end, members }: Group, inExpression: boolean): void {
    const [{ name, asiGuard }] = members;
    const key = name === undefined ? undefined : JSON.stringify(name);
    out.push(asiGuard && !inExpression ? ';(' : '(');
    for (const { id, code } of members) {
      out.push(`__assay.on(${id}) ? (`, key === undefined ? code : `{ ${key}: (${code}) }[${key}]`, ') : ');
    }
    out.push(`(__assay.cov(${ids(members)}), `);
    if (key !== undefined) out.push(`{ ${key}: (`);
    writeRange(start, end, true);
    if (key !== undefined) out.push(`) }[${key}]`);
    out.push('))');
  }

  function writeStatements({ start, end, members }: Group): void {
    out.push(`{ __assay.cov(${ids(members)}); `);
    members.forEach(({ id, code }, index) => {
      out.push(index === 0 ? 'if' : ' else if', ` (__assay.on(${id})) { `, code, ' }');
    });
    out.push(' else { ');
    writeRange(start, end, false);
    out.push(' } }');
  }

  writeRange(0, text.length, false);
  return { code: out.join(''), overlapping };
}

function ids(members: readonly Placed[]): string {
  return members.map((m) => m.id).join(', ');
}

/** Groups placements by site, ordered outermost first: start ascending, end descending, statements before expressions. */
function groupBySite(placements: readonly Placed[]): Group[] {
  const bySite = new Map<string, Group>();
  for (const placed of placements) {
    const key = `${placed.kind} ${placed.start} ${placed.end}`;
    const group = bySite.get(key);
    if (group === undefined) bySite.set(key, { kind: placed.kind, start: placed.start, end: placed.end, members: [placed] });
    else group.members.push(placed);
  }
  return [...bySite.values()].sort(
    (a, b) => a.start - b.start || b.end - a.end || (a.kind === b.kind ? 0 : a.kind === 'statements' ? -1 : 1),
  );
}

/** Drops groups that overlap an earlier group without nesting in it. */
function nest(sorted: readonly Group[]): { groups: Group[]; overlapping: number[] } {
  const groups: Group[] = [];
  const overlapping: number[] = [];
  const open: Group[] = [];
  for (const group of sorted) {
    while (open.length > 0 && open[open.length - 1].end <= group.start) open.pop();
    if (open.length > 0 && group.end > open[open.length - 1].end) {
      overlapping.push(...group.members.map((m) => m.id));
    } else {
      open.push(group);
      groups.push(group);
    }
  }
  return { groups, overlapping };
}
