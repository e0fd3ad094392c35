import { z } from 'zod';
import {
  ATTENDANCE_ROLES,
  ATTENDANCE_STATUSES,
  CONSENT_CHANNELS,
  EVENT_KINDS,
  RELATION_TYPES,
  SALUTATIONS,
} from '../vocab/enums.ts';
import {
  dated,
  datedInput,
  dateRangeIssue,
  districtCode,
  email,
  isoDate,
  itemMeta,
  listQuery,
  multilineText,
  optionalEmail,
  optionalText,
  orNull,
  page,
  paging,
  queryBool,
  queryId,
  refId,
  refineWith,
  repeated,
  requiredText,
} from './common.ts';
import { entityRef } from './network.ts';
import { organizationKind, tagRef, wzCode } from './organization.ts';

export const salutation = z.enum(SALUTATIONS);

const checkDateRange = refineWith(dateRangeIssue);

// Affiliations and offices

/** The period an affiliation or office is held, and whether it holds now (no end date, or one today or later). */
const heldPeriod = { ...dated, current: z.boolean() };

export const affiliation = z.object({
  ...itemMeta,
  organization: entityRef,
  function: z.string().nullable(),
  isPrimary: z.boolean(),
  ...heldPeriod,
});
export type Affiliation = z.infer<typeof affiliation>;

const affiliationFields = {
  organizationId: refId,
  function: optionalText(200),
  isPrimary: z.boolean(),
  ...datedInput,
};
export const affiliationInput = z
  .object({ ...affiliationFields, isPrimary: affiliationFields.isPrimary.default(false) })
  .superRefine(checkDateRange);
export type AffiliationInput = z.input<typeof affiliationInput>;
export const affiliationPatch = z.object(affiliationFields).partial().strict();
export type AffiliationPatch = z.infer<typeof affiliationPatch>;
export const affiliationParams = z.object({ id: queryId, affiliationId: queryId });

export const office = z.object({
  ...itemMeta,
  /** e.g. 'Landrätin'; also used in the letter salutation while the office is held. */
  title: z.string(),
  /** e.g. 'Landkreis Schmalkalden-Meiningen'. */
  jurisdiction: z.string().nullable(),
  organization: entityRef.nullable(),
  ...heldPeriod,
});
export type Office = z.infer<typeof office>;

const officeFields = {
  title: requiredText(120),
  jurisdiction: optionalText(200),
  organizationId: orNull(refId),
  ...datedInput,
};
export const officeInput = z.object(officeFields).superRefine(checkDateRange);
export type OfficeInput = z.input<typeof officeInput>;
export const officePatch = z.object(officeFields).partial().strict();
export type OfficePatch = z.infer<typeof officePatch>;
export const officeParams = z.object({ id: queryId, officeId: queryId });

/** Current consent per channel: the latest ledger entry of that channel. */
export const consentState = z.object({
  channel: z.enum(CONSENT_CHANNELS),
  status: z.enum(['granted', 'withdrawn']),
  source: z.string(),
  legalBasis: z.string().nullable(),
  recordedAt: z.string(),
});
export type ConsentState = z.infer<typeof consentState>;

// Additional e-mail addresses and phone numbers

export const CONTACT_POINT_KINDS = ['email', 'phone', 'mobile'] as const;
export type ContactPointKind = (typeof CONTACT_POINT_KINDS)[number];

export const contactPoint = z.object({
  ...itemMeta,
  kind: z.enum(CONTACT_POINT_KINDS),
  value: z.string(),
  /** e.g. 'privat', 'Sekretariat', 'aus Zusammenführung'. */
  label: z.string().nullable(),
});
export type ContactPoint = z.infer<typeof contactPoint>;

const contactLabel = optionalText(60);
/** An e-mail must be an address (lower-cased like the main one); phone numbers are kept as written. */
export const contactPointInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), value: email, label: contactLabel }),
  z.object({ kind: z.enum(['phone', 'mobile']), value: requiredText(60), label: contactLabel }),
]);
export type ContactPointInput = z.input<typeof contactPointInput>;
/** `kind` stays; an e-mail is checked against the stored kind by the server. */
export const contactPointPatch = z
  .object({ value: requiredText(254), label: contactLabel })
  .partial()
  .strict();
export type ContactPointPatch = z.input<typeof contactPointPatch>;
export const contactPointParams = z.object({ id: queryId, contactPointId: queryId });

// Persons

const personFields = {
  salutation: orNull(salutation),
  /** Academic title as written: 'Dr.', 'Prof. Dr.-Ing.' */
  title: optionalText(60),
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: optionalEmail,
  phone: optionalText(60),
  mobile: optionalText(60),
  notes: multilineText(10_000),
  tagIds: z.array(refId).max(50),
};

const personCore = {
  ...itemMeta,
  salutation: salutation.nullable(),
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  tags: z.array(tagRef),
  deletedAt: z.string().nullable(),
};

export const person = z.object({
  ...personCore,
  notes: z.string().nullable(),
  /** Set when this person was merged into another one (and so deleted). */
  mergedIntoId: z.number().int().nullable(),
  /** Set by a GDPR erasure: the row stays for the counts, without any personal data. */
  erasedAt: z.string().nullable(),
  affiliations: z.array(affiliation),
  offices: z.array(office),
  consents: z.array(consentState),
  /** More e-mail addresses and phone numbers; the main `email` is the one exports write. */
  contactPoints: z.array(contactPoint),
  /** 'Sehr geehrte Frau Dr. Müller,' — with a current office: 'Sehr geehrte Frau Landrätin,' */
  letterSalutation: z.string(),
});
export type Person = z.infer<typeof person>;

export const personListItem = z.object({
  ...personCore,
  /** The primary (else the latest) current affiliation's organisation. */
  organization: entityRef.nullable(),
  function: z.string().nullable(),
  /** District code of that organisation. */
  district: z.string().nullable(),
});
export type PersonListItem = z.infer<typeof personListItem>;
export const personPage = page(personListItem);

export const personInput = z.object({
  ...personFields,
  tagIds: personFields.tagIds.default([]),
  affiliations: z.array(affiliationInput).max(20).default([]),
  offices: z.array(officeInput).max(20).default([]),
  /** Create even though likely duplicates exist (after the user has seen them). */
  confirmDuplicate: z.boolean().default(false),
});
export type PersonInput = z.input<typeof personInput>;

/** Replaces the given fields; `tagIds` replaces the whole tag set. */
export const personPatch = z
  .object(personFields)
  .partial()
  .extend({ confirmDuplicate: z.boolean().default(false) })
  .strict();
export type PersonPatch = z.input<typeof personPatch>;

const duplicateReason = z.enum(['email', 'name']);
/** A likely duplicate as the 409 on create (`data.candidates`) and the duplicates list show it. */
export const personDuplicateCandidate = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  organization: entityRef.nullable(),
  reason: duplicateReason,
});
export type PersonDuplicateCandidate = z.infer<typeof personDuplicateCandidate>;

export const personDuplicateGroup = z.object({
  reason: duplicateReason,
  /** The shared e-mail (lower case) or normalised name. */
  key: z.string(),
  persons: z.array(personDuplicateCandidate),
});
export type PersonDuplicateGroup = z.infer<typeof personDuplicateGroup>;
export const personDuplicatePage = page(personDuplicateGroup);
export const personDuplicateQuery = z.object(paging);

/** A person's name and main contact values, the fields a merge and an import both deal in. */
export const PERSON_CONTACT_FIELDS = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'email',
  'phone',
  'mobile',
] as const;
/** Fields of which a merge keeps one record's value; the other's e-mail or phone number stays as an additional one. */
export const PERSON_MERGE_FIELDS = PERSON_CONTACT_FIELDS;
export type PersonMergeField = (typeof PERSON_MERGE_FIELDS)[number];

export const mergeBody = z.object({
  /** The person merged into the one in the path; it ends up deleted with `mergedIntoId` set. */
  sourceId: refId,
  /**
   * Per field, whose value the merged person keeps: 'target' (this person) or 'source'. Unnamed fields keep the target's
   * value, or the source's where the target has none. An e-mail, phone or mobile not kept stays as an additional one.
   */
  keep: z.partialRecord(z.enum(PERSON_MERGE_FIELDS), z.enum(['target', 'source'])).default({}),
});
export type MergeBody = z.input<typeof mergeBody>;

// The person filter: one definition for the list, exports and segments.

const ids = repeated(queryId);

/**
 * Conditions that must hold for one and the same attendance: the event's QTI node, kind, topic, the event itself, the
 * period its start falls in, the attendance's status and role. Without `status` every status but `cancelled` counts.
 */
export const attendanceGroup = z
  .object({
    /** QTI node of the event. */
    nodeId: ids,
    eventKind: repeated(z.enum(EVENT_KINDS)),
    /** Topic id of the event. */
    topic: ids,
    eventId: ids,
    /** Event start on or after this day. */
    from: isoDate.optional(),
    /** Event start on or before this day. */
    to: isoDate.optional(),
    status: repeated(z.enum(ATTENDANCE_STATUSES)),
    role: repeated(z.enum(ATTENDANCE_ROLES)),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.from && g.to && g.to < g.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'darf nicht vor from liegen' });
  });
export type AttendanceGroup = z.infer<typeof attendanceGroup>;
export type AttendanceGroupInput = z.input<typeof attendanceGroup>;
export const ATTENDANCE_GROUPS_MAX = 10;

/**
 * Attendance groups as a query parameter: each value one group as a JSON object (or a JSON array of groups), repeated
 * for more groups — `attended={"nodeId":[1],"from":"2024-01-01"}`; in a JSON body (segments) a plain array of groups.
 */
const attendanceGroups = z.preprocess((value, ctx) => {
  if (value === undefined) return undefined;
  const out: unknown[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item !== 'string') {
      out.push(item);
      continue;
    }
    try {
      const parsed: unknown = JSON.parse(item);
      out.push(...(Array.isArray(parsed) ? parsed : [parsed]));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'ist kein JSON-Objekt einer Teilnahmebedingung', input: item });
      return z.NEVER;
    }
  }
  return out;
}, z.array(attendanceGroup).max(ATTENDANCE_GROUPS_MAX).optional());

/**
 * Filters over persons (docs/architecture.md §2.5). Filters combine with AND, the values of a repeated one with OR.
 * Organisation criteria apply to current affiliations. `attended` and `notAttended` are groups of attendance
 * conditions: a person matches when they have (or have not) an attendance meeting every condition of the group; all
 * groups must hold. The flat attendance criteria (event, kind, status, role, date range, topic) are one more such
 * group, kept for existing links and segments: without `attendanceStatus` it counts every status, cancelled ones
 * too. `excludeEventId`/`excludeEventKind` drop persons with an attendance at such an event (with a status from
 * `attendanceStatus`, when given, else any but cancelled) at any time.
 */
export const personFilter = z.object({
  q: z.string().trim().max(200).optional(),
  organizationId: ids,
  organizationKind: repeated(organizationKind),
  /** WZ 2008 code prefix: '29' matches 29, 29.1 and 29.32; a section letter matches its whole section. */
  sector: repeated(wzCode),
  district: repeated(districtCode),
  /** Currently affiliated to an organisation related to the node (or hosting it). */
  affiliatedNodeId: ids,
  /** Either of: affiliated as `affiliatedNodeId`, or an attendance (not cancelled) at an event of the node. Kept for
   * existing links and segments; `affiliatedNodeId` and an `attended` group with `nodeId` ask each on its own. */
  nodeId: ids,
  relationType: repeated(z.enum(RELATION_TYPES)),
  tag: ids,
  hasEmail: queryBool.optional(),
  /** Has an attendance meeting every condition of the group, for each group. */
  attended: attendanceGroups,
  /** Has no attendance meeting every condition of the group, for each group. */
  notAttended: attendanceGroups,
  eventId: ids,
  eventKind: repeated(z.enum(EVENT_KINDS)),
  attendanceStatus: repeated(z.enum(ATTENDANCE_STATUSES)),
  attendanceRole: repeated(z.enum(ATTENDANCE_ROLES)),
  /** Event start on or after this day. */
  attendedFrom: isoDate.optional(),
  /** Event start on or before this day. */
  attendedTo: isoDate.optional(),
  /** Topic id of the attended event. */
  topic: ids,
  excludeEventId: ids,
  excludeEventKind: repeated(z.enum(EVENT_KINDS)),
  /** Channel whose latest consent entry is `granted`. */
  consent: repeated(z.enum(CONSENT_CHANNELS)),
  /** true: only deleted (and merged or erased) persons; otherwise they are left out. */
  deleted: queryBool.optional(),
});
export type PersonFilter = z.infer<typeof personFilter>;
export type PersonFilterInput = z.input<typeof personFilter>;

export const PERSON_SORT_FIELDS = ['lastName', 'firstName', 'email', 'createdAt', 'updatedAt', 'organization'] as const;
export const personListQuery = listQuery(PERSON_SORT_FIELDS)
  .extend(personFilter.shape)
  .superRefine((f, ctx) => {
    if (f.attendedFrom && f.attendedTo && f.attendedTo < f.attendedFrom) {
      ctx.addIssue({ code: 'custom', path: ['attendedTo'], message: 'darf nicht vor attendedFrom liegen' });
    }
  });
export type PersonListQuery = z.input<typeof personListQuery>;
