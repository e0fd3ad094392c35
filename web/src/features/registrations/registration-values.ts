import { registrationSubmit } from '@anett/shared/schemas/registration';
import type { Language } from '../../lib/i18n.ts';

/** The public registration form's fields, as typed. */
export type RegistrationValues = {
  salutation: string;
  title: string;
  firstName: string;
  lastName: string;
  email: string;
  organization: string;
  function: string;
  newsletter: boolean;
  website: string;
};

export const EMPTY_REGISTRATION: RegistrationValues = {
  salutation: '',
  title: '',
  firstName: '',
  lastName: '',
  email: '',
  organization: '',
  function: '',
  newsletter: false,
  website: '',
};

/** What the form checks before sending (the server adds the form token). */
export const checkedRegistration = registrationSubmit.omit({ formToken: true });

/** The request body from the form's values (empty optional fields → null). */
export const registrationBody = (v: RegistrationValues, lang: Language) => ({
  salutation: (v.salutation || null) as 'frau' | 'herr' | null,
  title: v.title.trim() || null,
  firstName: v.firstName.trim(),
  lastName: v.lastName.trim(),
  email: v.email.trim(),
  organization: v.organization.trim() || null,
  function: v.function.trim() || null,
  newsletter: v.newsletter,
  language: lang,
  website: v.website,
});
