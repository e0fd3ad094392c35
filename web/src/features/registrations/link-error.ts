import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';

/** What a refused link means, in words for the person who clicked it. */
export function linkErrorText(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    if (err.code === 'LINK_EXPIRED') return t('registrations.linkExpired');
    if (err.code === 'LINK_USED') return t('registrations.linkUsed');
    if (err.code === 'LINK_INVALID' || err.status === 400) return t('registrations.linkInvalid');
    if (err.fieldErrors.token) return err.fieldErrors.token;
  }
  return errorMessage(t, err);
}
