import {
  attendances,
  auditEntries,
  consents,
  eventSessions,
  events,
  eventTopics,
  interactionOrganizations,
  interactionPersons,
  interactions,
  interactionTopics,
  sessionAttendances,
} from '@anett/db/schema';
import type { AttendanceRole, AttendanceStatus, InteractionKind, OrganizationKind } from '@anett/shared/vocab/enums';
import { EVENTS, type EventSeed, INTERACTION_TEMPLATES, type NodeKey } from './demo-data.ts';
import {
  addDays,
  berlinIso,
  DEMO_TODAY,
  type DemoOrg,
  type DemoPerson,
  type DemoState,
  displayName,
  orgAt,
  randomDate,
  tagPerson,
} from './demo-model.ts';

/** Events with their attendance, the contact log and the consent ledger of the demo data set. */

interface Draft {
  person: DemoPerson;
  status: AttendanceStatus;
  role: AttendanceRole;
  note?: string;
  waitlistedAt?: string;
  /** Moved up from the waiting list: attends from the second session. */
  lateStart?: boolean;
}

interface SeededEvent {
  id: number;
  seed: EventSeed;
  past: boolean;
  topics: readonly string[];
  drafts: Draft[];
}

const EVENT_CONSENT_LEGAL_BASIS = 'Einwilligung Art. 6 Abs. 1 lit. a DSGVO';

export function seedActivity(state: DemoState) {
  const seeded = seedEvents(state);
  const interactionCount = seedInteractions(state, seeded);
  const consentCount = seedConsents(state, seeded);
  return {
    events: seeded.length,
    attendances: seeded.reduce((sum, e) => sum + e.drafts.length, 0),
    interactions: interactionCount,
    consents: consentCount,
  };
}

const chunked = <T>(rows: T[], write: (part: T[]) => void) => {
  for (let i = 0; i < rows.length; i += 200) write(rows.slice(i, i + 200));
};

// ---------------------------------------------------------------------------------------------------------------
// Events

function seedEvents(state: DemoState): SeededEvent[] {
  const { tx } = state;
  const out: SeededEvent[] = [];
  let hydrogenWaitlist: DemoPerson[] = [];
  let hydrogenInterested: DemoPerson[] = [];
  for (const seed of EVENTS) {
    const node = seed.node ? state.nodes.get(seed.node) : undefined;
    const sessionDates = seed.sessions
      ? Array.from({ length: seed.sessions.count }, (_, i) => addDays(seed.date, i * (seed.sessions?.everyDays ?? 7)))
      : [seed.date];
    const lastDate = sessionDates[sessionDates.length - 1] ?? seed.date;
    const { id } = tx
      .insert(events)
      .values({
        title: seed.title,
        kind: seed.kind,
        nodeId: node?.id ?? null,
        startsAt: berlinIso(seed.date, seed.start),
        endsAt: berlinIso(lastDate, seed.end),
        location: seed.location ?? node?.seed.location ?? null,
        capacity: seed.capacity ?? null,
        description: seed.description,
        publicRegistration: seed.publicSlug !== undefined,
        publicSlug: seed.publicSlug ?? null,
      })
      .returning({ id: events.id })
      .get();
    const topicIds = seed.topics.map((slug) => state.topicIds.get(slug)).filter((t): t is number => t !== undefined);
    if (topicIds.length > 0)
      tx.insert(eventTopics)
        .values(topicIds.map((topicId) => ({ eventId: id, topicId })))
        .run();

    const cast = createCast(state, seed);
    switch (seed.key) {
      case 'openingRohr':
        castRohrOpening(state, cast);
        break;
      case 'courseComponents':
      case 'courseIndustry40':
        castPilotCourse(state, cast, seed);
        break;
      case 'courseHydrogen': {
        const result = castHydrogenCourse(state, cast);
        hydrogenWaitlist = result.waitlist;
        hydrogenInterested = result.interested;
        break;
      }
      case 'courseHydrogen2':
        castHydrogenRerun(state, cast, hydrogenWaitlist, hydrogenInterested);
        break;
      default:
        castGeneric(state, cast, seed);
    }
    const event: SeededEvent = { id, seed, past: seed.date < DEMO_TODAY, topics: seed.topics, drafts: cast.drafts };
    writeAttendances(state, event);
    if (seed.sessions) writeSessions(state, event, sessionDates);
    out.push(event);
  }
  return out;
}

type Cast = ReturnType<typeof createCast>;

function createCast(state: DemoState, seed: EventSeed) {
  const { rnd } = state;
  const past = seed.date < DEMO_TODAY;
  const taken = new Set<number>();
  const drafts: Draft[] = [];
  const add = (
    person: DemoPerson | undefined,
    status: AttendanceStatus,
    role: AttendanceRole = 'guest',
    extra: Partial<Draft> = {},
  ) => {
    if (!person || taken.has(person.id)) return false;
    taken.add(person.id);
    drafts.push({ person, status, role, ...extra });
    return true;
  };
  /** Persons free for this event, those of the event's node region first (about four in five). */
  const pool = (accept: (org: DemoOrg) => boolean = () => true, node: NodeKey | null = seed.node) => {
    const regional: DemoPerson[] = [];
    const other: DemoPerson[] = [];
    for (const p of state.persons) {
      if (taken.has(p.id) || state.consortiumStaff.includes(p)) continue;
      const org = orgAt(p, seed.date);
      if (!accept(org)) continue;
      (node && org.node === node ? regional : other).push(p);
    }
    const r = rnd.shuffle(regional);
    const o = rnd.shuffle(other);
    const out: DemoPerson[] = [];
    let ri = 0;
    let oi = 0;
    while (ri < r.length || oi < o.length) {
      if (ri < r.length && (oi >= o.length || rnd.chance(0.8))) out.push(r[ri++]!);
      else out.push(o[oi++]!);
    }
    return out;
  };
  const first = (accept: (org: DemoOrg, person: DemoPerson) => boolean, node: NodeKey | null = seed.node) =>
    pool(() => true, node).find((p) => accept(orgAt(p, seed.date), p));
  const done: AttendanceStatus = past ? 'attended' : 'registered';
  /** Statuses for n guests in realistic shares (drawn as quotas, so no event ends up with only one status). */
  const guestStatuses = (n: number): AttendanceStatus[] => {
    const share = (min: number, max: number) => Math.max(1, Math.round((n * rnd.int(min, max)) / 100));
    const [a, b] = past ? [share(5, 13), share(5, 12)] : [share(8, 16), share(3, 8)];
    const rest = Math.max(0, n - a - b);
    const statuses: AttendanceStatus[] = past
      ? [...Array(a).fill('no_show'), ...Array(b).fill('cancelled'), ...Array(rest).fill('attended')]
      : [...Array(a).fill('interested'), ...Array(b).fill('cancelled'), ...Array(rest).fill('registered')];
    return rnd.shuffle(statuses).slice(0, n);
  };
  return { seed, past, drafts, add, pool, first, done, guestStatuses };
}

const isKind =
  (...kinds: OrganizationKind[]) =>
  (org: DemoOrg) =>
    kinds.includes(org.kind);
const fnOf = (person: DemoPerson, date: string) =>
  person.affiliations.find((a) => a.from <= date && (a.to === null || a.to >= date))?.fn ?? '';

function castGeneric(state: DemoState, cast: Cast, seed: EventSeed) {
  const { rnd, cast: people } = state;
  const node = seed.node ? state.nodes.get(seed.node) : undefined;
  cast.add(rnd.pick(state.consortiumStaff), cast.done, 'organiser');
  if (node) cast.add(node.manager, cast.done, 'organiser');
  const mayors: Partial<Record<NodeKey, DemoPerson>> = {
    gotha: people.mayorGotha,
    eisenach: people.mayorEisenach,
    soemmerda: people.mayorSoemmerda,
    weberstedt: people.mayorLangensalza,
    rohr: people.mayorRohr,
  };
  const expert = () => cast.first(isKind('university', 'research'));
  const press = () => cast.first(isKind('other'), null);
  switch (seed.kind) {
    case 'opening':
      cast.add(people.legDirector, cast.done, 'speaker', { note: 'Begrüßung' });
      if (seed.node) cast.add(mayors[seed.node], cast.done, 'speaker', { note: 'Grußwort' });
      cast.add(people.legProjectLead, cast.done, 'moderator');
      cast.add(press(), cast.done, 'press');
      break;
    case 'panel':
      cast.add(
        cast.first((org, p) => org.kind === 'company' && /Geschäftsführ/.test(fnOf(p, seed.date))),
        cast.done,
        'panelist',
      );
      cast.add(
        cast.first((org, p) => org.kind === 'university' && /Professor/.test(fnOf(p, seed.date))),
        cast.done,
        'panelist',
      );
      cast.add(rnd.pick(state.parliamentarians.slice(0, 3)), cast.done, 'panelist');
      cast.add(cast.first(isKind('chamber')), cast.done, 'panelist');
      cast.add(people.legProjectLead, cast.done, 'moderator');
      cast.add(press(), cast.done, 'press');
      break;
    case 'workshop':
      cast.add(expert(), cast.done, 'speaker');
      if (rnd.chance(0.5)) cast.add(cast.first(isKind('company')), cast.done, 'speaker', { note: 'Praxisbericht' });
      break;
    case 'network_meeting':
      cast.add(cast.first(isKind('company')), cast.done, 'speaker', { note: 'Impulsvortrag' });
      break;
    case 'webinar':
      cast.add(cast.first(isKind('university', 'research', 'economic_development'), null), cast.done, 'speaker');
      cast.add(rnd.pick(state.consortiumStaff), cast.done, 'moderator');
      break;
    case 'other':
      cast.add(people.legDirector, cast.done, 'speaker', { note: 'Eröffnung' });
      cast.add(people.ministryOfficial, cast.done, 'speaker', { note: 'Grußwort des Landes' });
      cast.add(expert(), cast.done, 'speaker', { note: 'Keynote' });
      cast.add(people.legProjectLead, cast.done, 'moderator');
      break;
    default:
      break;
  }
  let confirmed = cast.drafts.length;
  let waiting = 0;
  const guests = cast.pool().slice(0, seed.guests);
  const statuses = cast.guestStatuses(guests.length);
  for (const [i, person] of guests.entries()) {
    let status = statuses[i] ?? 'registered';
    if (!cast.past && status === 'registered' && seed.capacity && confirmed >= seed.capacity) status = 'waitlisted';
    if (status === 'registered' || status === 'attended') confirmed++;
    if (status === 'waitlisted') {
      cast.add(person, status, 'guest', { waitlistedAt: berlinIso(addDays(seed.date, -14 + waiting++), '09:30') });
    } else {
      cast.add(person, status);
    }
  }
}

function castRohrOpening(state: DemoState, cast: Cast) {
  const { cast: people, rnd } = state;
  const at = (key: string) => state.persons.filter((p) => orgAt(p, cast.seed.date).key === key);
  const byName = (prefix: string) => state.persons.filter((p) => orgAt(p, cast.seed.date).name.startsWith(prefix));
  cast.add(people.landraetin, 'attended', 'speaker', { note: 'Grußwort' });
  cast.add(people.hwkPresident, 'attended', 'speaker', { note: 'Grußwort' });
  cast.add(people.ministryOfficial, 'attended', 'panelist', { note: 'Gesprächsrunde' });
  cast.add(people.hydrogenExpert, 'attended', 'panelist', { note: 'Gesprächsrunde' });
  cast.add(people.formerCfo, 'attended', 'panelist', { note: 'Gesprächsrunde' });
  cast.add(people.legProjectLead, 'attended', 'moderator', { note: 'Moderation der Gesprächsrunde' });
  cast.add(people.legDirector, 'attended', 'organiser', { note: 'Begrüßung und Vorstellung von ANeTT' });
  cast.add(people.ihkCoordinator, 'attended', 'organiser', { note: 'Bericht zu den Pilotlehrgängen' });
  cast.add(state.nodes.get('rohr')?.manager, 'attended', 'organiser');
  for (const p of at('btzRohr').slice(0, 2)) cast.add(p, 'attended', 'organiser');
  for (const p of at('press1')) cast.add(p, 'attended', 'press');
  // Politics, universities, training, employment agency: the breadth the press release describes.
  const invited = [
    people.mayorRohr,
    ...state.parliamentarians.slice(0, 2),
    ...at('aaSuhl'),
    ...byName('Hochschule Schmalkalden').slice(0, 2),
    ...byName('Regionalmanagement Schmalkalden-Meiningen'),
    ...byName('Industrie- und Handelskammer Südthüringen').slice(0, 1),
    ...byName('Bildungszentrum Schmalkalden-Meiningen'),
    ...byName('Technikum Suhl'),
    ...byName('Stadtwerke Meiningen').slice(0, 1),
    ...byName('Unternehmerverband Südthüringen').slice(0, 1),
    ...at('tuIlmenau').slice(0, 1),
  ];
  let guests = 0;
  for (const p of invited) if (cast.add(p, 'attended')) guests++;
  const companies = cast.pool(isKind('company'));
  for (const p of companies) {
    if (guests >= 62) break;
    if (cast.add(p, 'attended')) guests++;
  }
  for (const p of cast.pool(isKind('company')).slice(0, 7)) {
    cast.add(p, rnd.chance(0.5) ? 'no_show' : 'cancelled');
  }
}

function castPilotCourse(state: DemoState, cast: Cast, seed: EventSeed) {
  const { rnd, cast: people } = state;
  const capacity = seed.capacity ?? 15;
  cast.add(people.ihkCoordinator, 'attended', 'organiser', { note: 'Konzeption und Koordination (IHK Erfurt)' });
  cast.add(cast.first(isKind('education')), 'attended', 'trainer');
  cast.add(cast.first(isKind('university')), 'attended', 'trainer');
  const participants = cast.pool(isKind('company'));
  const cohort = participants.slice(0, capacity);
  const cancelled = new Set(rnd.shuffle(cohort).slice(0, 2));
  const noShow = cohort.find((p) => !cancelled.has(p));
  for (const p of cohort) {
    if (cancelled.has(p)) cast.add(p, 'cancelled', 'guest', { note: 'Abgesagt (Terminkonflikt)' });
    else if (p === noShow && rnd.chance(0.5)) cast.add(p, 'no_show');
    else cast.add(p, 'attended');
  }
  // Recommended by participants, three joined the waiting list; two moved up into the cancelled places.
  participants.slice(capacity, capacity + 3).forEach((p, i) => {
    const waitlistedAt = berlinIso(addDays(seed.date, -12 + i * 3), '11:00');
    if (i < 2)
      cast.add(p, 'attended', 'guest', { waitlistedAt, lateStart: true, note: 'Nachrücker (über Weiterempfehlung)' });
    else cast.add(p, 'waitlisted', 'guest', { waitlistedAt });
  });
}

const hydrogenAudience = (org: DemoOrg) =>
  (org.kind === 'company' && !org.sectors.some((s) => s === '62' || s === '85')) ||
  org.kind === 'utility' ||
  org.kind === 'authority';

function castHydrogenCourse(state: DemoState, cast: Cast) {
  const { rnd, cast: people } = state;
  cast.add(people.ihkCoordinator, 'attended', 'organiser');
  cast.add(people.hydrogenExpert, 'attended', 'trainer');
  cast.add(
    cast.first((org) => org.key === 'btzRohr'),
    'attended',
    'trainer',
  );
  const pool = cast.pool(hydrogenAudience, 'rohr');
  const ofKind = (kind: OrganizationKind, n: number, from = pool) =>
    from.filter((p) => orgAt(p, cast.seed.date).kind === kind).slice(0, n);
  // Industry, utilities and municipal administration, as the press release describes the interest.
  const cohort = rnd.shuffle([...ofKind('company', 13), ...ofKind('utility', 4), ...ofKind('authority', 3)]);
  cohort.forEach((p, i) => {
    if (i === 0) cast.add(p, 'cancelled', 'guest', { note: 'Abgesagt (Krankheit)' });
    else if (i === 1) cast.add(p, 'no_show');
    else cast.add(p, 'attended');
  });
  const rest = pool.filter((p) => !cohort.includes(p));
  const waiting = ofKind('company', 6, rest);
  waiting.forEach((p, i) => {
    const waitlistedAt = berlinIso(addDays('2024-11-15', i * 4), '10:00');
    if (i === 0) cast.add(p, 'attended', 'guest', { waitlistedAt, lateStart: true, note: 'Nachrücker' });
    else cast.add(p, 'waitlisted', 'guest', { waitlistedAt });
  });
  const undecided = rest.filter((p) => !waiting.includes(p));
  const interested = [
    ...ofKind('company', 16, undecided),
    ...ofKind('utility', 5, undecided),
    ...ofKind('authority', 6, undecided),
  ];
  for (const p of interested) {
    cast.add(p, 'interested', 'guest', { note: 'Interesse beim QTI-Knoten Rohr bekundet' });
    if (rnd.chance(0.5)) tagPerson(state, p, 'Wasserstoff-Interesse');
  }
  return { waitlist: waiting.slice(1), interested };
}

function castHydrogenRerun(state: DemoState, cast: Cast, waitlist: DemoPerson[], interested: DemoPerson[]) {
  const { cast: people } = state;
  cast.add(people.ihkCoordinator, 'registered', 'organiser');
  cast.add(people.hydrogenExpert, 'registered', 'trainer');
  // The waiting list of the first run came first, then those who had shown interest.
  let registered = 0;
  for (const p of [...waitlist, ...state.rnd.shuffle(interested), ...cast.pool(hydrogenAudience, 'rohr')]) {
    if (registered >= 20) break;
    if (
      cast.add(p, 'registered', 'guest', waitlist.includes(p) ? { note: 'Von der Warteliste des 1. Durchgangs' } : {})
    )
      registered++;
  }
  const more = cast.pool(hydrogenAudience, 'rohr');
  more.slice(0, 4).forEach((p, i) => {
    cast.add(p, 'waitlisted', 'guest', { waitlistedAt: berlinIso(addDays('2026-10-20', i * 5), '14:00') });
  });
  for (const p of more.slice(4, 19)) cast.add(p, 'interested');
}

function writeAttendances(state: DemoState, event: SeededEvent) {
  const { rnd } = state;
  const online = event.seed.location === 'online';
  const rows = event.drafts.map((d) => {
    const org = orgAt(d.person, event.seed.date);
    return {
      eventId: event.id,
      personId: d.person.id,
      status: d.status,
      role: d.role,
      organizationId: org.id,
      organizationName: org.name,
      note: d.note ?? null,
      checkedInAt:
        d.status === 'attended' && !online && !d.lateStart
          ? berlinIso(event.seed.date, event.seed.start, -rnd.int(2, 25))
          : null,
      waitlistedAt: d.waitlistedAt ?? null,
    } satisfies typeof attendances.$inferInsert;
  });
  chunked(rows, (part) => state.tx.insert(attendances).values(part).run());
}

function writeSessions(state: DemoState, event: SeededEvent, dates: string[]) {
  const { tx, rnd, topicLabels } = state;
  const { seed } = event;
  const hours = seed.sessions?.hours ?? 8;
  const modules = seed.topics.map((slug) => topicLabels.get(slug) ?? slug);
  const learners = event.drafts.filter((d) => d.role === 'guest' && d.status === 'attended');
  const rows: (typeof sessionAttendances.$inferInsert)[] = [];
  dates.forEach((date, i) => {
    const startsAt = berlinIso(date, seed.start);
    const { id } = tx
      .insert(eventSessions)
      .values({
        eventId: event.id,
        title: `Modul ${i + 1}: ${modules[i % modules.length]}`,
        startsAt,
        endsAt: berlinIso(date, seed.end),
        hours,
      })
      .returning({ id: eventSessions.id })
      .get();
    if (date >= DEMO_TODAY) return;
    for (const d of learners) {
      if (d.lateStart && i === 0) continue;
      if (rnd.chance(0.92)) rows.push({ sessionId: id, personId: d.person.id, hours, createdAt: startsAt });
    }
  });
  chunked(rows, (part) => tx.insert(sessionAttendances).values(part).run());
}

// ---------------------------------------------------------------------------------------------------------------
// Contact log

const INTERACTION_KINDS: readonly (readonly [InteractionKind, number])[] = [
  ['call', 30],
  ['email', 20],
  ['meeting', 14],
  ['visit', 12],
  ['event_conversation', 14],
  ['note', 10],
];

function seedInteractions(state: DemoState, seeded: SeededEvent[]): number {
  const { tx, rnd } = state;
  const topicSlugs = [...state.topicIds.keys()];
  const contacts = state.persons.filter((p) => !state.consortiumStaff.includes(p));
  const companyContacts = contacts.filter((p) => p.affiliations.some((a) => a.org.kind === 'company'));
  const talks = seeded
    .filter((e) => e.past)
    .flatMap((e) => e.drafts.filter((d) => d.status === 'attended').map((d) => ({ e, d })));
  const personLinks: (typeof interactionPersons.$inferInsert)[] = [];
  const orgLinks: (typeof interactionOrganizations.$inferInsert)[] = [];
  const topicLinks: (typeof interactionTopics.$inferInsert)[] = [];
  // Each contact was logged by someone: its audit entry, so that "Letzte Aktivitäten" and the record's history show it.
  const audit: (typeof auditEntries.$inferInsert)[] = [];

  type Plan = { date: string; kind: InteractionKind; followUp?: 'upcoming' | 'overdue' };
  const plans: Plan[] = [];
  for (let i = 0; i < 290; i++) {
    plans.push({
      date: weekday(randomDate(rnd, '2024-01-08', addDays(DEMO_TODAY, -1))),
      kind: rnd.weighted(INTERACTION_KINDS),
    });
  }
  // A few follow-ups are due soon and a few are overdue, so the dashboard has something to show.
  for (let i = 0; i < 6; i++)
    plans.push({
      date: weekday(randomDate(rnd, '2026-11-02', '2026-11-20')),
      kind: rnd.pick(['call', 'meeting', 'visit'] as const),
      followUp: 'upcoming',
    });
  for (let i = 0; i < 4; i++)
    plans.push({
      date: weekday(randomDate(rnd, '2026-08-03', '2026-10-16')),
      kind: rnd.pick(['call', 'email'] as const),
      followUp: 'overdue',
    });
  plans.sort((a, b) => a.date.localeCompare(b.date));

  for (const plan of plans) {
    let person: DemoPerson;
    let occurredAt: string;
    let eventId: number | null = null;
    let node: NodeKey | null;
    let topic = rnd.pick(topicSlugs);
    let date = plan.date;
    if (plan.kind === 'event_conversation' && talks.length > 0) {
      const { e, d } = rnd.pick(talks);
      person = d.person;
      date = e.seed.date;
      occurredAt = berlinIso(e.seed.date, e.seed.start, rnd.int(60, 180));
      eventId = e.id;
      node = e.seed.node;
      topic = rnd.pick(e.topics);
    } else {
      person = rnd.chance(0.65) ? rnd.pick(companyContacts) : rnd.pick(contacts);
      occurredAt = berlinIso(date, `${rnd.int(8, 16)}:${rnd.pick(['00', '15', '30', '45'])}`);
      node = null;
    }
    const org = orgAt(person, date);
    node ??= org.node;
    const template = rnd.pick(INTERACTION_TEMPLATES[plan.kind]);
    const topicLabel = state.topicLabels.get(topic) ?? topic;
    const fill = (s: string) => s.replaceAll('{org}', displayName(org)).replaceAll('{topic}', topicLabel);
    let followUpOn: string | null = null;
    let followUpDoneAt: string | null = null;
    if (plan.followUp === 'upcoming') followUpOn = randomDate(rnd, addDays(DEMO_TODAY, 2), addDays(DEMO_TODAY, 50));
    else if (plan.followUp === 'overdue') followUpOn = randomDate(rnd, addDays(plan.date, 7), addDays(DEMO_TODAY, -3));
    else if (rnd.chance(0.25)) {
      followUpOn = addDays(date, rnd.int(5, 35));
      // Most past follow-ups were done; the rest are overdue.
      if (followUpOn < DEMO_TODAY && rnd.chance(0.92)) {
        const doneOn = addDays(followUpOn, rnd.int(-3, 2));
        followUpDoneAt = berlinIso(doneOn < DEMO_TODAY ? doneOn : addDays(DEMO_TODAY, -1), '15:00');
      }
    }
    const { id } = tx
      .insert(interactions)
      .values({
        occurredAt,
        kind: plan.kind,
        subject: fill(template.subject),
        summary: fill(template.summary),
        nodeId: node ? (state.nodes.get(node)?.id ?? null) : null,
        eventId,
        followUpOn,
        followUpDoneAt,
        authorId: state.adminId,
      })
      .returning({ id: interactions.id })
      .get();
    audit.push({
      at: occurredAt,
      userId: state.adminId,
      entity: 'interaction',
      entityId: id,
      action: 'create',
      diff: { kind: [null, plan.kind], subject: [null, fill(template.subject)], occurredAt: [null, occurredAt] },
    });
    personLinks.push({ interactionId: id, personId: person.id });
    orgLinks.push({ interactionId: id, organizationId: org.id });
    if (rnd.chance(0.15)) {
      const colleague = contacts.find((p) => p !== person && orgAt(p, date) === org);
      if (colleague) personLinks.push({ interactionId: id, personId: colleague.id });
    }
    if (rnd.chance(0.08)) {
      const partner = rnd.pick(state.orgs.filter((o) => o.kind === 'university' || o.kind === 'chamber'));
      if (partner !== org) orgLinks.push({ interactionId: id, organizationId: partner.id });
    }
    const topicId = state.topicIds.get(topic);
    if (topicId !== undefined) topicLinks.push({ interactionId: id, topicId });
  }
  chunked(personLinks, (part) => tx.insert(interactionPersons).values(part).run());
  chunked(orgLinks, (part) => tx.insert(interactionOrganizations).values(part).run());
  chunked(topicLinks, (part) => tx.insert(interactionTopics).values(part).run());
  // In time order: the activity feed reads the newest entries by id.
  audit.sort((a, b) => a.at.localeCompare(b.at));
  chunked(audit, (part) => tx.insert(auditEntries).values(part).run());
  return plans.length;
}

/** Moves a Saturday or Sunday to the Friday before. */
function weekday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

// ---------------------------------------------------------------------------------------------------------------
// Consent ledger

function seedConsents(state: DemoState, seeded: SeededEvent[]): number {
  const { rnd } = state;
  const firstRegistration = new Map<number, SeededEvent>();
  for (const e of seeded) {
    for (const d of e.drafts) {
      if (d.role === 'guest' && !firstRegistration.has(d.person.id) && e.seed.date < DEMO_TODAY)
        firstRegistration.set(d.person.id, e);
    }
  }
  const latest = addDays(DEMO_TODAY, -1);
  const clamp = (date: string) => (date < latest ? date : latest);
  type Row = typeof consents.$inferInsert;
  const granted: Row[] = [];
  const withdrawn: Row[] = [];
  const row = (personId: number, channel: string, date: string, source: string, evidence: string): Row => ({
    personId,
    channel,
    status: 'granted',
    legalBasis: EVENT_CONSENT_LEGAL_BASIS,
    source,
    evidence,
    recordedAt: berlinIso(date, `${rnd.int(8, 17)}:${rnd.pick(['05', '20', '35', '50'])}`),
    recordedById: state.adminId,
  });
  for (const person of state.persons) {
    const event = firstRegistration.get(person.id);
    if (person.email && rnd.chance(0.7)) {
      const viaEvent = event && rnd.chance(0.7);
      const source = viaEvent ? 'event_registration' : rnd.chance(0.6) ? 'web_form' : 'business_card';
      const date = viaEvent ? clamp(addDays(event.seed.date, -rnd.int(3, 20))) : randomDate(rnd, '2023-03-01', latest);
      const evidence = viaEvent
        ? `Checkbox „Newsletter“ bei der Anmeldung zu „${event.seed.title}“`
        : NEWSLETTER_EVIDENCE[source as keyof typeof NEWSLETTER_EVIDENCE];
      const consent = row(person.id, 'email_newsletter', date, source, evidence);
      granted.push(consent);
      const withdrawOn = addDays(date, rnd.int(30, 400));
      if (rnd.chance(0.07) && withdrawOn < latest) {
        withdrawn.push({
          ...row(person.id, 'email_newsletter', withdrawOn, 'web_form', 'Abmeldung über den Link im Newsletter'),
          status: 'withdrawn',
          legalBasis: 'Widerruf der Einwilligung (Art. 7 Abs. 3 DSGVO)',
        });
      }
    }
    if (rnd.chance(0.15)) {
      const date = event ? clamp(addDays(event.seed.date, -rnd.int(3, 20))) : randomDate(rnd, '2023-03-01', latest);
      granted.push(
        row(
          person.id,
          'post',
          date,
          event ? 'event_registration' : 'business_card',
          'Postalische Einladungen zu Veranstaltungen gewünscht',
        ),
      );
    }
  }
  // The ledger is append-only and the latest entry per channel counts: grants first, withdrawals after them.
  const all = [...granted.sort(byRecordedAt), ...withdrawn.sort(byRecordedAt)];
  chunked(all, (part) => state.tx.insert(consents).values(part).run());
  return all.length;
}

/** How a newsletter subscription not made at an event registration was given. */
const NEWSLETTER_EVIDENCE = {
  web_form: 'Newsletter-Anmeldung über www.anett-thueringen.de, Double-Opt-in bestätigt',
  business_card: 'Visitenkarte mit Vermerk „Newsletter gewünscht“, im Gespräch bestätigt',
};

const byRecordedAt = (a: { recordedAt: string }, b: { recordedAt: string }) => a.recordedAt.localeCompare(b.recordedAt);
