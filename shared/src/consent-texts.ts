/**
 * The newsletter consent text shown on the public registration page. A changed wording gets a new version; the
 * version a person agreed to is stored with the consent entry, so the text they saw can always be shown.
 */
export const NEWSLETTER_CONSENT_TEXTS = {
  '2026-12-01': {
    de: 'Ja, ich möchte den E-Mail-Newsletter von ANeTT mit Veranstaltungshinweisen und Neuigkeiten aus dem Netzwerk erhalten. Meine Einwilligung kann ich jederzeit über den Link in jeder E-Mail widerrufen.',
    en: 'Yes, I would like to receive the ANeTT e-mail newsletter with event announcements and news from the network. I can withdraw my consent at any time via the link in every e-mail.',
  },
} as const;
export type NewsletterConsentVersion = keyof typeof NEWSLETTER_CONSENT_TEXTS;
export const NEWSLETTER_CONSENT_VERSION: NewsletterConsentVersion = '2026-12-01';
export const NEWSLETTER_CONSENT_VERSIONS = Object.keys(NEWSLETTER_CONSENT_TEXTS) as [
  NewsletterConsentVersion,
  ...NewsletterConsentVersion[],
];
