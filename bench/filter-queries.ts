/**
 * `tsx bench/filter-queries.ts [--db data/bench.sqlite] [--json '<extra queries>']`: times person-filter questions
 * in-process (median of 30 interleaved runs after 5 warm-ups) on the large profile, parsing each query string through the same
 * schema as GET /api/persons. For before/after figures of a filter change; not part of the test suite.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '@anett/db/client';
import type { Config } from '@anett/server/config';
import { createContext } from '@anett/server/context';
import { personListQuery } from '@anett/shared/schemas/person';

const { values: args } = parseArgs({
  options: { db: { type: 'string', default: 'data/bench.sqlite' }, runs: { type: 'string', default: '30' } },
});

const QUESTIONS: Record<string, string> = {
  'headline (flat): events 2024 × WZ 29 × district':
    'attendedFrom=2024-01-01&attendedTo=2024-12-31&attendanceStatus=attended&sector=29&district=16066',
  'flat kinds excluded': 'sector=29&district=16066&excludeEventKind=course',
  'no district: events 2024 × WZ 29': 'attendedFrom=2024-01-01&attendedTo=2024-12-31&sector=29',
  'QTI event 2024 × WZ 29 × district, no course 2024 (groups)':
    'sector=29&district=16066&attended={"nodeId":[1,2,3,4,5],"from":"2024-01-01","to":"2024-12-31"}&notAttended={"eventKind":["course"],"from":"2024-01-01","to":"2024-12-31"}',
  'no attendance 2024 × WZ 29 × district (groups)':
    'sector=29&district=16066&notAttended={"from":"2024-01-01","to":"2024-12-31"}',
  'QTI event 2024, no course 2024, WZ 29 only (groups)':
    'sector=29&attended={"nodeId":[1,2,3,4,5],"from":"2024-01-01","to":"2024-12-31"}&notAttended={"eventKind":["course"],"from":"2024-01-01","to":"2024-12-31"}',
  'affiliated with node 1 (affiliatedNodeId)': 'affiliatedNodeId=1',
  'legacy nodeId=1': 'nodeId=1',
};

const db = openDatabase(args.db ?? 'data/bench.sqlite');
const ctx = createContext(db, { databasePath: args.db } as Config);
type Query = Parameters<typeof ctx.persons.list>[0];
const queries: { name: string; query: Query; times: number[]; total: number }[] = [];
for (const [name, qs] of Object.entries(QUESTIONS)) {
  const raw: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(qs)) raw[k] = k in raw ? [raw[k] as string, v].flat() : v;
  const parsed = personListQuery.safeParse(raw);
  if (!parsed.success) console.log(`${name.padEnd(62)} not accepted: ${parsed.error.issues[0]?.message}`);
  else queries.push({ name, query: parsed.data as Query, times: [], total: 0 });
}
// Interleaved rounds, so that load from other processes on the machine hits every query alike.
for (let round = -5; round < Number(args.runs); round++) {
  for (const q of queries) {
    const t = performance.now();
    q.total = ctx.persons.list(q.query).total;
    if (round >= 0) q.times.push(performance.now() - t);
  }
}
for (const q of queries) {
  q.times.sort((a, b) => a - b);
  const median = Math.round((q.times[Math.floor(q.times.length / 2)] ?? 0) * 100) / 100;
  console.log(`${q.name.padEnd(62)} ${String(median).padStart(8)} ms  ${q.total} persons`);
}
