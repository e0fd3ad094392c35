import type { EventRow } from '@anett/db/schema';
import { formatRange } from '../../lib/pdf.ts';
import { berlinFormat } from '../../lib/time.ts';

type Lang = 'de' | 'en';
type Links = { preferences: string };

const enRange = (startsAt: string, endsAt: string | null) => {
  const f = berlinFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' });
  return endsAt ? `${f.format(new Date(startsAt))} – ${f.format(new Date(endsAt))}` : f.format(new Date(startsAt));
};
const when = (lang: Lang, startsAt: string, endsAt: string | null) =>
  lang === 'en' ? `${enRange(startsAt, endsAt)} (Berlin time)` : formatRange(startsAt, endsAt);

const footer = (lang: Lang, links: Links) =>
  lang === 'en'
    ? `\n--\nANeTT – Automotive Netzwerk Transformation Thüringen\nYour e-mail settings and consents: ${links.preferences}\n`
    : `\n--\nANeTT – Automotive Netzwerk Transformation Thüringen\nIhre E-Mail-Einstellungen und Einwilligungen: ${links.preferences}\n`;

export const HOUR = 60 * 60_000;
export const DAY = 24 * HOUR;
/** An e-mail settings link works this long. */
export const PREFS_TTL_MS = 2 * 365 * DAY;

export type EventFacts = { title: string; startsAt: string; endsAt: string | null; location: string | null };

export function confirmRequestMail(
  lang: Lang,
  p: { name: string; event: EventFacts; confirm: string; expiresAt: string } & Links,
) {
  const until = berlinFormat(lang === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(p.expiresAt),
  );
  if (lang === 'en') {
    return {
      subject: `Please confirm your registration: ${p.event.title}`,
      text: `Hello ${p.name},\n\nplease confirm your registration for\n\n  ${p.event.title}\n  ${when(lang, p.event.startsAt, p.event.endsAt)}${p.event.location ? `\n  ${p.event.location}` : ''}\n\nby opening this link (valid until ${until}):\n\n${p.confirm}\n\nOnly then are you registered. If you did not ask for this, ignore this e-mail: nothing will be stored.\n${footer(lang, p)}`,
    };
  }
  return {
    subject: `Bitte bestätigen Sie Ihre Anmeldung: ${p.event.title}`,
    text: `Guten Tag ${p.name},\n\nbitte bestätigen Sie Ihre Anmeldung zu\n\n  ${p.event.title}\n  ${when(lang, p.event.startsAt, p.event.endsAt)}${p.event.location ? `\n  ${p.event.location}` : ''}\n\nmit einem Klick auf diesen Link (gültig bis ${until} Uhr):\n\n${p.confirm}\n\nErst dann sind Sie angemeldet. Haben Sie sich nicht angemeldet, ignorieren Sie diese E-Mail: Es wird nichts gespeichert.\n${footer(lang, p)}`,
  };
}

export function confirmedMail(
  lang: Lang,
  p: { name: string; event: EventFacts; status: 'registered' | 'waitlisted'; cancel: string } & Links,
) {
  const waitlisted = p.status === 'waitlisted';
  if (lang === 'en') {
    return {
      subject: `${waitlisted ? 'Waiting list' : 'Registration confirmed'}: ${p.event.title}`,
      text: `Hello ${p.name},\n\n${waitlisted ? 'the event is fully booked: you are on the waiting list. We will let you know when a seat becomes free.' : 'you are registered for'}\n\n  ${p.event.title}\n  ${when(lang, p.event.startsAt, p.event.endsAt)}${p.event.location ? `\n  ${p.event.location}` : ''}\n\nThe attached calendar file (.ics) adds the dates to your calendar.\n\nCannot come? Cancel here, so that someone from the waiting list gets your seat:\n${p.cancel}\n${footer(lang, p)}`,
    };
  }
  return {
    subject: `${waitlisted ? 'Warteliste' : 'Anmeldung bestätigt'}: ${p.event.title}`,
    text: `Guten Tag ${p.name},\n\n${waitlisted ? 'die Veranstaltung ist ausgebucht: Sie stehen auf der Warteliste. Wir melden uns, sobald ein Platz frei wird.' : 'Sie sind angemeldet zu'}\n\n  ${p.event.title}\n  ${when(lang, p.event.startsAt, p.event.endsAt)}${p.event.location ? `\n  ${p.event.location}` : ''}\n\nMit der angehängten Kalenderdatei (.ics) tragen Sie die Termine in Ihren Kalender ein.\n\nSie können nicht kommen? Sagen Sie hier ab, damit jemand von der Warteliste Ihren Platz bekommt:\n${p.cancel}\n${footer(lang, p)}`,
  };
}

export function cancelledMail(lang: Lang, p: { name: string; event: EventFacts } & Links) {
  if (lang === 'en') {
    return {
      subject: `Registration cancelled: ${p.event.title}`,
      text: `Hello ${p.name},\n\nyour registration for ${p.event.title} (${when(lang, p.event.startsAt, p.event.endsAt)}) is cancelled.\n${footer(lang, p)}`,
    };
  }
  return {
    subject: `Anmeldung storniert: ${p.event.title}`,
    text: `Guten Tag ${p.name},\n\nIhre Anmeldung zu ${p.event.title} (${when(lang, p.event.startsAt, p.event.endsAt)}) ist storniert.\n${footer(lang, p)}`,
  };
}

export function promotedMail(lang: Lang, p: { name: string; event: EventFacts; cancel: string } & Links) {
  if (lang === 'en') {
    return {
      subject: `A seat is free – you are registered: ${p.event.title}`,
      text: `Hello ${p.name},\n\na seat has become free: you have moved up from the waiting list and are now registered for\n\n  ${p.event.title}\n  ${when(lang, p.event.startsAt, p.event.endsAt)}${p.event.location ? `\n  ${p.event.location}` : ''}\n\nThe attached calendar file (.ics) adds the dates to your calendar. Cannot come after all? Cancel here:\n${p.cancel}\n${footer(lang, p)}`,
    };
  }
  return {
    subject: `Platz frei – Sie sind angemeldet: ${p.event.title}`,
    text: `Guten Tag ${p.name},\n\nein Platz ist frei geworden: Sie sind von der Warteliste nachgerückt und jetzt angemeldet zu\n\n  ${p.event.title}\n  ${when(lang, p.event.startsAt, p.event.endsAt)}${p.event.location ? `\n  ${p.event.location}` : ''}\n\nMit der angehängten Kalenderdatei (.ics) tragen Sie die Termine in Ihren Kalender ein. Sie können doch nicht kommen? Sagen Sie hier ab:\n${p.cancel}\n${footer(lang, p)}`,
  };
}

/** What a mail says about an event. */
export const eventFacts = (e: EventRow): EventFacts => ({
  title: e.title,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  location: e.location,
});
