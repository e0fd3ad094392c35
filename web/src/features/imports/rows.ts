import type { ImportDecision, ImportKind, ImportRowResult } from '@anett/shared/schemas/import';

/** Per file line: what the user chose for the row. */
export type Decisions = Record<string, ImportDecision>;

export type RowState = 'ready' | 'error' | 'duplicate' | 'suppressed' | 'skipped';

/** The row as the commit will see it with the user's decisions (the same rules as the server's preview). */
export function rowState(row: ImportRowResult, decision: ImportDecision | undefined): RowState {
  if (decision === 'skip') return 'skipped';
  if (row.suppressed) return 'suppressed';
  if (row.errors.length > 0) return 'error';
  if (row.duplicates.length > 0 && !decision) return 'duplicate';
  return 'ready';
}

export function tally(rows: ImportRowResult[], decisions: Decisions) {
  const counts: Record<RowState, number> = { ready: 0, error: 0, duplicate: 0, suppressed: 0, skipped: 0 };
  for (const row of rows) counts[rowState(row, decisions[String(row.line)])]++;
  return { ...counts, invalid: counts.error + counts.suppressed, undecided: counts.duplicate };
}

/** The row's name as the list pages show it. */
export function rowName(kind: ImportKind, values: Record<string, string>): string {
  return kind === 'persons'
    ? [values.title, values.firstName, values.lastName].filter(Boolean).join(' ')
    : (values.name ?? '');
}

/** Second line: e-mail and organisation of a person, place and e-mail of an organisation. */
export function rowDetail(kind: ImportKind, values: Record<string, string>): string[] {
  return kind === 'persons'
    ? [values.email, values.organization].filter((v): v is string => !!v)
    : [[values.postalCode, values.city].filter(Boolean).join(' '), values.email ?? ''].filter(Boolean);
}
