import i18n, { type CustomTypeOptions, type TFunction } from 'i18next';
import { isApiError } from './api-client.ts';

type KnownCode = keyof CustomTypeOptions['resources']['translation']['errors'];
const isKnown = (code: string): code is KnownCode => i18n.exists(`errors.${code}`);

/** A sentence for a failed request: our own wording for known codes, else the server's detail. */
export function errorMessage(t: TFunction, err: unknown): string {
  if (!isApiError(err)) return t('common.unexpectedError');
  if (err.status === 0) return t('common.networkError');
  if (isKnown(err.code)) return t(`errors.${err.code}`);
  if (err.status >= 500 || !err.detail) return t('common.unexpectedError');
  return err.detail;
}
