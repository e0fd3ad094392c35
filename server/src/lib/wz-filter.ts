import { WZ_CODES, wzLevel } from '@anett/shared/vocab/wz2008';
import { and, gte, lt, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** The smallest string above every string starting with `s`'s stem: '29' → '2:', '29.3' → '29.4'. */
const after = (s: string) => s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);

/** [from, to) code range of a listed WZ code or section, or undefined for an unknown prefix. */
function rangeOf(prefix: string): [string, string] | undefined {
  const level = wzLevel(prefix);
  if (!level) return undefined;
  if (level !== 'section') return [prefix, after(prefix)];
  // Sections are contiguous runs of divisions: C = 10–33.
  const divisions = WZ_CODES.filter((c) => c.level === 'division' && c.section === prefix).map((c) => c.code);
  const first = divisions[0];
  const last = divisions[divisions.length - 1];
  return first && last ? [first, after(last)] : undefined;
}

/**
 * SQL condition: `column` (a WZ 2008 code as stored, e.g. '29.32') falls under one of `prefixes`, with the same
 * meaning as `wzMatchesPrefix`: '29' matches 29, 29.1 and 29.32 but not 28.x; '29.3' matches 29.32; a section letter
 * matches its own letter and every code of its divisions. Written as ranges so an index on the column can serve it.
 * Unknown prefixes match nothing; an empty list gives undefined (no condition).
 */
export function wzPrefixCondition(column: SQLWrapper, prefixes: readonly string[] | undefined): SQL | undefined {
  if (!prefixes?.length) return undefined;
  const parts: SQL[] = [];
  for (const prefix of new Set(prefixes)) {
    const range = rangeOf(prefix);
    if (!range) continue;
    const inRange = and(gte(column, range[0]), lt(column, range[1])) as SQL;
    parts.push(wzLevel(prefix) === 'section' ? (or(sql`${column} = ${prefix}`, inRange) as SQL) : inRange);
  }
  return parts.length ? (or(...parts) as SQL) : sql`0`;
}
