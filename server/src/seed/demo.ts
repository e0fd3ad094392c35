import {
  affiliations,
  networks,
  nodes,
  offices,
  organizations,
  persons,
  relations,
  tags,
  topics,
} from '@anett/db/schema';
import { foldText, normalizeOrgName, normalizePersonName } from '@anett/shared/normalize';
import type { DistrictCode, ThuringianDistrictCode } from '@anett/shared/vocab/districts';
import { isThuringianDistrict } from '@anett/shared/vocab/districts';
import { type OrganizationKind, sizeClassFor } from '@anett/shared/vocab/enums';
import { DEFAULT_TOPICS } from '@anett/shared/vocab/topics';
import { count, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { seedActivity } from './demo-activity.ts';
import {
  FANTASY_NAMES,
  FUNCTIONS,
  type FunctionName,
  INSTITUTIONS,
  type InstitutionSeed,
  NODE_OF_DISTRICT,
  NODES,
  PARTNER_NETWORKS,
  PLACES,
  PRODUCT_LINES,
  REGIONAL_WORDS,
  STREETS,
} from './demo-data.ts';
import {
  addDays,
  type CastKey,
  type DemoOrg,
  type DemoPerson,
  type DemoState,
  randomDate,
  type Salutation,
  type Tx,
  tagPerson,
} from './demo-model.ts';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, NEUTRAL_FIRST_NAMES } from './names.ts';
import { createRandom } from './random.ts';

const SEED = 20_241_115;
const COMPANY_COUNT = 96;
const PERSON_TARGET = 430;
const ANETT_START = '2023-01-01';

const TAGS: readonly (readonly [string, string])[] = [
  ['VIP', 'red'],
  ['Presse', 'gray'],
  ['Multiplikator', 'violet'],
  ['Wasserstoff-Interesse', 'cyan'],
  ['Ausbildungsbetrieb', 'green'],
];

/**
 * Demo data on an empty database (SEED_DEMO=1): the institutions, nodes and events of the press release plus enough
 * fictitious companies, persons and activity to make filters meaningful. Every person is fictitious. Deterministic
 * (seeded PRNG), written in one transaction; does nothing when organisations already exist.
 */
export async function seedDemo(ctx: AppContext, opts: { adminId?: number }): Promise<{ summary: string } | undefined> {
  return ctx.db.transaction(
    (tx) => {
      if ((tx.select({ n: count() }).from(organizations).get()?.n ?? 0) > 0) return undefined;
      const state = seedStructure(tx, ctx.organizations, opts.adminId ?? null);
      const activity = seedActivity(state);
      const n = (v: number) => v.toLocaleString('de-DE');
      const summary = [
        `${n(state.orgs.length)} Organisationen`,
        `${n(state.persons.length)} Personen`,
        `${n(state.nodes.size)} QTI-Knoten`,
        `${n(activity.events)} Veranstaltungen`,
        `${n(activity.attendances)} Teilnahmen`,
        `${n(activity.interactions)} Kontakte`,
        `${n(activity.consents)} Einwilligungen`,
      ].join(', ');
      return { summary };
    },
    { behavior: 'immediate' },
  );
}

/** Organisations are written as the app writes them: with their name key, sectors and tags. */
type Organizations = Pick<AppContext['organizations'], 'create'>;

function seedStructure(tx: Tx, organizations: Organizations, adminId: number | null): DemoState {
  const rnd = createRandom(SEED);
  const state: DemoState = {
    tx,
    rnd,
    adminId,
    topicIds: new Map(),
    topicLabels: new Map(),
    tagIds: new Map(),
    orgs: [],
    orgByKey: new Map(),
    persons: [],
    cast: {} as DemoState['cast'],
    consortiumStaff: [],
    parliamentarians: [],
    nodes: new Map(),
    personTagKeys: new Set(),
  };
  seedVocabulary(state);
  const people = createPeopleFactory(state);
  seedOrganizations(state, organizations);
  seedNetworks(state, people);
  seedPersons(state, people);
  return state;
}

function seedVocabulary(state: DemoState) {
  const { tx } = state;
  if ((tx.select({ n: count() }).from(topics).get()?.n ?? 0) === 0) {
    tx.insert(topics)
      .values(DEFAULT_TOPICS.map((t) => ({ slug: t.slug, label: t.label, labelEn: t.labelEn })))
      .run();
  }
  for (const t of tx.select().from(topics).all()) {
    if (!t.active) continue;
    state.topicIds.set(t.slug, t.id);
    state.topicLabels.set(t.slug, t.label);
  }
  for (const [name, color] of TAGS) {
    const existing = tx
      .select({ id: tags.id })
      .from(tags)
      .where(sql`lower(${tags.name}) = ${name.toLowerCase()}`)
      .get();
    const id = existing?.id ?? tx.insert(tags).values({ name, color }).returning({ id: tags.id }).get().id;
    state.tagIds.set(name, id);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Organisations

interface OrgDraft {
  key?: string;
  name: string;
  shortName?: string;
  kind: OrganizationKind;
  district: DistrictCode | null;
  street?: string;
  postalCode?: string;
  city?: string;
  phone?: string;
  website?: string;
  domain: string;
  employees?: number;
  sectors?: readonly string[];
  tags?: readonly string[];
  notes?: string;
}

const areaCodeOf = (city: string | undefined) => {
  if (!city) return null;
  for (const places of Object.values(PLACES)) {
    const place = places.find((p) => p.city === city);
    if (place) return place.areaCode;
  }
  return null;
};

function insertOrganization(state: DemoState, organizations: Organizations, draft: OrgDraft): DemoOrg {
  const { rnd } = state;
  const areaCode = areaCodeOf(draft.city);
  const phoneBase = areaCode ? `${areaCode} ${rnd.int(20, 99)}${rnd.int(100, 999)}` : null;
  const hasSize = draft.employees !== undefined && ['company', 'utility', 'education'].includes(draft.kind);
  const sectors = draft.sectors ?? [];
  const { id } = organizations.create({
    name: draft.name,
    shortName: draft.shortName ?? null,
    kind: draft.kind,
    sizeClass: hasSize ? sizeClassFor(draft.employees as number) : null,
    employees: draft.employees ?? null,
    street: draft.street ?? null,
    postalCode: draft.postalCode ?? null,
    city: draft.city ?? null,
    district: draft.district,
    website: draft.website ?? (draft.kind === 'company' ? `https://www.${draft.domain}` : null),
    email: `info@${draft.domain}`,
    phone: draft.phone ?? (phoneBase ? `${phoneBase}-0` : null),
    notes: draft.notes ?? null,
    sectors: [...sectors],
    tagIds: (draft.tags ?? []).flatMap((tag) => state.tagIds.get(tag) ?? []),
  });
  const org: DemoOrg = {
    id,
    key: draft.key,
    name: draft.name,
    shortName: draft.shortName ?? null,
    kind: draft.kind,
    district: draft.district,
    city: draft.city ?? null,
    node: isThuringianDistrict(draft.district) ? NODE_OF_DISTRICT[draft.district] : null,
    domain: draft.domain,
    phoneBase,
    sectors,
    employees: draft.employees ?? null,
  };
  state.orgs.push(org);
  if (draft.key) state.orgByKey.set(draft.key, org);
  return org;
}

const requireOrg = (state: DemoState, key: string): DemoOrg => {
  const org = state.orgByKey.get(key);
  if (!org) throw new Error(`demo organisation ${key} missing`);
  return org;
};

const slug = (s: string) =>
  foldText(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

function seedOrganizations(state: DemoState, organizations: Organizations) {
  for (const inst of INSTITUTIONS) insertOrganization(state, organizations, institutionDraft(inst));
  for (const net of PARTNER_NETWORKS) {
    insertOrganization(state, organizations, {
      key: `network:${net.shortName}`,
      name: net.name,
      shortName: net.shortName,
      kind: 'network',
      district: net.district,
      postalCode: net.postalCode,
      city: net.city,
      domain: net.domain,
      tags: ['Multiplikator'],
      notes: `Fiktives Partnernetzwerk (Demodaten) in ${net.region}.`,
    });
  }
  for (const draft of generateCompanies(state)) insertOrganization(state, organizations, draft);
}

function institutionDraft(inst: InstitutionSeed): OrgDraft {
  const { staff: _staff, ...draft } = inst;
  return draft;
}

function generateCompanies(state: DemoState): OrgDraft[] {
  const { rnd } = state;
  const districts = Object.keys(PLACES) as ThuringianDistrictCode[];
  const nodeDistricts = new Set(NODES.map((n) => n.district as string));
  const districtWeights = districts.map(
    (d) => [d, nodeDistricts.has(d) ? 5 : ['16051', '16070', '16053'].includes(d) ? 3 : 1.5] as const,
  );
  const usedKeys = new Set(state.orgs.map((o) => normalizeOrgName(o.name)));
  const drafts: OrgDraft[] = [];
  for (let i = 0; i < COMPANY_COUNT; i++) {
    // Every district gets at least one company, then the node regions get more.
    const district = i < districts.length ? (districts[i] as ThuringianDistrictCode) : rnd.weighted(districtWeights);
    const line = rnd.weighted(PRODUCT_LINES.map((l) => [l, l.weight] as const));
    const product = rnd.pick(line.words);
    const oem = line.sectors[0] === '29.1';
    const size = oem
      ? 'large'
      : rnd.weighted([
          ['micro', 12],
          ['small', 35],
          ['medium', 38],
          ['large', 15],
        ] as const);
    const employees = {
      micro: () => rnd.int(3, 9),
      small: () => rnd.int(10, 49),
      medium: () => rnd.int(50, 249),
      large: () => rnd.int(250, 1800),
    }[size]();
    let name = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      name = companyName(state, district, product, size);
      if (!usedKeys.has(normalizeOrgName(name))) break;
    }
    usedKeys.add(normalizeOrgName(name));
    const places = PLACES[district];
    const place = rnd.chance(0.5) ? places[0]! : rnd.pick(places);
    const sectors = [...line.sectors];
    if (rnd.chance(0.2)) {
      const extra = rnd.pick(['25.62', '29.32', '28.29', '22.29', '71', '62']);
      if (!sectors.includes(extra)) sectors.push(extra);
    }
    const companyTags: string[] = [];
    if (rnd.chance(0.3)) companyTags.push('Ausbildungsbetrieb');
    if (rnd.chance(0.14)) companyTags.push('Wasserstoff-Interesse');
    if (size === 'large' && rnd.chance(0.3)) companyTags.push('VIP');
    drafts.push({
      name,
      kind: 'company',
      district,
      street: `${rnd.pick(STREETS)} ${rnd.int(1, 120)}`,
      postalCode: place.postalCode,
      city: place.city,
      domain: uniqueDomain(usedDomains(state, drafts), name),
      employees,
      sectors,
      tags: companyTags,
      notes: 'Fiktives Unternehmen (Demodaten).',
    });
  }
  return drafts;
}

const usedDomains = (state: DemoState, drafts: OrgDraft[]) =>
  new Set([...state.orgs.map((o) => o.domain), ...drafts.map((d) => d.domain)]);

function uniqueDomain(used: Set<string>, name: string) {
  const base = normalizeOrgName(name).split(' ').slice(0, 3).map(slug).filter(Boolean).join('-');
  let domain = `${base}.example`;
  for (let i = 2; used.has(domain); i++) domain = `${base}-${i}.example`;
  return domain;
}

function companyName(state: DemoState, district: ThuringianDistrictCode, product: string, size: string): string {
  const { rnd } = state;
  const pattern = rnd.weighted([
    ['regional', 45],
    ['surname', 30],
    ['partners', 10],
    ['fantasy', 15],
  ] as const);
  const surname = () => rnd.pick(LAST_NAMES);
  const prefix = {
    regional: () => rnd.pick(REGIONAL_WORDS[district]),
    surname,
    partners: () => `${surname()} & ${surname()}`,
    fantasy: () => rnd.pick(FANTASY_NAMES),
  }[pattern]();
  const small = size === 'micro' || size === 'small';
  let legal: string;
  if (pattern === 'surname' && small && rnd.chance(0.45)) legal = 'e.K.';
  else if (pattern === 'partners') legal = rnd.pick(['GmbH & Co. KG', 'KG', 'GmbH']);
  else if (size === 'large')
    legal = rnd.weighted([
      ['AG', 4],
      ['GmbH', 4],
      ['GmbH & Co. KG', 2],
    ] as const);
  else
    legal = rnd.weighted([
      ['GmbH', 65],
      ['GmbH & Co. KG', 20],
      ['KG', 15],
    ] as const);
  return `${prefix} ${product} ${legal}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Networks, nodes and relations

function seedNetworks(state: DemoState, people: PeopleFactory) {
  const { tx, rnd } = state;
  const anett = tx
    .insert(networks)
    .values({
      name: 'Automotive Netzwerk Transformation Thüringen',
      shortName: 'ANeTT',
      region: 'Thüringen',
      isOwn: true,
      website: 'https://www.anett-thueringen.de',
      description:
        'Regionales Transformationsnetzwerk der Automobil- und Zulieferindustrie in Thüringen; Konsortium aus LEG ' +
        'Thüringen, IHK Erfurt und ThIMo an der TU Ilmenau; gefördert vom BMWK aus dem Zukunftsfonds Automobilindustrie.',
    })
    .returning({ id: networks.id })
    .get();
  const relationRows: (typeof relations.$inferInsert)[] = [];
  const consortium = [
    ['leg', 'Gesamtkoordination'],
    ['ihk', 'Qualifikation'],
    ['thimo', 'Innovation und Transfer'],
  ] as const;
  for (const [key, responsibility] of consortium) {
    relationRows.push({
      organizationId: requireOrg(state, key).id,
      networkId: anett.id,
      type: 'consortium_partner',
      responsibility,
      fromDate: ANETT_START,
    });
  }
  relationRows.push({
    organizationId: requireOrg(state, 'bmwk').id,
    networkId: anett.id,
    type: 'funding_body',
    responsibility: 'Zukunftsfonds Automobilindustrie',
    fromDate: ANETT_START,
  });
  for (const net of PARTNER_NETWORKS) {
    const row = tx
      .insert(networks)
      .values({ name: net.name, shortName: net.shortName, region: net.region, isOwn: false })
      .returning({ id: networks.id })
      .get();
    relationRows.push({
      organizationId: requireOrg(state, `network:${net.shortName}`).id,
      networkId: row.id,
      type: 'partner_network',
      fromDate: randomDate(rnd, '2023-03-01', '2024-06-30'),
    });
  }
  for (const seed of NODES) {
    const host = requireOrg(state, seed.host);
    const node = tx
      .insert(nodes)
      .values({
        name: seed.name,
        district: seed.district,
        networkId: anett.id,
        hostOrganizationId: host.id,
        openedOn: seed.openedOn,
        responsibleUserId: state.adminId,
        description: seed.description,
      })
      .returning({ id: nodes.id })
      .get();
    relationRows.push({ organizationId: host.id, nodeId: node.id, type: 'node_host', fromDate: seed.openedOn });
    const manager = people.add(host, [[`Knotenmanager ${seed.name}`, `Knotenmanagerin ${seed.name}`]]);
    state.nodes.set(seed.key, { id: node.id, seed, manager });
  }
  // Members and cooperation partners: each organisation with its region's node.
  const reserved = new Set(['leg', 'ihk', 'thimo', 'bmwk', 'ministry', 'landtag', ...NODES.map((n) => n.host)]);
  for (const org of state.orgs) {
    if (!org.node || (org.key && reserved.has(org.key))) continue;
    const node = state.nodes.get(org.node)!;
    const from = randomDate(rnd, node.seed.openedOn, '2026-10-31');
    if (org.kind === 'company') {
      const type = rnd.weighted([
        ['member', 60],
        ['cooperation_partner', 25],
        [null, 15],
      ] as const);
      if (type) relationRows.push({ organizationId: org.id, nodeId: node.id, type, fromDate: from });
    } else if (rnd.chance(0.75)) {
      relationRows.push({ organizationId: org.id, nodeId: node.id, type: 'cooperation_partner', fromDate: from });
    }
  }
  tx.insert(relations).values(relationRows).run();
}

// ---------------------------------------------------------------------------------------------------------------
// Persons

/** The roles the press release names, with invented names: organisation, person, function, since when, before. */
const CAST: Record<
  CastKey,
  readonly [
    org: string,
    salutation: Salutation,
    title: string | null,
    firstName: string,
    lastName: string,
    fn: string,
    from?: string,
    previous?: readonly [org: string, fn: string, from: string],
  ]
> = {
  landraetin: ['lraSM', 'frau', null, 'Ulrike', 'Hölzer-Brandt', 'Landrätin', '2018-05-01'],
  hwkPresident: ['hwk', 'herr', null, 'Reinhard', 'Gößwein', 'Präsident', '2019-01-01'],
  ministryOfficial: [
    'ministry',
    'herr',
    'Dr.',
    'Jörg',
    'Weißbach',
    'Referatsleiter Automobilwirtschaft und Transformation',
  ],
  hydrogenExpert: ['boreas', 'herr', 'Dipl.-Ing.', 'Lukas', 'Eichhorst', 'Experte für Wasserstoff'],
  formerCfo: [
    'consulting',
    'herr',
    null,
    'Hans-Peter',
    'Grünberger',
    'Senior Advisor',
    '2022-09-01',
    ['exOem', 'Finanzvorstand', '2014-04-01'],
  ],
  legDirector: ['leg', 'herr', 'Dr.', 'Matthias', 'Kühnhold', 'Geschäftsführer', '2016-03-01'],
  legProjectLead: ['leg', 'frau', null, 'Katrin', 'Schönherr', 'Projektleiterin ANeTT', '2022-10-01'],
  ihkCoordinator: ['ihk', 'herr', null, 'Stefan', 'Reußner', 'Koordinator Pilotlehrgänge ANeTT'],
  mayorRohr: ['municipalityRohr', 'herr', null, 'Gerd', 'Hofacker', 'Bürgermeister', '2016-07-01'],
  mayorGotha: ['cityGotha', 'herr', 'Dr.', 'Henning', 'Altmannsberger', 'Oberbürgermeister', '2018-07-01'],
  mayorEisenach: ['cityEisenach', 'frau', null, 'Kerstin', 'Rehbein', 'Oberbürgermeisterin', '2021-05-01'],
  mayorSoemmerda: ['citySoemmerda', 'frau', null, 'Claudia', 'Bärwinkel', 'Bürgermeisterin', '2020-07-01'],
  mayorLangensalza: ['cityLangensalza', 'frau', null, 'Sabine', 'Trautvetter', 'Bürgermeisterin', '2019-07-01'],
};
/** Roles that are a public office, held since the role began: the office's jurisdiction. */
const CAST_OFFICES: Partial<Record<CastKey, string>> = {
  landraetin: 'Landkreis Schmalkalden-Meiningen',
  hwkPresident: 'Handwerkskammer Südthüringen',
  mayorRohr: 'Gemeinde Rohr',
  mayorGotha: 'Stadt Gotha',
  mayorEisenach: 'Stadt Eisenach',
  mayorSoemmerda: 'Stadt Sömmerda',
  mayorLangensalza: 'Stadt Bad Langensalza',
};

interface AddOptions {
  salutation?: Salutation | null;
  title?: string | null;
  firstName?: string;
  lastName?: string;
  /** A fixed function instead of one drawn from the list. */
  fn?: string;
  from?: string;
  /** An earlier employer: the person changed organisations on `from`. */
  previous?: { org: DemoOrg; fn: string; from: string };
  noEmail?: boolean;
}

type PeopleFactory = ReturnType<typeof createPeopleFactory>;

function createPeopleFactory(state: DemoState) {
  const { tx, rnd } = state;
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  /** Per organisation, the functions already handed out (the head exists once). */
  const givenFunctions = new Map<number, Set<string>>();
  // Prepared once: building the query per person costs more than the insert itself.
  const column = (name: string) => sql.placeholder(name);
  const insertPerson = tx
    .insert(persons)
    .values({
      salutation: column('salutation'),
      title: column('title'),
      firstName: column('firstName'),
      lastName: column('lastName'),
      email: column('email'),
      phone: column('phone'),
      mobile: column('mobile'),
      nameKey: column('nameKey'),
    })
    .returning({ id: persons.id })
    .prepare();

  const drawName = (salutation: Salutation | null) => {
    for (;;) {
      const first =
        salutation === 'frau'
          ? rnd.pick(FEMALE_FIRST_NAMES)
          : salutation === 'herr'
            ? rnd.pick(MALE_FIRST_NAMES)
            : rnd.pick(NEUTRAL_FIRST_NAMES);
      const last = rnd.chance(0.03) ? `${rnd.pick(LAST_NAMES)}-${rnd.pick(LAST_NAMES)}` : rnd.pick(LAST_NAMES);
      const key = normalizePersonName(first, last);
      if (!usedNames.has(key)) {
        usedNames.add(key);
        return { first, last };
      }
    }
  };

  const gendered = ([m, f]: FunctionName, salutation: Salutation | null) =>
    salutation === 'herr' ? m : salutation === 'frau' ? f : f === `${m}in` ? `${m}/in` : f;

  const pickFunction = (org: DemoOrg, list: readonly FunctionName[], salutation: Salutation | null) => {
    const given = givenFunctions.get(org.id) ?? new Set<string>();
    givenFunctions.set(org.id, given);
    const head = list[0]!;
    const pair = !given.has(head[0]) ? head : rnd.pick(list.length > 1 ? list.slice(1) : list);
    given.add(pair[0]);
    return gendered(pair, salutation);
  };

  const drawTitle = (fn: string, org: DemoOrg) => {
    if (/^Professor/.test(fn)) return 'Prof. Dr.';
    if (org.kind === 'research' || org.kind === 'university') return rnd.chance(0.4) ? 'Dr.' : null;
    if (org.kind === 'company' && /Entwicklung|Ingenieur|Werkleiter|Geschäftsführ/.test(fn)) {
      return rnd.weighted([
        [null, 70],
        ['Dipl.-Ing.', 16],
        ['Dr.-Ing.', 6],
        ['Dr.', 8],
      ] as const);
    }
    return rnd.chance(0.05) ? 'Dr.' : null;
  };

  const emailFor = (first: string, last: string, domain: string) => {
    const local = `${slug(first)}.${slug(last)}`;
    let email = `${local}@${domain}`;
    for (let i = 2; usedEmails.has(email); i++) email = `${local}${i}@${domain}`;
    usedEmails.add(email);
    return email;
  };

  const mobile = () =>
    `01${rnd.pick(['51', '52', '60', '70', '71', '72', '76'])} ${rnd.int(1000, 9999)}${rnd.int(100, 999)}`;

  return {
    add(org: DemoOrg, list: readonly FunctionName[], opts: AddOptions = {}): DemoPerson {
      const salutation =
        opts.salutation !== undefined
          ? opts.salutation
          : rnd.weighted([
              ['herr', 56],
              ['frau', 41],
              [null, 3],
            ] as const);
      const drawn =
        opts.firstName && opts.lastName ? { first: opts.firstName, last: opts.lastName } : drawName(salutation);
      if (opts.firstName) usedNames.add(normalizePersonName(drawn.first, drawn.last));
      const fn = opts.fn ?? pickFunction(org, list, salutation);
      const title = opts.title !== undefined ? opts.title : drawTitle(fn, org);
      const email = opts.noEmail || rnd.chance(0.1) ? null : emailFor(drawn.first, drawn.last, org.domain);
      const phone = org.phoneBase && rnd.chance(0.8) ? `${org.phoneBase}-${rnd.int(10, 299)}` : null;
      const row = insertPerson.get({
        salutation,
        title,
        firstName: drawn.first,
        lastName: drawn.last,
        email,
        phone,
        mobile: rnd.chance(0.25) ? mobile() : null,
        nameKey: normalizePersonName(drawn.first, drawn.last),
      });
      if (!row) throw new Error('person insert returned nothing');
      const { id } = row;
      const from = opts.from ?? randomDate(rnd, '2005-01-01', '2022-12-31');
      const person: DemoPerson = {
        id,
        salutation,
        title,
        firstName: drawn.first,
        lastName: drawn.last,
        email,
        affiliations: [],
      };
      if (opts.previous) {
        person.affiliations.push({
          org: opts.previous.org,
          fn: opts.previous.fn,
          from: opts.previous.from,
          to: addDays(from, -1),
        });
      }
      person.affiliations.push({ org, fn, from, to: null });
      state.persons.push(person);
      return person;
    },
    gendered,
  };
}

function seedPersons(state: DemoState, people: PeopleFactory) {
  const { tx, rnd } = state;
  const org = (key: string) => requireOrg(state, key);
  const cast = Object.fromEntries(
    Object.entries(CAST).map(([key, [orgKey, salutation, title, firstName, lastName, fn, from, previous]]) => {
      const options: AddOptions = { salutation, title, firstName, lastName, fn, from };
      if (previous) options.previous = { org: org(previous[0]), fn: previous[1], from: previous[2] };
      return [key, people.add(org(orgKey), [], options)];
    }),
  ) as DemoState['cast'];
  state.cast = cast;

  const officeRows: (typeof offices.$inferInsert)[] = Object.entries(CAST_OFFICES).map(([key, jurisdiction]) => {
    const [orgKey, , , , , title, from] = CAST[key as CastKey];
    return office(cast[key as CastKey], title, jurisdiction, org(orgKey), from as string);
  });
  for (const key of [
    'landraetin',
    'hwkPresident',
    'ministryOfficial',
    'legDirector',
    'formerCfo',
    'mayorGotha',
  ] as const) {
    tagPerson(state, cast[key], 'VIP');
  }
  tagPerson(state, cast.hydrogenExpert, 'Wasserstoff-Interesse');

  // Members of the Landtag: three sitting, one whose mandate ended in 2024 and who now chairs an association.
  const landtag = org('landtag');
  for (const from of ['2019-11-26', '2019-11-26', '2024-09-26']) {
    const mdl = people.add(landtag, FUNCTIONS.politics.slice(0, 1), { from, title: rnd.chance(0.3) ? 'Dr.' : null });
    officeRows.push(office(mdl, 'Mitglied des Landtags', 'Thüringer Landtag', landtag, from));
    state.parliamentarians.push(mdl);
    tagPerson(state, mdl, 'VIP');
  }
  const association = state.orgs.find((o) => o.name.startsWith('Unternehmerverband Südthüringen'))!;
  const former = people.add(association, [], {
    salutation: 'frau',
    fn: 'Vorsitzende',
    from: '2024-09-26',
    previous: { org: landtag, fn: 'Abgeordnete', from: '2014-10-14' },
  });
  officeRows.push({
    ...office(former, 'Mitglied des Landtags', 'Thüringer Landtag', landtag, '2014-10-14'),
    toDate: '2024-09-25',
  });
  state.parliamentarians.push(former);
  tx.insert(offices).values(officeRows).run();

  // Consortium staff run the network.
  const consortiumFunctions: Record<string, readonly FunctionName[]> = {
    leg: [
      ['Netzwerkmanager ANeTT', 'Netzwerkmanagerin ANeTT'],
      ['Referent Öffentlichkeitsarbeit', 'Referentin Öffentlichkeitsarbeit'],
      ['Projektmitarbeiter ANeTT', 'Projektmitarbeiterin ANeTT'],
    ],
    ihk: [
      ['Referent Weiterbildung', 'Referentin Weiterbildung'],
      ['Bildungsberater', 'Bildungsberaterin'],
      ['Projektmitarbeiter ANeTT', 'Projektmitarbeiterin ANeTT'],
    ],
    thimo: [
      ['Leiter ThIMo', 'Leiterin ThIMo'],
      ['Transfermanager', 'Transfermanagerin'],
      ['Wissenschaftlicher Mitarbeiter', 'Wissenschaftliche Mitarbeiterin'],
    ],
  };
  state.consortiumStaff.push(cast.legProjectLead, cast.ihkCoordinator);

  // Staff of the institutions (named roles above come on top).
  for (const inst of INSTITUTIONS) {
    const target = inst.key ? requireOrg(state, inst.key) : state.orgs.find((o) => o.name === inst.name)!;
    const list = consortiumFunctions[inst.key ?? ''] ?? FUNCTIONS[inst.kind];
    for (let i = 0; i < inst.staff; i++) {
      const person = people.add(target, list, inst.key === 'thimo' && i === 0 ? { title: 'Prof. Dr.' } : {});
      if (inst.key && inst.key in consortiumFunctions) state.consortiumStaff.push(person);
      if (inst.tags?.includes('Presse')) tagPerson(state, person, 'Presse');
      if (inst.tags?.includes('Multiplikator') && rnd.chance(0.5)) tagPerson(state, person, 'Multiplikator');
      if (inst.kind === 'utility' && person.affiliations[0]?.fn.includes('Wasserstoff'))
        tagPerson(state, person, 'Wasserstoff-Interesse');
    }
  }
  for (const net of PARTNER_NETWORKS) {
    const target = requireOrg(state, `network:${net.shortName}`);
    for (let i = 0; i < 2; i++) people.add(target, FUNCTIONS.network);
  }

  // Companies: head count follows size; some people came from another employer.
  const companies = state.orgs.filter((o) => o.kind === 'company' && !o.key);
  const switchTargets = state.orgs.filter(
    (o) => o.kind === 'company' || o.kind === 'education' || o.kind === 'university',
  );
  const addCompanyPerson = (company: DemoOrg) => {
    if (rnd.chance(0.09)) {
      let previousOrg = rnd.pick(switchTargets);
      while (previousOrg.id === company.id) previousOrg = rnd.pick(switchTargets);
      const from = `${randomDate(rnd, '2023-03-01', '2026-06-30').slice(0, 7)}-01`;
      const salutation = rnd.weighted([
        ['herr', 56],
        ['frau', 44],
      ] as const);
      const previousFn = people.gendered(rnd.pick(FUNCTIONS[previousOrg.kind].slice(1)), salutation);
      return people.add(company, FUNCTIONS.company, {
        salutation,
        from,
        previous: { org: previousOrg, fn: previousFn, from: randomDate(rnd, '2008-01-01', '2019-12-31') },
      });
    }
    return people.add(company, FUNCTIONS.company);
  };
  for (const company of companies) {
    const employees = company.employees ?? 0;
    const n = employees < 10 ? 1 : employees < 50 ? rnd.int(1, 2) : employees < 250 ? rnd.int(2, 4) : rnd.int(3, 6);
    for (let i = 0; i < n; i++) addCompanyPerson(company);
  }
  const bigger = companies.filter((c) => (c.employees ?? 0) >= 50);
  while (state.persons.length < PERSON_TARGET) addCompanyPerson(rnd.pick(bigger));

  for (const person of state.persons) {
    const current = person.affiliations[person.affiliations.length - 1]!;
    if (current.org.sectors.includes('35') && rnd.chance(0.3)) tagPerson(state, person, 'Wasserstoff-Interesse');
  }
  writeAffiliations(state);
}

/** All affiliations in a few statements; the last one of each person is the current, primary one. */
function writeAffiliations(state: DemoState) {
  const rows = state.persons.flatMap((p) =>
    p.affiliations.map((a) => ({
      personId: p.id,
      organizationId: a.org.id,
      function: a.fn,
      isPrimary: a.to === null,
      fromDate: a.from,
      toDate: a.to,
    })),
  );
  for (let i = 0; i < rows.length; i += 200)
    state.tx
      .insert(affiliations)
      .values(rows.slice(i, i + 200))
      .run();
}

function office(person: DemoPerson, title: string, jurisdiction: string, org: DemoOrg, fromDate: string) {
  return {
    personId: person.id,
    title,
    jurisdiction,
    organizationId: org.id,
    fromDate,
  } satisfies typeof offices.$inferInsert;
}
