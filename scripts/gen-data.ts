/**
 * Synthetic data for benchmarks: `pnpm gen:data [--persons N] [--out FILE] [--seed S]`.
 * Deterministic for a seed. The default (large) profile: 20 000 organisations, 100 000 persons, 3 000 events,
 * 500 000 attendances, 300 000 interactions. Other sizes scale with --persons.
 */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '@anett/db/client';
import { normalizeOrgName, normalizePersonName } from '@anett/shared/normalize';
import { DISTRICTS } from '@anett/shared/vocab/districts';
import {
  ATTENDANCE_ROLES,
  EVENT_KINDS,
  INTERACTION_KINDS,
  ORGANIZATION_KINDS,
  sizeClassFor,
} from '@anett/shared/vocab/enums';
import { DEFAULT_TOPICS } from '@anett/shared/vocab/topics';

const FIRST_F = [
  'Anna',
  'Jördis',
  'Käthe',
  'Sophie',
  'Marie',
  'Lena',
  'Jana',
  'Sabine',
  'Ute',
  'Birgit',
  'Franziska',
  'Lea',
  'Grit',
  'Doreen',
  'Ines',
  'Katrin',
  'Anja',
  'Heike',
  'Sören',
  'Maike',
];
const FIRST_M = [
  'Jürgen',
  'Lukas',
  'Björn',
  'Matthias',
  'Stefan',
  'Thomas',
  'Uwe',
  'Jörg',
  'Andreas',
  'Michael',
  'Sven',
  'René',
  'Frank',
  'Dirk',
  'Torsten',
  'Maik',
  'Ronny',
  'Felix',
  'Jonas',
  'Paul',
];
const LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'Köhler',
  'Jäger',
  'Böhm',
  'Größer',
  'Weiß',
  'Fuß',
  'Möller',
  'Görlitz',
  'Thüringer',
  'Süß',
];
const TITLES = [null, null, null, null, null, null, null, null, 'Dr.', 'Prof. Dr.', 'Dipl.-Ing.'];
const ORG_WORDS = [
  'Präzisions',
  'Fahrzeug',
  'Antriebs',
  'Metall',
  'Kunststoff',
  'Elektro',
  'Guss',
  'Stahl',
  'Sensor',
  'Kabel',
  'Leichtbau',
  'Werkzeug',
  'Automations',
  'Batterie',
  'Wasserstoff',
];
const ORG_SUFFIX = ['technik', 'bau', 'werke', 'systeme', 'teile', 'komponenten', 'service', 'fertigung'];
const LEGAL = ['GmbH', 'GmbH & Co. KG', 'AG', 'KG', 'e.K.', 'GmbH', 'GmbH'];
/** Each full-text table and the view its triggers read the documents from (drizzle/migrations 0001, 0008). */
const SEARCH_DOCS = {
  persons_fts: 'person_search_docs',
  organizations_fts: 'organization_search_docs',
  interactions_fts: 'interaction_search_docs',
};

/** What contacts are about: a few hundred distinct subjects, as in a real contact log. */
const SUBJECT_TOPICS = [
  'Qualifizierungsbedarf',
  'Lehrgang Wasserstoffanwendungen',
  'Pilotlehrgang Fahrzeugkomponenten',
  'Industrie 4.0',
  'Fachkräftesicherung',
  'Förderprogramm',
  'Transformationsstrategie',
  'E-Mobilität',
  'Netzwerktreffen',
  'Eröffnung QTI-Knoten',
  'Dekarbonisierung der Fertigung',
  'Digitalisierung der Produktion',
  'Kooperation mit der Hochschule',
  'Ausbildung und Umschulung',
];
const SUBJECT_KINDS = ['Telefonat', 'Besuch', 'Gespräch', 'Rückfrage', 'Termin', 'Nachfassen', 'Anfrage'];
const SUMMARIES = [
  'Gespräch über Qualifizierungsbedarf.',
  'Interesse am nächsten Lehrgang, Unterlagen zugesagt.',
  'Fragen zur Förderung, Rückruf vereinbart.',
  'Betrieb stellt auf E-Antriebe um, sucht Partner.',
  'Einladung zum Netzwerktreffen angenommen.',
];
const SECTORS = ['29.1', '29.2', '29.31', '29.32', '28.1', '28.4', '22.2', '25.6', '27.1', '62.01', '71.12', '85.5'];
const CITIES: Record<string, [string, string][]> = {
  '16066': [
    ['98527', 'Suhl-Umland'],
    ['98547', 'Rohr'],
    ['98574', 'Schmalkalden'],
    ['98617', 'Meiningen'],
  ],
  '16068': [
    ['99610', 'Sömmerda'],
    ['99625', 'Kölleda'],
  ],
  '16067': [
    ['99867', 'Gotha'],
    ['99880', 'Waltershausen'],
  ],
  '16063': [
    ['99817', 'Eisenach'],
    ['36433', 'Bad Salzungen'],
  ],
  '16051': [
    ['99084', 'Erfurt'],
    ['99099', 'Erfurt'],
  ],
};

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Profile = {
  organizations: number;
  persons: number;
  events: number;
  attendances: number;
  interactions: number;
};

export function profileFor(persons: number): Profile {
  const f = persons / 100_000;
  return {
    organizations: Math.max(20, Math.round(20_000 * f)),
    persons,
    events: Math.max(10, Math.round(3_000 * f)),
    attendances: Math.round(500_000 * f),
    interactions: Math.round(300_000 * f),
  };
}

export function generate(path: string, profile: Profile, seed = 42) {
  if (existsSync(path)) for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  const db = openDatabase(path);
  const sqlite = db.$client;
  const rnd = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const day = (from: number, to: number) => new Date(from + rnd() * (to - from)).toISOString();
  const t2023 = Date.UTC(2023, 0, 1);
  const t2027 = Date.UTC(2026, 11, 31);
  const now = new Date().toISOString();
  sqlite.pragma('synchronous = OFF');
  // One transaction inserts a million rows in random index order: with SQLite's default 2 MB page cache, dirty pages
  // spill to the WAL over and over (twice the time). 1 GB keeps the whole profile in memory.
  sqlite.pragma('cache_size = -1048576');

  let phaseStart = performance.now();
  let phaseName = 'setup';
  const phase = (next: string) => {
    if (process.env.GEN_TIMINGS) console.log(`  ${phaseName}: ${Math.round(performance.now() - phaseStart)} ms`);
    [phaseName, phaseStart] = [next, performance.now()];
  };
  // Full-text triggers index row by row, and FTS5 flushes its pending terms at every trigger call: six times the
  // time of the inserts. They are set aside during the load and the indexes built from their document views at the end.
  const ftsTriggers = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_fts_*'")
    .all() as { name: string; sql: string }[];
  for (const t of ftsTriggers) sqlite.exec(`DROP TRIGGER ${t.name}`);
  sqlite.transaction(() => {
    const topicIns = sqlite.prepare('INSERT OR IGNORE INTO topics (slug, label, label_en) VALUES (?, ?, ?)');
    for (const t of DEFAULT_TOPICS) topicIns.run(t.slug, t.label, t.labelEn);
    const topicIds = (sqlite.prepare('SELECT id FROM topics').all() as { id: number }[]).map((r) => r.id);

    const net = sqlite
      .prepare(
        "INSERT INTO networks (name, short_name, region, is_own) VALUES ('Automotive Netzwerk Transformation Thüringen', 'ANeTT', 'Thüringen', 1)",
      )
      .run();
    const nodeIns = sqlite.prepare('INSERT INTO nodes (name, district, network_id, opened_on) VALUES (?, ?, ?, ?)');
    const nodeIds = [
      ['QTI-Knoten Gotha', '16067'],
      ['QTI-Knoten Eisenach', '16063'],
      ['QTI-Knoten Sömmerda', '16068'],
      ['QTI-Knoten Weberstedt', '16064'],
      ['QTI-Knoten Rohr', '16066'],
    ].map(([n, d]) => Number(nodeIns.run(n, d, net.lastInsertRowid, '2024-01-01').lastInsertRowid));

    const orgIns = sqlite.prepare(
      'INSERT INTO organizations (name, kind, size_class, employees, street, postal_code, city, district, email, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const secIns = sqlite.prepare(
      'INSERT OR IGNORE INTO organization_sectors (organization_id, wz_code) VALUES (?, ?)',
    );
    const relIns = sqlite.prepare('INSERT INTO relations (organization_id, node_id, type) VALUES (?, ?, ?)');
    const orgDistrict: string[] = [];
    phase('organizations');
    for (let i = 0; i < profile.organizations; i++) {
      const district = pick(DISTRICTS).code;
      const [postal, city] = pick(CITIES[district] ?? [[`0${int(6000, 9999)}`, `Ort ${district}`]]);
      const kind = rnd() < 0.75 ? 'company' : pick(ORGANIZATION_KINDS);
      const name = `${pick(ORG_WORDS)}${pick(ORG_SUFFIX)} ${pick(LAST)} ${i} ${kind === 'company' ? pick(LEGAL) : 'e.V.'}`;
      const employees = int(3, 2000);
      const id = Number(
        orgIns.run(
          name,
          kind,
          sizeClassFor(employees),
          employees,
          `Industriestraße ${int(1, 120)}`,
          postal,
          city,
          district,
          `info@org${i}.example`,
          normalizeOrgName(name),
        ).lastInsertRowid,
      );
      orgDistrict[id] = district;
      secIns.run(id, pick(SECTORS));
      if (rnd() < 0.3) secIns.run(id, pick(SECTORS));
      if (rnd() < 0.2) relIns.run(id, pick(nodeIds), rnd() < 0.5 ? 'member' : 'cooperation_partner');
    }

    const personIns = sqlite.prepare(
      'INSERT INTO persons (salutation, title, first_name, last_name, email, phone, name_key) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const affIns = sqlite.prepare(
      'INSERT INTO affiliations (person_id, organization_id, function, is_primary, from_date, to_date) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const consentIns = sqlite.prepare(
      "INSERT INTO consents (person_id, channel, status, legal_basis, source, recorded_at) VALUES (?, 'email_newsletter', ?, 'Einwilligung Art. 6 Abs. 1 lit. a DSGVO', ?, ?)",
    );
    const personOrg: number[] = [];
    phase('persons');
    for (let i = 0; i < profile.persons; i++) {
      const female = rnd() < 0.45;
      const first = female ? pick(FIRST_F) : pick(FIRST_M);
      const last = pick(LAST);
      const email =
        rnd() < 0.9 ? `p${i}.${normalizePersonName(first, last).replace(/\s+/g, '.')}@mail${i % 97}.example` : null;
      const id = Number(
        personIns.run(
          rnd() < 0.05 ? null : female ? 'frau' : 'herr',
          pick(TITLES),
          first,
          last,
          email,
          `0361 ${int(100000, 999999)}`,
          normalizePersonName(first, last),
        ).lastInsertRowid,
      );
      const org = int(1, profile.organizations);
      personOrg[id] = org;
      if (rnd() < 0.15)
        affIns.run(id, int(1, profile.organizations), 'Projektleiter/in', 0, '2015-01-01', '2022-12-31');
      affIns.run(
        id,
        org,
        pick(['Geschäftsführung', 'Personalleitung', 'Leitung Entwicklung', 'Einkauf', 'Ausbildung']),
        1,
        '2023-01-01',
        null,
      );
      if (email && rnd() < 0.7) {
        consentIns.run(id, 'granted', 'event_registration', day(t2023, Date.UTC(2024, 0, 1)));
        if (rnd() < 0.05) consentIns.run(id, 'withdrawn', 'web_form', day(Date.UTC(2024, 0, 2), t2027));
      }
    }

    const eventIns = sqlite.prepare(
      'INSERT INTO events (title, kind, node_id, starts_at, ends_at, location, capacity) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const evTopicIns = sqlite.prepare('INSERT OR IGNORE INTO event_topics (event_id, topic_id) VALUES (?, ?)');
    const eventStart: string[] = [];
    phase('events');
    for (let i = 0; i < profile.events; i++) {
      const starts = day(t2023, t2027);
      const id = Number(
        eventIns.run(
          `Veranstaltung ${i}`,
          pick(EVENT_KINDS),
          pick(nodeIds),
          starts,
          starts,
          'QTI-Knoten',
          rnd() < 0.5 ? int(20, 200) : null,
        ).lastInsertRowid,
      );
      eventStart[id] = starts;
      evTopicIns.run(id, pick(topicIds));
    }

    const attIns = sqlite.prepare(
      'INSERT OR IGNORE INTO attendances (event_id, person_id, status, role, organization_id, checked_in_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    phase('attendances');
    for (let i = 0; i < profile.attendances; i++) {
      const eventId = int(1, profile.events);
      const personId = int(1, profile.persons);
      const status =
        rnd() < 0.7 ? 'attended' : pick(['registered', 'no_show', 'cancelled', 'interested', 'waitlisted']);
      attIns.run(
        eventId,
        personId,
        status,
        rnd() < 0.9 ? 'guest' : pick(ATTENDANCE_ROLES),
        personOrg[personId] ?? null,
        status === 'attended' ? eventStart[eventId] : null,
      );
    }

    const intIns = sqlite.prepare(
      'INSERT INTO interactions (occurred_at, kind, subject, summary, node_id, follow_up_on, author_id) VALUES (?, ?, ?, ?, ?, ?, NULL)',
    );
    const ipIns = sqlite.prepare('INSERT OR IGNORE INTO interaction_persons (interaction_id, person_id) VALUES (?, ?)');
    const ioIns = sqlite.prepare(
      'INSERT OR IGNORE INTO interaction_organizations (interaction_id, organization_id) VALUES (?, ?)',
    );
    const itIns = sqlite.prepare('INSERT OR IGNORE INTO interaction_topics (interaction_id, topic_id) VALUES (?, ?)');
    phase('interactions');
    for (let i = 0; i < profile.interactions; i++) {
      const personId = int(1, profile.persons);
      const id = Number(
        intIns.run(
          day(t2023, t2027),
          pick(INTERACTION_KINDS),
          `${pick(SUBJECT_KINDS)}: ${pick(SUBJECT_TOPICS)}`,
          pick(SUMMARIES),
          pick(nodeIds),
          rnd() < 0.1 ? day(t2023, t2027).slice(0, 10) : null,
        ).lastInsertRowid,
      );
      ipIns.run(id, personId);
      const org = personOrg[personId];
      if (org) ioIns.run(id, org);
      if (rnd() < 0.5) itIns.run(id, pick(topicIds));
    }
    void now;
    phase('search index');
    for (const [fts, docs] of Object.entries(SEARCH_DOCS)) {
      sqlite.exec(`DELETE FROM ${fts}; INSERT INTO ${fts}(rowid, doc) SELECT id, doc FROM ${docs};`);
    }
    for (const t of ftsTriggers) sqlite.exec(t.sql);
    phase('commit');
  })();
  phase('analyze');
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('ANALYZE');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/scripts\//, '/scripts/'));
if (isMain) {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '100000' },
      out: { type: 'string', default: 'data/bench.sqlite' },
      seed: { type: 'string', default: '42' },
    },
  });
  const persons = Number(values.persons);
  if (!Number.isInteger(persons) || persons < 10) throw new Error('--persons must be an integer ≥ 10');
  const profile = profileFor(persons);
  const started = performance.now();
  const db = generate(values.out ?? 'data/bench.sqlite', profile, Number(values.seed));
  db.$client.close();
  console.log(
    `Generated ${JSON.stringify(profile)} into ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
