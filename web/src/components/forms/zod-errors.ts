import type { TFunction } from 'i18next';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** One issue in the UI language; custom rules of the shared schemas bring their own (German) sentence. */
function issueMessage(t: TFunction, issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('forms.required') : t('forms.tooShort', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'number') return t('forms.tooSmall', { min: Number(issue.minimum) });
      return t('forms.invalid');
    case 'too_big':
      if (issue.origin === 'string') return t('forms.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'number') return t('forms.tooBig', { max: Number(issue.maximum) });
      return t('forms.tooMany', { max: Number(issue.maximum) });
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? t('forms.required')
        : t('forms.invalid');
    case 'invalid_format':
      if (issue.format === 'email') return t('forms.email');
      if (issue.format === 'date') return t('forms.date');
      // A pattern with a message of its own ('Postleitzahl: fünf Ziffern') keeps it.
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : t('forms.invalid');
    case 'invalid_value':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? t('forms.required')
        : t('forms.invalid');
    case 'custom':
      return issue.message || t('forms.invalid');
    default:
      return t('forms.invalid');
  }
}

/**
 * Client-side check with a shared zod schema: field errors keyed by path (`affiliations.0.organizationId`), the same
 * keys `ApiError.fieldErrors` uses, so both land next to the same input.
 */
export function zodFieldErrors(t: TFunction, schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issueMessage(t, issue);
  }
  return errors;
}
