import { formalName } from '@anett/shared/salutation';
import type { Attendance } from '@anett/shared/schemas/attendance';
import { type Event, sessionDuration } from '@anett/shared/schemas/event';
import { type AttendanceRole, EVENT_KIND } from '@anett/shared/vocab/enums';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDate, formatNumber, formatRange, gridLayout, renderPdf } from '../../lib/pdf.ts';
import { berlinFormat } from '../../lib/time.ts';

/**
 * The PDF documents of an event: Teilnehmerliste to sign (a signature column per course session), Teilnahme-
 * bescheinigungen for a course's participants, and a Bestätigung der Mitwirkung for trainers, organisers and speakers.
 */

const SENDER = 'ANeTT – Automotive Netzwerk Transformation Thüringen';
const sender = (event: Event) => (event.node ? `${SENDER} · ${event.node.name}` : SENDER);

const personName = (a: Attendance) => [a.person.title, a.person.firstName, a.person.lastName].filter(Boolean).join(' ');

/**
 * The city of an event for the place line of a document ("Rohr, 12.03.2025"), not the venue's address: the city after
 * a postcode in the location ('…, 98530 Rohr'), else the last part of an address-like location ('Bildungswerk Gotha,
 * Schöne Aussicht 8, Gotha'), else the city of the node's host organisation, else the location as given.
 */
export function eventCity(location: string | null, hostCity: string | null): string {
  const text = (location ?? '').trim();
  const afterPostcode = /\b\d{5}\s+([^,\n]+)/.exec(text)?.[1]?.trim();
  if (afterPostcode) return afterPostcode;
  const parts = text.split(',').map((p) => p.trim());
  const last = parts.at(-1);
  if (parts.length > 1 && last && !/\d/.test(last)) return last;
  if (hostCity) return hostCity;
  return text.toLowerCase() === 'online' ? '' : text;
}

/** What the attendance list needs of a session: when it is held. */
export type ListSession = { startsAt: string; endsAt: string | null };
/** Signature columns that fit beside number, name and organisation on a landscape page. */
const SESSIONS_PER_PAGE = 8;
const sessionDay = berlinFormat('de-DE', { day: '2-digit', month: '2-digit' });

/**
 * Teilnehmerliste to sign at the event: registered and attended persons by name, plus blank rows for walk-ins. A course
 * with sessions gets a signature column per session (eight to a landscape page, further sessions on the next pages).
 */
export function attendanceListPdf(
  event: Event,
  people: Attendance[],
  blankRows: number,
  printedAt: string,
  sessions: ListSession[] = [],
) {
  const where = [event.location, event.node?.name].filter(Boolean).join(' · ');
  const names = [
    ...people.map((a) => ({ name: personName(a), organization: a.organization?.name ?? '' })),
    ...Array.from({ length: blankRows }, () => ({ name: '', organization: '' })),
  ];
  const chunks: (ListSession | null)[][] = sessions.length
    ? Array.from({ length: Math.ceil(sessions.length / SESSIONS_PER_PAGE) }, (_, i) =>
        sessions.slice(i * SESSIONS_PER_PAGE, (i + 1) * SESSIONS_PER_PAGE),
      )
    : [[null]];
  const sessionHeader = (s: ListSession | null): TableCell => {
    if (!s) return { text: 'Unterschrift', bold: true };
    const n = sessions.indexOf(s) + 1;
    const time = formatRange(s.startsAt, s.endsAt).split(', ')[1]?.replace(' Uhr', '') ?? '';
    return {
      text: [{ text: `${n}. Termin\n`, bold: true }, `${sessionDay.format(new Date(s.startsAt))}\n`, time],
      fontSize: 7.5,
    };
  };
  const tables: Content[] = chunks.map((chunk, page) => ({
    ...(page > 0 ? { pageBreak: 'before' as const } : {}),
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [
        22,
        sessions.length ? 118 : '*',
        sessions.length ? 100 : '*',
        ...chunk.map(() => (sessions.length ? '*' : 150)),
      ],
      heights: (i: number) => (i === 0 ? 0 : 26),
      body: [
        [
          { text: 'Nr.', bold: true },
          { text: 'Name', bold: true },
          { text: 'Organisation', bold: true },
          ...chunk.map(sessionHeader),
        ],
        ...names.map((p, i) => [
          { text: String(i + 1), alignment: 'right' as const },
          p.name,
          p.organization,
          ...chunk.map(() => ''),
        ]),
      ],
    },
    layout: gridLayout,
  }));
  const count = `${people.length} ${people.length === 1 ? 'angemeldete Person' : 'angemeldete Personen'}`;
  const pages = chunks.length > 1 ? ` · Termine auf ${chunks.length} Seiten` : '';
  return renderPdf({
    title: `Teilnehmerliste – ${event.title}`,
    footerText: `${sender(event)} · Stand ${formatDate(printedAt)}`,
    createdAt: printedAt,
    pageOrientation: sessions.length > 2 ? 'landscape' : 'portrait',
    content: [
      { text: 'Teilnehmerliste', fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      { text: event.title, fontSize: 14, bold: true, margin: [0, 0, 0, 2] },
      {
        text: [EVENT_KIND[event.kind].de, formatRange(event.startsAt, event.endsAt), where].filter(Boolean).join(' · '),
        color: '#333333',
        margin: [0, 0, 0, 12],
      },
      ...tables,
      { text: `${count}${pages}`, fontSize: 9, color: '#555555', margin: [0, 8, 0, 0] },
    ],
  });
}

export type CertificateInput = {
  attendance: Attendance;
  sessions: { title: string | null; startsAt: string; endsAt: string | null; hours: number }[];
};

const paragraphs = (text: string | null): Content[] =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p, margin: [0, 0, 0, 4] }));

/** Hours credited for a session; none credited (0) for a session with start and end is its duration. */
const hoursOf = (s: CertificateInput['sessions'][number]) => s.hours || sessionDuration(s.startsAt, s.endsAt);

/** How a contributor's part is named, by role and the person's salutation (neutral form without one). */
const CONTRIBUTION: Record<AttendanceRole, { frau: string; herr: string; neutral: string }> = {
  trainer: { frau: 'als Dozentin', herr: 'als Dozent', neutral: 'als Dozent/in' },
  speaker: { frau: 'als Referentin', herr: 'als Referent', neutral: 'als Referent/in' },
  panelist: { frau: 'als Podiumsgast', herr: 'als Podiumsgast', neutral: 'als Podiumsgast' },
  moderator: { frau: 'als Moderatorin', herr: 'als Moderator', neutral: 'in der Moderation' },
  organiser: { frau: 'in der Organisation', herr: 'in der Organisation', neutral: 'in der Organisation' },
  guest: { frau: 'als Teilnehmerin', herr: 'als Teilnehmer', neutral: 'als Teilnehmer/in' },
  press: { frau: 'als Pressevertreterin', herr: 'als Pressevertreter', neutral: 'für die Presse' },
};

/** A document is dated the last day of the event (its end, or its latest session), not the day it is printed. */
export function certificateDate(event: Event, sessions: CertificateInput['sessions']): string {
  // ISO instants in UTC sort as text.
  const ends = [event.endsAt ?? event.startsAt, ...sessions.map((s) => s.endsAt ?? s.startsAt)].sort();
  return ends.at(-1) ?? event.startsAt;
}

type Kind = 'certificate' | 'contribution';

/**
 * One page: a Teilnahmebescheinigung (person, course, dates attended, hours, content) or a Bestätigung der Mitwirkung
 * (person, event, role, the sessions they were recorded at), with place (the city) and the event's last day.
 */
function documentPage(kind: Kind, event: Event, { attendance, sessions }: CertificateInput, city: string): Content[] {
  const salutation = attendance.person.salutation as 'frau' | 'herr' | null;
  const name = formalName({
    salutation,
    title: attendance.person.title,
    firstName: attendance.person.firstName,
    lastName: attendance.person.lastName,
  });
  const totalHours = sessions.reduce((sum, s) => sum + hoursOf(s), 0);
  const scope = sessions.length
    ? `an ${sessions.length === 1 ? 'einem Termin' : `${sessions.length} Terminen`} im Umfang von ${formatNumber(totalHours)} ${totalHours === 1 ? 'Stunde' : 'Stunden'} `
    : '';
  const center = (text: string, extra: object = {}): Content => ({ text, alignment: 'center', ...extra });
  const dates: Content[] = sessions.length
    ? [
        {
          margin: [0, 18, 0, 0],
          table: {
            headerRows: 1,
            widths: [150, '*', 60],
            body: [
              [
                { text: 'Termin', bold: true },
                { text: 'Inhalt', bold: true },
                { text: 'Stunden', bold: true, alignment: 'right' },
              ],
              ...sessions.map((s) => [
                formatRange(s.startsAt, s.endsAt),
                s.title ?? '',
                { text: formatNumber(hoursOf(s)), alignment: 'right' as const },
              ]),
              [
                { text: 'Gesamt', bold: true, colSpan: 2 },
                '',
                { text: formatNumber(totalHours), bold: true, alignment: 'right' as const },
              ],
            ],
          },
          layout: gridLayout,
        },
      ]
    : [];
  const topics = event.topics.map((t) => t.label).join(', ');
  const content: Content[] =
    kind === 'certificate' && (topics || event.description)
      ? [
          { text: 'Inhalte', fontSize: 13, bold: true, margin: [0, 18, 0, 6] },
          ...(topics ? [{ text: [{ text: 'Themen: ', bold: true }, topics], margin: [0, 0, 0, 4] } as Content] : []),
          ...paragraphs(event.description),
        ]
      : [];
  const isCourse = event.kind === 'course';
  const role = CONTRIBUTION[attendance.role][salutation ?? 'neutral'];
  const [heading, preposition, closing] =
    kind === 'certificate'
      ? ['Teilnahmebescheinigung', 'am Lehrgang', `${scope}teilgenommen hat.`]
      : [
          'Bestätigung der Mitwirkung',
          isCourse ? 'beim Lehrgang' : 'bei der Veranstaltung',
          `${role} ${scope}mitgewirkt hat.`,
        ];
  return [
    center(heading, { fontSize: 26, bold: true, margin: [0, 40, 0, 34] }),
    center('Hiermit wird bestätigt, dass'),
    center(name, { fontSize: 18, bold: true, margin: [0, 10, 0, 4] }),
    ...(attendance.organization ? [center(`(${attendance.organization.name})`)] : []),
    center(preposition, { margin: [0, 10, 0, 0] }),
    center(event.title, { fontSize: 16, bold: true, margin: [0, 10, 0, 6] }),
    center([formatRange(event.startsAt, event.endsAt), event.location ?? event.node?.name].filter(Boolean).join(' · ')),
    center(closing, { margin: [0, 6, 0, 0] }),
    ...dates,
    ...content,
    {
      margin: [0, 60, 0, 2],
      canvas: [
        { type: 'line', x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.5 },
        { type: 'line', x1: 260, y1: 0, x2: 460, y2: 0, lineWidth: 0.5 },
      ],
    },
    {
      columns: [
        { text: `${city ? `${city}, ` : ''}${formatDate(certificateDate(event, sessions))}`, fontSize: 9, width: 260 },
        { text: 'Unterschrift / Stempel', fontSize: 9 },
      ],
    },
  ];
}

/** One document per page (one, or all of an event for printing at once). */
function documentsPdf(kind: Kind, event: Event, items: CertificateInput[], issuedAt: string, city: string) {
  const first = items[0];
  const [one, many] =
    kind === 'certificate'
      ? ['Teilnahmebescheinigung', 'Teilnahmebescheinigungen']
      : ['Bestätigung der Mitwirkung', 'Bestätigungen der Mitwirkung'];
  return renderPdf({
    title:
      items.length === 1 && first
        ? `${one} – ${personName(first.attendance)} – ${event.title}`
        : `${many} – ${event.title}`,
    footerText: sender(event),
    pageNumbers: false,
    createdAt: issuedAt,
    content: items.map((c, i) => ({
      stack: documentPage(kind, event, c, city),
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    })),
  });
}

/** Teilnahmebescheinigungen for participants of a course; `city` is the place line (see `eventCity`). */
export const certificatesPdf = (event: Event, certificates: CertificateInput[], issuedAt: string, city: string) =>
  documentsPdf('certificate', event, certificates, issuedAt, city);

/** Bestätigungen der Mitwirkung for trainers, organisers, speakers, panelists and moderators of an event. */
export const contributionsPdf = (event: Event, contributions: CertificateInput[], issuedAt: string, city: string) =>
  documentsPdf('contribution', event, contributions, issuedAt, city);
