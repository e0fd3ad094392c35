import { formalName } from '@anett/shared/salutation';
import type { Attendance } from '@anett/shared/schemas/attendance';
import type { Event } from '@anett/shared/schemas/event';
import { EVENT_KIND } from '@anett/shared/vocab/enums';

/** Printable HTML pages (Teilnehmerliste, Teilnahmebescheinigung); the browser prints them or saves them as PDF. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string | null | undefined) => (s ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const TZ = 'Europe/Berlin';
const dateFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TZ,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
const hoursFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
const formatTime = (iso: string) => timeFormat.format(new Date(iso));
export const formatHours = (n: number) => hoursFormat.format(n);

/** '15.11.2024, 10:00–14:00 Uhr' or '04.03.2025 – 06.03.2025'. */
function formatRange(startsAt: string, endsAt: string | null): string {
  if (!endsAt) return `${formatDate(startsAt)}, ${formatTime(startsAt)} Uhr`;
  if (formatDate(startsAt) === formatDate(endsAt)) {
    return `${formatDate(startsAt)}, ${formatTime(startsAt)}–${formatTime(endsAt)} Uhr`;
  }
  return `${formatDate(startsAt)} – ${formatDate(endsAt)}`;
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 11pt; color: #111; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 14pt; margin: 0 0 2mm; font-weight: 600; }
.meta { margin: 0 0 6mm; color: #333; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.3mm solid #444; padding: 2mm 2.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.list td { height: 11mm; }
.nr { width: 10mm; text-align: right; }
.sign { width: 55mm; }
.footer { margin-top: 6mm; font-size: 9pt; color: #555; }
.certificate { text-align: center; padding-top: 20mm; }
.certificate h1 { font-size: 26pt; letter-spacing: 0.5pt; margin-bottom: 14mm; }
.certificate .name { font-size: 18pt; font-weight: 600; margin: 4mm 0; }
.certificate .course { font-size: 16pt; font-weight: 600; margin: 4mm 0; }
.certificate .content, .certificate .sessions { text-align: left; margin: 8mm 0 0; }
.certificate .sessions td.hours { text-align: right; width: 30mm; }
.signature { display: flex; justify-content: space-between; margin-top: 24mm; text-align: left; }
.signature div { width: 75mm; border-top: 0.3mm solid #444; padding-top: 2mm; font-size: 9pt; }
.sender { margin-top: 12mm; font-size: 9pt; color: #555; text-align: center; }
@media screen { body { padding: 10mm; } }
`;

const page = (title: string, body: string) =>
  `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;

const paragraphs = (text: string | null) =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('\n');

/** Teilnehmerliste to sign at the event: registered and attended persons by name, plus blank rows for walk-ins. */
export function attendanceListHtml(event: Event, people: Attendance[], blankRows: number, printedAt: string): string {
  const where = [event.location, event.node?.name].filter(Boolean).join(' · ');
  const rows = people
    .map(
      (a, i) =>
        `<tr><td class="nr">${i + 1}</td><td>${escapeHtml([a.person.title, a.person.firstName, a.person.lastName].filter(Boolean).join(' '))}</td><td>${escapeHtml(a.organization?.name)}</td><td class="sign"></td></tr>`,
    )
    .concat(
      Array.from(
        { length: blankRows },
        (_, i) => `<tr><td class="nr">${people.length + i + 1}</td><td></td><td></td><td class="sign"></td></tr>`,
      ),
    )
    .join('\n');
  return page(
    `Teilnehmerliste – ${event.title}`,
    `<h1>Teilnehmerliste</h1>
<h2>${escapeHtml(event.title)}</h2>
<p class="meta">${escapeHtml(EVENT_KIND[event.kind].de)} · ${escapeHtml(formatRange(event.startsAt, event.endsAt))}${where ? ` · ${escapeHtml(where)}` : ''}</p>
<table class="list">
<thead><tr><th class="nr">Nr.</th><th>Name</th><th>Organisation</th><th class="sign">Unterschrift</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="footer">${people.length} ${people.length === 1 ? 'angemeldete Person' : 'angemeldete Personen'} · Stand ${escapeHtml(formatDate(printedAt))}</p>`,
  );
}

export type CertificateInput = {
  event: Event;
  attendance: Attendance;
  sessions: { title: string | null; startsAt: string; endsAt: string | null; hours: number }[];
  issuedAt: string;
};

/** Teilnahmebescheinigung for one attended course: person, course, dates attended, hours, content, place and date. */
export function certificateHtml({ event, attendance, sessions, issuedAt }: CertificateInput): string {
  const name = formalName({
    salutation: attendance.person.salutation as 'frau' | 'herr' | null,
    title: attendance.person.title,
    firstName: attendance.person.firstName,
    lastName: attendance.person.lastName,
  });
  const totalHours = sessions.reduce((sum, s) => sum + s.hours, 0);
  const place = event.location ?? event.node?.name ?? '';
  const dates = sessions.length
    ? `<table class="sessions">
<thead><tr><th>Termin</th><th>Inhalt</th><th class="hours">Stunden</th></tr></thead>
<tbody>
${sessions.map((s) => `<tr><td>${escapeHtml(formatRange(s.startsAt, s.endsAt))}</td><td>${escapeHtml(s.title)}</td><td class="hours">${escapeHtml(formatHours(s.hours))}</td></tr>`).join('\n')}
<tr><th colspan="2">Gesamt</th><th class="hours">${escapeHtml(formatHours(totalHours))}</th></tr>
</tbody>
</table>`
    : '';
  const topics = event.topics.length
    ? `<p><strong>Themen:</strong> ${escapeHtml(event.topics.map((t) => t.label).join(', '))}</p>`
    : '';
  const content =
    topics || event.description
      ? `<div class="content"><h2>Inhalte</h2>${topics}${paragraphs(event.description)}</div>`
      : '';
  const scope = sessions.length
    ? `an ${sessions.length === 1 ? 'einem Termin' : `${sessions.length} Terminen`} im Umfang von ${escapeHtml(formatHours(totalHours))} Stunden `
    : '';
  return page(
    `Teilnahmebescheinigung – ${name}`,
    `<div class="certificate">
<h1>Teilnahmebescheinigung</h1>
<p>Hiermit wird bestätigt, dass</p>
<p class="name">${escapeHtml(name)}</p>
${attendance.organization ? `<p>(${escapeHtml(attendance.organization.name)})</p>` : ''}
<p>am Lehrgang</p>
<p class="course">${escapeHtml(event.title)}</p>
<p>${escapeHtml([formatRange(event.startsAt, event.endsAt), place].filter(Boolean).join(' · '))}</p>
<p>${scope}teilgenommen hat.</p>
${dates}
${content}
<div class="signature"><div>${escapeHtml(place ? `${place}, ` : '')}${escapeHtml(formatDate(issuedAt))}</div><div>Unterschrift / Stempel</div></div>
<p class="sender">ANeTT – Automotive Netzwerk Transformation Thüringen${event.node ? ` · ${escapeHtml(event.node.name)}` : ''}</p>
</div>`,
  );
}
