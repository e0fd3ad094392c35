import type { EventRow } from '@anett/db/schema';
import { linkSecretOf } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { signToken } from '../../lib/signed-token.ts';
import { displayName } from '../persons/persons.repository.ts';
import { eventCalendar } from './calendar.ts';
import { DAY, eventFacts as facts, PREFS_TTL_MS, promotedMail } from './registration-mails.ts';

/**
 * A self-registered person moved up from the waiting list (by anyone's cancellation or a larger capacity): the mail
 * that says so, with the calendar file and a cancel link. Synchronous: runs inside the write that promoted them.
 */
export function notifyPromotion(ctx: AppContext, event: EventRow, personId: number): void {
  const request = ctx.registrations.waitlistedRequest(event.id, personId);
  if (!request?.origin || !request.email) return;
  const secret = linkSecretOf(ctx.config);
  const origin = ctx.config.publicOrigin ?? request.origin;
  const cancelTtl = Math.max(DAY, new Date(event.endsAt ?? event.startsAt).getTime() - Date.now() + DAY);
  const cancel = `${origin}/absage?token=${signToken(secret, 'cancel', { r: request.id }, new Date(Date.now() + cancelTtl))}`;
  const preferences = `${origin}/einstellungen?token=${signToken(secret, 'prefs', { e: request.email }, new Date(Date.now() + PREFS_TTL_MS))}`;
  ctx.registrations.update(request.id, { outcome: 'registered' });
  ctx.mail.enqueue({
    kind: 'registration_promoted',
    to: request.email,
    ...promotedMail(request.language, {
      name: displayName(request),
      event: facts(event),
      cancel,
      preferences,
    }),
    attachments: [
      {
        filename: 'einladung.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: eventCalendar(event, ctx.events.sessions(event.id), new URL(origin).hostname),
      },
    ],
  });
}
