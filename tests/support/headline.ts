import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The questions answered from the raw rows in plain JavaScript, without the app's filter code, so that tests
 * can check the filter against an independent reading of the same question:
 * - base: live persons currently affiliated with a live organisation in Schmalkalden-Meiningen (16066) that has a
 *   WZ 29 sector (29 or 29.x)
 * - qtiNoCourse2024: base persons with an attendance (not cancelled) at an event of any QTI node starting in 2024,
 *   and none (not cancelled) at a course starting in 2024
 * - noAttendance2024: base persons without any attendance (not cancelled) at an event starting in 2024
 */
export function headlineAnswers(db: Database.Database, today = berlinToday()) {
  type Row = Record<string, unknown>;
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  const orgs = new Map(all('SELECT id, district, deleted_at FROM organizations').map((o) => [o.id, o]));
  const wz29 = new Set(
    all('SELECT organization_id, wz_code FROM organization_sectors')
      .filter((s) => s.wz_code === '29' || String(s.wz_code).startsWith('29.'))
      .map((s) => s.organization_id),
  );
  const live = new Set(all('SELECT id FROM persons WHERE deleted_at IS NULL AND erased_at IS NULL').map((p) => p.id));
  const base = new Set<unknown>();
  for (const a of all('SELECT person_id, organization_id, to_date FROM affiliations')) {
    const org = orgs.get(a.organization_id);
    const current = a.to_date === null || String(a.to_date) >= today;
    if (live.has(a.person_id) && current && org && org.deleted_at === null && org.district === '16066') {
      if (wz29.has(a.organization_id)) base.add(a.person_id);
    }
  }
  const events = new Map(all('SELECT id, kind, node_id, starts_at, deleted_at FROM events').map((e) => [e.id, e]));
  const in2024 = (e: Row) => String(e.starts_at) >= '2024-01-01' && String(e.starts_at) < '2025-01-01';
  const qti2024 = new Set<unknown>();
  const course2024 = new Set<unknown>();
  const any2024 = new Set<unknown>();
  for (const a of all('SELECT person_id, event_id, status FROM attendances')) {
    const e = events.get(a.event_id);
    if (!e || e.deleted_at !== null || a.status === 'cancelled' || !in2024(e)) continue;
    any2024.add(a.person_id);
    if (e.node_id !== null) qti2024.add(a.person_id);
    if (e.kind === 'course') course2024.add(a.person_id);
  }
  const ids = (keep: (id: unknown) => boolean) =>
    [...base]
      .filter(keep)
      .map(Number)
      .sort((x, y) => x - y);
  return {
    base: ids(() => true),
    qtiNoCourse2024: ids((id) => qti2024.has(id) && !course2024.has(id)),
    noAttendance2024: ids((id) => !any2024.has(id)),
    nodeIds: all('SELECT id FROM nodes').map((n) => Number(n.id)),
  };
}

/** Of the given persons, those a newsletter export contains: an e-mail, the latest newsletter entry a grant, not on the
 * suppression list (hash of the trimmed, lower-cased address). */
export function newsletterRecipients(db: Database.Database, personIds: number[]) {
  const suppressed = new Set(
    (db.prepare('SELECT email_hash FROM suppressions').all() as { email_hash: string }[]).map((r) => r.email_hash),
  );
  return personIds.filter((id) => {
    const p = db.prepare('SELECT email FROM persons WHERE id = ?').get(id) as { email: string | null };
    if (!p.email?.trim()) return false;
    const latest = db
      .prepare(
        "SELECT status FROM consents WHERE person_id = ? AND channel = 'email_newsletter' ORDER BY recorded_at DESC, id DESC LIMIT 1",
      )
      .get(id) as { status: string } | undefined;
    const hash = createHash('sha256').update(p.email.trim().toLowerCase()).digest('hex');
    return latest?.status === 'granted' && !suppressed.has(hash);
  });
}

function berlinToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}
