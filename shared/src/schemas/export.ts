import { z } from 'zod';
import { countsBy, page, paging } from './common.ts';
import { personFilter } from './person.ts';

/** Channels a mailing list can be exported for; what a person needs for each: e-mail, postal address, phone. */
export const EXPORT_CHANNELS = ['email_newsletter', 'post', 'phone'] as const;
export const exportChannel = z.enum(EXPORT_CHANNELS);
export type ExportChannel = z.infer<typeof exportChannel>;

export const EXPORT_FORMATS = ['csv', 'xlsx', 'vcf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Query of `GET /api/exports/persons.{csv|xlsx|vcf}` and `GET /api/exports/preview`: the person filter plus the
 * channel. Without `purpose` only persons whose latest consent entry for the channel is a grant are exported; with a
 * stated non-marketing purpose (e.g. 'Einladung Mitgliederversammlung') the grant is not required, but withdrawn and
 * suppressed persons stay excluded. The purpose is written to the audit log.
 */
export const exportQuery = personFilter
  .omit({ deleted: true })
  .extend({
    channel: exportChannel.default('email_newsletter'),
    purpose: z.string().trim().min(10).max(300).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.attendedFrom && f.attendedTo && f.attendedTo < f.attendedFrom) {
      ctx.addIssue({ code: 'custom', path: ['attendedTo'], message: 'darf nicht vor attendedFrom liegen' });
    }
  });
export type ExportQuery = z.infer<typeof exportQuery>;
export type ExportQueryInput = z.input<typeof exportQuery>;

/**
 * Why a person matching the filter is left out; each person is counted once, under the first reason that applies:
 * `suppressed` the e-mail address is on the suppression list (objection or erasure), `withdrawn` the latest consent
 * entry for the channel is a withdrawal, `noEmail` e-mail channel without an e-mail address, `noAddress` post without
 * a complete address (street, postal code, city) of the current organisation, `noPhone` phone without a phone or
 * mobile number, `noConsent` no consent entry for the channel at all (only without a purpose).
 */
export const EXPORT_EXCLUSIONS = ['suppressed', 'withdrawn', 'noEmail', 'noAddress', 'noPhone', 'noConsent'] as const;
export type ExportExclusion = (typeof EXPORT_EXCLUSIONS)[number];

export const exportPreview = z.object({
  /** Rows the file will contain. */
  included: z.number().int(),
  /** Persons left out, per reason. */
  excluded: countsBy(EXPORT_EXCLUSIONS),
  /** Persons matching the filter: included + all excluded. */
  total: z.number().int(),
});
export type ExportPreview = z.infer<typeof exportPreview>;

export const exportExcludedQuery = exportQuery.and(z.object(paging));
export type ExportExcludedQueryInput = z.input<typeof exportExcludedQuery>;

/** A person matching the filter who is left out of the export, with the first reason that applies. */
export const exportExcludedPerson = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  organization: z.string().nullable(),
  reason: z.enum(EXPORT_EXCLUSIONS),
});
export type ExportExcludedPerson = z.infer<typeof exportExcludedPerson>;
export const exportExcludedPage = page(exportExcludedPerson);

/**
 * Column headers of the CSV and XLSX files, in order. The person import reads every one of them back (Briefanrede is
 * derived and ignored; Straße, PLZ and Ort are the address of the current organisation).
 */
export const EXPORT_COLUMNS = [
  'Anrede',
  'Titel',
  'Vorname',
  'Nachname',
  'Briefanrede',
  'Funktion',
  'Organisation',
  'Straße',
  'PLZ',
  'Ort',
  'E-Mail',
  'Telefon',
  'Mobil',
] as const;
