import type { Db } from '@anett/db/client';
import { personTags } from '@anett/db/schema';
import type { OrganizationKind } from '@anett/shared/vocab/enums';
import type { NodeKey, NodeSeed } from './demo-data.ts';
import type { Random } from './random.ts';

/** What the demo seeder builds in memory while it writes, so later steps can refer to earlier rows. */

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Salutation = 'frau' | 'herr';

/** The date the demo data is written around: events after it are "upcoming", follow-ups before it overdue. */
export const DEMO_TODAY = '2026-11-24';

export interface DemoOrg {
  id: number;
  key: string | undefined;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  district: string | null;
  city: string | null;
  node: NodeKey | null;
  domain: string;
  phoneBase: string | null;
  sectors: readonly string[];
  employees: number | null;
}

export interface DemoAffiliation {
  org: DemoOrg;
  fn: string;
  from: string;
  to: string | null;
}

export interface DemoPerson {
  id: number;
  salutation: Salutation | null;
  title: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  affiliations: DemoAffiliation[];
}

export type CastKey =
  | 'landraetin'
  | 'hwkPresident'
  | 'ministryOfficial'
  | 'hydrogenExpert'
  | 'formerCfo'
  | 'legDirector'
  | 'legProjectLead'
  | 'ihkCoordinator'
  | 'mayorRohr'
  | 'mayorGotha'
  | 'mayorEisenach'
  | 'mayorSoemmerda'
  | 'mayorLangensalza';

export interface DemoNode {
  id: number;
  seed: NodeSeed;
  manager: DemoPerson;
}

export interface DemoState {
  tx: Tx;
  rnd: Random;
  adminId: number | null;
  topicIds: Map<string, number>;
  topicLabels: Map<string, string>;
  tagIds: Map<string, number>;
  orgs: DemoOrg[];
  orgByKey: Map<string, DemoOrg>;
  persons: DemoPerson[];
  cast: Record<CastKey, DemoPerson>;
  /** Consortium staff who organise events (LEG, IHK Erfurt, ThIMo). */
  consortiumStaff: DemoPerson[];
  /** Members of the Landtag (fictitious). */
  parliamentarians: DemoPerson[];
  nodes: Map<NodeKey, DemoNode>;
  personTagKeys: Set<string>;
}

const DAY_MS = 86_400_000;
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

export const addDays = (date: string, days: number) => new Date(dayMs(date) + days * DAY_MS).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) => Math.round((dayMs(to) - dayMs(from)) / DAY_MS);

export const randomDate = (rnd: Random, from: string, to: string) => addDays(from, rnd.int(0, daysBetween(from, to)));

function lastSundayOf(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month + 1, 0));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d.toISOString().slice(0, 10);
}

/** A local Berlin date and time ('2024-11-15', '10:00') as an ISO instant in UTC. */
export function berlinIso(date: string, time: string, plusMinutes = 0): string {
  const year = Number(date.slice(0, 4));
  const summer = date >= lastSundayOf(year, 2) && date < lastSundayOf(year, 9);
  const [h = 0, m = 0] = time.split(':').map(Number);
  return new Date(dayMs(date) + ((h - (summer ? 2 : 1)) * 60 + m + plusMinutes) * 60_000).toISOString();
}

/** The organisation a person belonged to on a date (the snapshot stored with attendances). */
export function orgAt(person: DemoPerson, date: string): DemoOrg {
  const current = person.affiliations.find((a) => a.from <= date && (a.to === null || a.to >= date));
  return (current ?? person.affiliations[person.affiliations.length - 1])!.org;
}

export const displayName = (org: DemoOrg) => org.shortName ?? org.name;

/** Tags a person once (repeated calls are ignored). */
export function tagPerson(state: DemoState, person: DemoPerson, tag: string) {
  const tagId = state.tagIds.get(tag);
  const key = `${person.id}:${tagId}`;
  if (tagId === undefined || state.personTagKeys.has(key)) return;
  state.personTagKeys.add(key);
  state.tx.insert(personTags).values({ personId: person.id, tagId }).run();
}
