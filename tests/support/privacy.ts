import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { createEvent, createEventSession, createOrganization, createTag } from './factories.ts';

/** A marker only the person's notes contain: found nowhere after the erasure. */
export const NOTES_MARKER = 'Vormittagsanrufe-QX7';

/**
 * A person used everywhere, through the API where there is one: affiliation, office, tag, consent with evidence,
 * an additional (private) e-mail address,
 * event attendance with a note, a course session, an interaction naming them, a change, an export found by name.
 */
export async function personEverywhere(
  t: TestApp,
  token: string,
  name = { firstName: 'Xaverine', lastName: 'Quendelbrück' },
) {
  const email = `${name.firstName.toLowerCase()}.quendelbrueck@example.org`;
  const org = createOrganization(t.db, {
    name: 'Zulieferer Zella-Mehlis GmbH',
    street: 'Talstraße 5',
    postalCode: '98544',
    city: 'Zella-Mehlis',
  });
  const tag = createTag(t.db, { name: 'Wasserstoff-Pilot' });
  const created = await t.post(token, '/api/persons', {
    salutation: 'frau',
    title: 'Dr.',
    ...name,
    email,
    phone: '03682 4711',
    mobile: '0171 4711',
    notes: `${name.firstName} ${name.lastName} bevorzugt ${NOTES_MARKER}`,
    tagIds: [tag.id],
    affiliations: [{ organizationId: org.id, function: `Assistenz von ${name.lastName}`, isPrimary: true }],
    offices: [{ title: 'Beigeordnete', jurisdiction: 'Stadt Zella-Mehlis' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const person = created.json();
  const ok = async (res: Promise<{ statusCode: number; body: string }>, status = 201) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r;
  };
  await ok(
    t.post(token, `/api/persons/${person.id}/consents`, {
      channel: 'email_newsletter',
      status: 'granted',
      source: 'web_form',
      evidence: `Formular von ${name.firstName} ${name.lastName}, ${email}`,
    }),
  );
  const event = createEvent(t.db, {
    title: 'Lehrgang Wasserstoff',
    kind: 'course',
    startsAt: '2024-06-01T07:00:00.000Z',
  });
  const session = createEventSession(t.db, { eventId: event.id });
  await ok(
    t.post(token, `/api/events/${event.id}/attendances`, {
      personId: person.id,
      status: 'registered',
      note: `${name.lastName} kommt später`,
    }),
  );
  await ok(
    t.as(token, {
      method: 'PUT',
      url: `/api/events/${event.id}/sessions/${session.id}/attendance`,
      payload: { personIds: [person.id] },
    }),
    200,
  );
  await ok(
    t.post(token, '/api/interactions', {
      kind: 'call',
      subject: `Rückruf ${name.lastName}`,
      summary: `Telefonat mit ${name.firstName} ${name.lastName} (${email}) über den Lehrgang`,
      personIds: [person.id],
    }),
  );
  await ok(t.patch(token, `/api/persons/${person.id}`, { phone: '03682 4712' }, `"${person.version}"`), 200);
  await ok(
    t.post(token, `/api/persons/${person.id}/contact-points`, {
      kind: 'email',
      value: `privat.${email}`,
      label: 'privat',
    }),
  );
  await ok(
    t.as(token, {
      method: 'GET',
      url: `/api/exports/persons.csv?q=${encodeURIComponent(`${name.firstName} ${name.lastName}`)}`,
    }),
    200,
  );
  // A registration of the person from the public page (as a confirmed double opt-in leaves it).
  t.db.$client
    .prepare(
      `INSERT INTO registration_requests (event_id, status, email, first_name, last_name, organization, ip_hash,
         requested_at, expires_at, confirmed_at, person_id, outcome)
       VALUES (?, 'confirmed', ?, ?, ?, 'Zulieferer Zella-Mehlis GmbH', 'abc', ?, ?, ?, ?, 'registered')`,
    )
    .run(
      event.id,
      email,
      name.firstName,
      name.lastName,
      '2024-05-01T08:00:00.000Z',
      '2024-05-03T08:00:00.000Z',
      '2024-05-01T08:05:00.000Z',
      person.id,
    );
  return { person, email, org, event };
}
