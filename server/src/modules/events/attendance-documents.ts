import { formalName } from '@anett/shared/salutation';
import type { Attendance } from '@anett/shared/schemas/attendance';
import type { Event } from '@anett/shared/schemas/event';
import { EVENT_KIND } from '@anett/shared/vocab/enums';
import type { Content } from 'pdfmake/interfaces';
import { formatDate, formatNumber, formatRange, gridLayout, renderPdf } from '../../lib/pdf.ts';

/** The PDF documents of an event: Teilnehmerliste to sign, and Teilnahmebescheinigungen for a course. */

const SENDER = 'ANeTT – Automotive Netzwerk Transformation Thüringen';
const sender = (event: Event) => (event.node ? `${SENDER} · ${event.node.name}` : SENDER);

const personName = (a: Attendance) => [a.person.title, a.person.firstName, a.person.lastName].filter(Boolean).join(' ');

/** Teilnehmerliste to sign at the event: registered and attended persons by name, plus blank rows for walk-ins. */
export function attendanceListPdf(event: Event, people: Attendance[], blankRows: number, printedAt: string) {
  const where = [event.location, event.node?.name].filter(Boolean).join(' · ');
  const row = (nr: number, name: string, organization: string) => [
    { text: String(nr), alignment: 'right' as const },
    name,
    organization,
    '',
  ];
  const body = [
    ['Nr.', 'Name', 'Organisation', 'Unterschrift'].map((text) => ({ text, bold: true })),
    ...people.map((a, i) => row(i + 1, personName(a), a.organization?.name ?? '')),
    ...Array.from({ length: blankRows }, (_, i) => row(people.length + i + 1, '', '')),
  ];
  const count = `${people.length} ${people.length === 1 ? 'angemeldete Person' : 'angemeldete Personen'}`;
  return renderPdf({
    title: `Teilnehmerliste – ${event.title}`,
    footerText: `${sender(event)} · Stand ${formatDate(printedAt)}`,
    createdAt: printedAt,
    content: [
      { text: 'Teilnehmerliste', fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      { text: event.title, fontSize: 14, bold: true, margin: [0, 0, 0, 2] },
      {
        text: [EVENT_KIND[event.kind].de, formatRange(event.startsAt, event.endsAt), where].filter(Boolean).join(' · '),
        color: '#333333',
        margin: [0, 0, 0, 12],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [24, '*', '*', 150],
          heights: (i) => (i === 0 ? 0 : 26),
          body,
        },
        layout: gridLayout,
      },
      { text: count, fontSize: 9, color: '#555555', margin: [0, 8, 0, 0] },
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

/** A certificate is dated the last day of the course (its end, or its latest session), not the day it is printed. */
export function certificateDate(event: Event, sessions: CertificateInput['sessions']): string {
  // ISO instants in UTC sort as text.
  const ends = [event.endsAt ?? event.startsAt, ...sessions.map((s) => s.endsAt ?? s.startsAt)].sort();
  return ends.at(-1) ?? event.startsAt;
}

/** One certificate page: person, course, dates attended, hours, content, place and the course's last day. */
function certificatePage(event: Event, { attendance, sessions }: CertificateInput): Content[] {
  const name = formalName({
    salutation: attendance.person.salutation as 'frau' | 'herr' | null,
    title: attendance.person.title,
    firstName: attendance.person.firstName,
    lastName: attendance.person.lastName,
  });
  const totalHours = sessions.reduce((sum, s) => sum + s.hours, 0);
  const place = event.location ?? event.node?.name ?? '';
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
                { text: formatNumber(s.hours), alignment: 'right' as const },
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
    topics || event.description
      ? [
          { text: 'Inhalte', fontSize: 13, bold: true, margin: [0, 18, 0, 6] },
          ...(topics ? [{ text: [{ text: 'Themen: ', bold: true }, topics], margin: [0, 0, 0, 4] } as Content] : []),
          ...paragraphs(event.description),
        ]
      : [];
  return [
    center('Teilnahmebescheinigung', { fontSize: 26, bold: true, margin: [0, 40, 0, 34] }),
    center('Hiermit wird bestätigt, dass'),
    center(name, { fontSize: 18, bold: true, margin: [0, 10, 0, 4] }),
    ...(attendance.organization ? [center(`(${attendance.organization.name})`)] : []),
    center('am Lehrgang', { margin: [0, 10, 0, 0] }),
    center(event.title, { fontSize: 16, bold: true, margin: [0, 10, 0, 6] }),
    center([formatRange(event.startsAt, event.endsAt), place].filter(Boolean).join(' · ')),
    center(`${scope}teilgenommen hat.`, { margin: [0, 6, 0, 0] }),
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
        {
          text: `${place ? `${place}, ` : ''}${formatDate(certificateDate(event, sessions))}`,
          fontSize: 9,
          width: 260,
        },
        { text: 'Unterschrift / Stempel', fontSize: 9 },
      ],
    },
  ];
}

/** Teilnahmebescheinigungen, one page each (one certificate, or all of a course for printing at once); `issuedAt` is
 * the file's creation time, the certificates carry the course's dates. */
export function certificatesPdf(event: Event, certificates: CertificateInput[], issuedAt: string) {
  const first = certificates[0];
  return renderPdf({
    title:
      certificates.length === 1 && first
        ? `Teilnahmebescheinigung – ${personName(first.attendance)} – ${event.title}`
        : `Teilnahmebescheinigungen – ${event.title}`,
    footerText: sender(event),
    pageNumbers: false,
    createdAt: issuedAt,
    content: certificates.map((c, i) => ({
      stack: certificatePage(event, c),
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    })),
  });
}
