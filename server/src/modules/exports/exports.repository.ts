import { type Db, EMAIL_HASH_SQL, openDatabase } from '@anett/db/client';
import {
  affiliations,
  consents,
  offices,
  organizations,
  type PersonRow,
  personContactPoints,
  persons,
  suppressions,
} from '@anett/db/schema';
import { EXPORT_EXCLUSIONS, type ExportChannel, type ExportExclusion } from '@anett/shared/schemas/export';
import type { PersonFilter } from '@anett/shared/schemas/person';
import { type SQL, sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { berlinToday } from '../../lib/time.ts';
import { isCurrent, personWhere } from '../persons/person-filter.ts';

/** The export population: the person filter, the channel and whether a stated purpose replaces the consent. */
export type ExportSelection = { filter: PersonFilter; channel: ExportChannel; purpose?: string | undefined };

type ExcludedRow = Pick<ExportRow, 'id' | 'title' | 'firstName' | 'lastName' | 'email' | 'organization'> & {
  reason: ExportExclusion;
};

/** One person as the export files need it. */
export type ExportRow = Pick<
  PersonRow,
  'id' | 'salutation' | 'title' | 'firstName' | 'lastName' | 'email' | 'phone' | 'mobile'
> & {
  organization: string | null;
  function: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  /** Title of a current office ('Landrätin'), used in the letter salutation. */
  office: string | null;
  /** Of the person record, for the vCard's stable UID. */
  createdAt: string;
  /** The latest change of the person, their affiliation or organisation: the vCard's REV. */
  updatedAt: string;
  /** Additional e-mail addresses and phone numbers (read for the vCard only; the mailing address is `email`). */
  contactPoints?: { kind: 'email' | 'phone' | 'mobile'; value: string }[];
};
type Raw = [number, ExportRow['salutation'], ...(string | null)[]];
const toRow = (r: Raw): ExportRow => ({
  id: r[0],
  salutation: r[1],
  title: r[2] ?? null,
  firstName: r[3] ?? '',
  lastName: r[4] ?? '',
  email: r[5] ?? null,
  phone: r[6] ?? null,
  mobile: r[7] ?? null,
  organization: r[8] ?? null,
  function: r[9] ?? null,
  street: r[10] ?? null,
  postalCode: r[11] ?? null,
  city: r[12] ?? null,
  office: r[13] ?? null,
  createdAt: r[14] ?? '',
  updatedAt: r[15] ?? '',
  // r[16] is the exclusion reason (NULL for exported rows), r[17] the sort key.
  ...(r.length > 18 ? { contactPoints: r[18] ? JSON.parse(r[18]) : [] } : {}),
});

const dialect = new SQLiteSyncDialect();
const blank = (column: SQL) => sql`coalesce(${column}, '') = ''`;

/**
 * The one query behind the preview and the files: every person matching the filter with their current
 * organisation (primary, else the latest current affiliation — as the person list shows it), current office, and
 * `reason`, the first rule that excludes them (NULL: exported). The preview groups it by reason, the file reads the
 * NULL ones, so both always agree. The columns are selected in the order of `toRow` (then reason and sort key).
 */
function populationSql({ filter, channel, purpose }: ExportSelection, today: string): SQL {
  const currentAffiliation = sql`(SELECT a2.id FROM ${affiliations} a2
      JOIN ${organizations} o2 ON o2.id = a2.organization_id
      WHERE a2.person_id = ${persons.id} AND ${isCurrent(sql`a2.to_date`, today)} AND o2.deleted_at IS NULL
      ORDER BY a2.is_primary DESC, coalesce(a2.from_date, '') DESC, a2.id DESC LIMIT 1)`;
  const currentOffice = sql`(SELECT f.title FROM ${offices} f
      WHERE f.person_id = ${persons.id} AND ${isCurrent(sql`f.to_date`, today)}
        AND (f.from_date IS NULL OR f.from_date <= ${today})
      ORDER BY coalesce(f.from_date, '') DESC, f.id DESC LIMIT 1)`;
  // The latest entry by recording time, the same rule as the person filter's `consent`.
  const consentStatus = sql`(SELECT c.status FROM ${consents} c
      WHERE c.person_id = ${persons.id} AND c.channel = ${channel}
      ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1)`;
  // The uncorrelated guard is evaluated once: with an empty list no address is hashed.
  const suppressed = sql`(EXISTS (SELECT 1 FROM ${suppressions}) AND NOT ${blank(sql`${persons.email}`)}
      AND EXISTS (SELECT 1 FROM ${suppressions} s WHERE s.email_hash = ${sql.raw(EMAIL_HASH_SQL)}(${persons.email})))`;
  const missing: Record<ExportChannel, { reason: ExportExclusion; when: SQL }> = {
    email_newsletter: { reason: 'noEmail', when: blank(sql`${persons.email}`) },
    post: {
      reason: 'noAddress',
      when: sql`(${blank(sql`o.street`)} OR ${blank(sql`o.postal_code`)} OR ${blank(sql`o.city`)})`,
    },
    phone: { reason: 'noPhone', when: sql`(${blank(sql`${persons.phone}`)} AND ${blank(sql`${persons.mobile}`)})` },
  };
  const { reason: missingReason, when: missingWhen } = missing[channel];
  return sql`SELECT ${persons.id}, ${persons.salutation}, ${persons.title}, ${persons.firstName}, ${persons.lastName},
      ${persons.email}, ${persons.phone}, ${persons.mobile}, o.name, a.function, o.street, o.postal_code, o.city,
      ${currentOffice}, ${persons.createdAt},
      max(${persons.updatedAt}, coalesce(a.updated_at, ''), coalesce(o.updated_at, '')),
      CASE
        WHEN ${suppressed} THEN 'suppressed'
        WHEN ${consentStatus} = 'withdrawn' THEN 'withdrawn'
        WHEN ${missingWhen} THEN ${missingReason}
        ${purpose ? sql`` : sql`WHEN ${consentStatus} IS NULL THEN 'noConsent'`}
      END AS reason,
      ${persons.sortKey} AS sort_key
    FROM ${persons}
    LEFT JOIN ${affiliations} a ON a.id = ${currentAffiliation}
    LEFT JOIN ${organizations} o ON o.id = a.organization_id
    WHERE ${personWhere({ ...filter, deleted: undefined }, today)}`;
}

export function createExportsRepository(db: Db) {
  /**
   * A second, read-only connection for one export: an open iterator makes its connection refuse writes, so streaming
   * on the main connection would block every other request until the download ends. WAL lets it read a consistent
   * snapshot while the main connection keeps writing.
   */
  const openReader = () => {
    if (db.$client.memory) return { connection: db.$client, close: () => {} };
    const reader = openDatabase(db.$client.name, { readonly: true });
    return { connection: reader.$client, close: () => reader.$client.close() };
  };

  return {
    /** How many persons match, by exclusion reason (`null`: exported). */
    counts(selection: ExportSelection): Map<ExportExclusion | null, number> {
      const rows = db.all<{ reason: ExportExclusion | null; n: number }>(
        sql`SELECT reason, count(*) AS n FROM (${populationSql(selection, berlinToday())}) GROUP BY reason`,
      );
      return new Map(rows.map((r) => [r.reason, r.n]));
    },

    /** The persons left out with their reason, in the order of the rules, then by name. */
    excluded(selection: ExportSelection, { limit, offset }: { limit: number; offset: number }) {
      const where = sql`x.reason IS NOT NULL`;
      const population = sql`(${populationSql(selection, berlinToday())}) x`;
      const order = sql.raw(EXPORT_EXCLUSIONS.map((r, i) => `WHEN '${r}' THEN ${i}`).join(' '));
      const rows = db.all<ExcludedRow>(
        sql`SELECT x.id, x.title, x.first_name AS firstName, x.last_name AS lastName, x.email, x.name AS organization,
            x.reason
          FROM ${population} JOIN ${persons} p ON p.id = x.id
          WHERE ${where} ORDER BY CASE x.reason ${order} END, p.sort_key, p.id LIMIT ${limit} OFFSET ${offset}`,
      );
      const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${population} WHERE ${where}`)?.n ?? 0;
      return { rows, total };
    },

    /**
     * The exported persons in name order (as the person list sorts them), read one by one from a snapshot; the
     * connection closes when iteration ends. The population is read in id order (walking the name index reads
     * persons, affiliations and consents in random order, 2.5× slower) and SQLite's sorter orders the result rows.
     */
    *rows(selection: ExportSelection, opts: { contactPoints?: boolean } = {}): Generator<ExportRow> {
      const extra = opts.contactPoints
        ? sql`, (SELECT json_group_array(json_object('kind', c.kind, 'value', c.value)) FROM ${personContactPoints} c
            WHERE c.person_id = pop.id)`
        : sql``;
      // Ordered inside and limited, the population runs as a co-routine: the exclusion rules are evaluated once per
      // person and nothing is sorted in memory.
      const query = dialect.sqlToQuery(
        sql`SELECT *${extra} FROM (${populationSql(selection, berlinToday())} ORDER BY ${persons.id} LIMIT -1) AS pop
          WHERE reason IS NULL ORDER BY sort_key, id`,
      );
      const reader = openReader();
      try {
        const statement = reader.connection.prepare(query.sql).raw(true);
        for (const raw of statement.iterate(...query.params)) yield toRow(raw as Raw);
      } finally {
        reader.close();
      }
    },
  };
}
export type ExportsRepository = ReturnType<typeof createExportsRepository>;
