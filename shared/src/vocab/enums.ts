/**
 * Fixed vocabularies of the domain (docs/architecture.md §1.2) with German and English labels.
 * Codes are stored in the database; labels are for people.
 */
type Vocab = Readonly<Record<string, { de: string; en: string }>>;

const codes = <V extends Vocab>(v: V) => Object.keys(v) as [keyof V & string, ...(keyof V & string)[]];

export const ORGANIZATION_KIND = {
  company: { de: 'Unternehmen', en: 'Company' },
  chamber: { de: 'Kammer', en: 'Chamber' },
  university: { de: 'Hochschule', en: 'University' },
  research: { de: 'Forschungseinrichtung', en: 'Research institute' },
  politics: { de: 'Politik', en: 'Politics' },
  authority: { de: 'Behörde / Verwaltung', en: 'Public authority' },
  education: { de: 'Bildungsträger', en: 'Education provider' },
  employment_agency: { de: 'Arbeitsagentur', en: 'Employment agency' },
  economic_development: { de: 'Wirtschaftsförderung', en: 'Economic development agency' },
  association: { de: 'Verband / Verein', en: 'Association' },
  network: { de: 'Netzwerk', en: 'Network' },
  utility: { de: 'Versorger', en: 'Utility' },
  other: { de: 'Sonstige', en: 'Other' },
} as const;
export const ORGANIZATION_KINDS = codes(ORGANIZATION_KIND);
export type OrganizationKind = keyof typeof ORGANIZATION_KIND;

/** EU SME definition (Recommendation 2003/361/EC) by head count. */
export const SIZE_CLASS = {
  micro: { de: 'Kleinstunternehmen (< 10)', en: 'Micro (< 10)' },
  small: { de: 'Kleinunternehmen (< 50)', en: 'Small (< 50)' },
  medium: { de: 'Mittleres Unternehmen (< 250)', en: 'Medium (< 250)' },
  large: { de: 'Großunternehmen (≥ 250)', en: 'Large (≥ 250)' },
} as const;
export const SIZE_CLASSES = codes(SIZE_CLASS);
export type SizeClass = keyof typeof SIZE_CLASS;
export const sizeClassFor = (employees: number): SizeClass =>
  employees < 10 ? 'micro' : employees < 50 ? 'small' : employees < 250 ? 'medium' : 'large';

export const RELATION_TYPE = {
  consortium_partner: { de: 'Konsortialpartner', en: 'Consortium partner' },
  node_host: { de: 'Träger QTI-Knoten', en: 'Node host' },
  member: { de: 'Mitglied', en: 'Member' },
  cooperation_partner: { de: 'Kooperationspartner', en: 'Cooperation partner' },
  funding_body: { de: 'Fördermittelgeber', en: 'Funding body' },
  partner_network: { de: 'Partnernetzwerk', en: 'Partner network' },
} as const;
export const RELATION_TYPES = codes(RELATION_TYPE);
export type RelationType = keyof typeof RELATION_TYPE;

export const SALUTATION = {
  frau: { de: 'Frau', en: 'Ms' },
  herr: { de: 'Herr', en: 'Mr' },
} as const;
export const SALUTATIONS = codes(SALUTATION);

export const EVENT_KIND = {
  opening: { de: 'Eröffnung', en: 'Opening' },
  panel: { de: 'Podiumsdiskussion', en: 'Panel' },
  workshop: { de: 'Workshop', en: 'Workshop' },
  course: { de: 'Lehrgang', en: 'Course' },
  network_meeting: { de: 'Netzwerktreffen', en: 'Network meeting' },
  webinar: { de: 'Webinar', en: 'Webinar' },
  fair: { de: 'Messe', en: 'Fair' },
  other: { de: 'Sonstige', en: 'Other' },
} as const;
export const EVENT_KINDS = codes(EVENT_KIND);
export type EventKind = keyof typeof EVENT_KIND;

export const ATTENDANCE_STATUS = {
  interested: { de: 'Interessiert', en: 'Interested' },
  registered: { de: 'Angemeldet', en: 'Registered' },
  waitlisted: { de: 'Warteliste', en: 'Waitlisted' },
  attended: { de: 'Teilgenommen', en: 'Attended' },
  no_show: { de: 'Nicht erschienen', en: 'No-show' },
  cancelled: { de: 'Abgesagt', en: 'Cancelled' },
} as const;
export const ATTENDANCE_STATUSES = codes(ATTENDANCE_STATUS);
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUS;

export const ATTENDANCE_ROLE = {
  guest: { de: 'Gast', en: 'Guest' },
  speaker: { de: 'Redner/in', en: 'Speaker' },
  panelist: { de: 'Podiumsgast', en: 'Panelist' },
  moderator: { de: 'Moderation', en: 'Moderator' },
  trainer: { de: 'Dozent/in', en: 'Trainer' },
  organiser: { de: 'Organisation', en: 'Organiser' },
  press: { de: 'Presse', en: 'Press' },
} as const;
export const ATTENDANCE_ROLES = codes(ATTENDANCE_ROLE);
export type AttendanceRole = keyof typeof ATTENDANCE_ROLE;
/**
 * The audience: who attends in these roles is a participant — gets a Teilnahmebescheinigung and is counted as reached
 * and as a course participant. Every other role runs or covers the event (Mitwirkende and press) and is counted apart.
 */
export const PARTICIPANT_ROLES = ['guest'] as const satisfies readonly AttendanceRole[];
export const isParticipantRole = (role: string) => (PARTICIPANT_ROLES as readonly string[]).includes(role);
/** Who contributes to an event: a confirmation of their contribution (Bestätigung der Mitwirkung) instead of a certificate. */
export const CONTRIBUTOR_ROLES = [
  'trainer',
  'organiser',
  'speaker',
  'panelist',
  'moderator',
] as const satisfies readonly AttendanceRole[];
export const isContributorRole = (role: string) => (CONTRIBUTOR_ROLES as readonly string[]).includes(role);

export const INTERACTION_KIND = {
  call: { de: 'Telefonat', en: 'Call' },
  meeting: { de: 'Besprechung', en: 'Meeting' },
  visit: { de: 'Besuch', en: 'Visit' },
  email: { de: 'E-Mail', en: 'E-mail' },
  event_conversation: { de: 'Gespräch auf Veranstaltung', en: 'Conversation at event' },
  note: { de: 'Notiz', en: 'Note' },
} as const;
export const INTERACTION_KINDS = codes(INTERACTION_KIND);
export type InteractionKind = keyof typeof INTERACTION_KIND;

export const CONSENT_CHANNEL = {
  email_newsletter: { de: 'E-Mail-Newsletter', en: 'E-mail newsletter' },
  post: { de: 'Post', en: 'Post' },
  phone: { de: 'Telefon', en: 'Phone' },
  event_photos: { de: 'Veranstaltungsfotos', en: 'Event photos' },
} as const;
export const CONSENT_CHANNELS = codes(CONSENT_CHANNEL);
export type ConsentChannel = keyof typeof CONSENT_CHANNEL;

export const CONSENT_SOURCE = {
  web_form: { de: 'Webformular', en: 'Web form' },
  event_registration: { de: 'Veranstaltungsanmeldung', en: 'Event registration' },
  business_card: { de: 'Visitenkarte', en: 'Business card' },
  phone: { de: 'Telefonisch', en: 'By phone' },
  import: { de: 'Import', en: 'Import' },
} as const;
export const CONSENT_SOURCES = codes(CONSENT_SOURCE);
/** Sources only the self-service pages record (never chosen in the manual form: they are proof by themselves). */
export const SELF_SERVICE_CONSENT_SOURCE = {
  double_opt_in: { de: 'Double-Opt-in (Anmeldeseite)', en: 'Double opt-in (registration page)' },
  preference_centre: { de: 'Einstellungsseite (Abmeldelink)', en: 'Preference centre (link in e-mail)' },
} as const;
/** Labels of every consent source, for showing ledger entries. */
export const ALL_CONSENT_SOURCE = { ...CONSENT_SOURCE, ...SELF_SERVICE_CONSENT_SOURCE } as const;

export const TAG_COLORS = [
  'gray',
  'red',
  'pink',
  'grape',
  'violet',
  'indigo',
  'blue',
  'cyan',
  'teal',
  'green',
  'lime',
  'yellow',
  'orange',
] as const;
