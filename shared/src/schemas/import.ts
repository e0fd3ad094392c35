import { z } from 'zod';
import { counts, multilineText, optionalText, requiredText } from './common.ts';
import { consentChannel, consentSource } from './consent.ts';
import { PERSON_CONTACT_FIELDS } from './person.ts';

export const IMPORT_KINDS = ['persons', 'organizations'] as const;
export const importKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof importKind>;

/**
 * Fields a column can be mapped to. `organization` links the person to the organisation of that name (created when
 * unknown); `street`, `postalCode` and `city` are the address of an organisation the import creates.
 */
export const PERSON_IMPORT_FIELDS = [
  ...PERSON_CONTACT_FIELDS,
  'notes',
  'organization',
  'function',
  'street',
  'postalCode',
  'city',
] as const;
/** `sectors`: WZ 2008 codes separated by comma, semicolon or space; `kind` and `district` as code or German label. */
export const ORGANIZATION_IMPORT_FIELDS = [
  'name',
  'shortName',
  'kind',
  'sizeClass',
  'employees',
  'street',
  'postalCode',
  'city',
  'district',
  'website',
  'email',
  'phone',
  'notes',
  'sectors',
] as const;
export const IMPORT_FIELDS = { persons: PERSON_IMPORT_FIELDS, organizations: ORGANIZATION_IMPORT_FIELDS } as const;
export const IMPORT_MAX_ROWS = 20_000;

/** Column header → field; an empty string ignores the column. */
export const importMapping = z.record(z.string().max(200), z.string().max(40));
export type ImportMapping = z.infer<typeof importMapping>;

/** Per file line (the header is line 1): what to do with a row that has duplicate candidates (or that should be left out). */
export const importDecision = z.enum(['skip', 'update', 'create']);
export type ImportDecision = z.infer<typeof importDecision>;

export const importBody = z
  .object({
    kind: importKind,
    fileName: requiredText(255),
    /** The .csv (UTF-8 or Windows-1252, `;`/`,`/tab) or .xlsx file, base64-encoded. */
    contentBase64: z.string().min(1).max(7_000_000),
    /**
     * Without it, each column is mapped by its header (German and English names, the app's own export headers); a
     * column whose header is unknown takes the field the user chose for it last time.
     */
    mapping: importMapping.optional(),
    decisions: z.record(z.string().regex(/^\d{1,7}$/, 'Zeilennummer'), importDecision).default({}),
    /** Persons only: a consent entry (granted) recorded for every imported person. */
    consent: z
      .object({
        channel: consentChannel,
        source: consentSource.default('import'),
        legalBasis: optionalText(200),
        evidence: multilineText(2000),
      })
      .optional(),
  })
  .superRefine((b, ctx) => {
    const fields: readonly string[] = IMPORT_FIELDS[b.kind];
    for (const [column, field] of Object.entries(b.mapping ?? {})) {
      if (field !== '' && !fields.includes(field)) {
        ctx.addIssue({ code: 'custom', path: ['mapping', column], message: `unbekanntes Feld '${field}'` });
      }
    }
    if (b.consent && b.kind !== 'persons') {
      ctx.addIssue({ code: 'custom', path: ['consent'], message: 'nur beim Import von Personen' });
    }
  });
export type ImportBody = z.input<typeof importBody>;

export const importDuplicate = z.object({
  id: z.number().int(),
  name: z.string(),
  /** E-mail and organisation of a person, city of an organisation. */
  detail: z.string().nullable(),
  reason: z.enum(['email', 'name', 'file']),
});
export type ImportDuplicate = z.infer<typeof importDuplicate>;

export const importRowResult = z.object({
  line: z.number().int(),
  /** The mapped values as read (trimmed), by field. */
  values: z.record(z.string(), z.string()),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  /** Existing records this row may duplicate ('update' updates the first one). */
  duplicates: z.array(importDuplicate),
  /** The e-mail address is on the suppression list: the row cannot be imported. */
  suppressed: z.boolean(),
  /** What the commit does with the row; null: invalid or an undecided duplicate. */
  action: importDecision.nullable(),
  /** What the commit does beside the row's own values, or leaves out, in words (e.g. an address not taken). */
  notices: z.array(z.string()),
});
export type ImportRowResult = z.infer<typeof importRowResult>;

/** Per column: its first non-empty cell, so a column can be recognised by its content while mapping it. */
export const importExamples = z.record(z.string(), z.string());

export const importPreview = z.object({
  kind: importKind,
  columns: z.array(z.string()),
  examples: importExamples,
  mapping: importMapping,
  rows: z.array(importRowResult),
  /** `ready`: the rows the commit would write (create or update). */
  summary: z.object(counts('total', 'ready', 'invalid', 'duplicates', 'undecided', 'suppressed', 'skipped')),
});
export type ImportPreview = z.infer<typeof importPreview>;

/** `organizationsCreated`: organisations created for persons whose organisation was not known yet. */
export const importCommitResult = z.object({
  ...counts('created', 'updated', 'skipped', 'consents', 'organizationsCreated'),
  /** The records written (created or updated), in file order. */
  ids: z.array(z.number().int()),
});
export type ImportCommitResult = z.infer<typeof importCommitResult>;

/** `data` of a 400 for a mapping that cannot be used (a required field unmapped, a field twice, an unknown column). */
export const importMappingProblem = z.object({
  columns: z.array(z.string()),
  examples: importExamples,
  mapping: importMapping,
});
export type ImportMappingProblem = z.infer<typeof importMappingProblem>;

export const importMappingQuery = z.object({ kind: importKind });
export const importMappingResponse = z.object({ kind: importKind, mapping: importMapping.nullable() });
