import { normalizeEmail, normalizeOrgName, normalizePersonName } from '@anett/shared/normalize';
import type {
  ImportCommitResult,
  ImportDecision,
  ImportDuplicate,
  ImportKind,
  ImportMapping,
  ImportPreview,
  ImportRowResult,
  importBody,
} from '@anett/shared/schemas/import';
import { organizationInput } from '@anett/shared/schemas/organization';
import { personInput } from '@anett/shared/schemas/person';
import { ORGANIZATION_KIND } from '@anett/shared/vocab/enums';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { readTable, type Table } from '../../lib/read-table.ts';
import { nowIso } from '../../lib/time.ts';
import type { UserActor as Actor, AuditEntry } from '../audit/audit.repository.ts';
import { diffRecords } from '../audit/audit.repository.ts';
import { codeOf, districtOf, mappingFor, postalCodeError, salutationOf, sizeClassOf } from './import-fields.ts';

type Body = z.output<typeof importBody>;
type PersonValues = z.output<typeof personInput>;
type OrganizationValues = z.output<typeof organizationInput>;

/** What the commit does with a valid row. */
type Plan =
  | {
      kind: 'persons';
      line: number;
      action: 'create' | 'update';
      targetId?: number;
      values: PersonValues;
      organization: string | null;
      function: string | null;
      /** Given to the organisation when the import creates it, or when the existing one has no address yet. */
      address: Address;
    }
  | {
      kind: 'organizations';
      line: number;
      action: 'create' | 'update';
      targetId?: number;
      values: OrganizationValues;
      given: Set<string>;
    };

type Address = { street: string | null; postalCode: string | null; city: string | null };
type Analysis = { preview: ImportPreview; plans: Plan[] };

const hasAddress = (a: Address) => Boolean(a.street || a.postalCode || a.city);
const sameAddress = (a: Address, b: Address) =>
  (['street', 'postalCode', 'city'] as const).every((k) => (a[k] ?? '').trim() === (b[k] ?? '').trim());
const addressText = (a: Address) =>
  [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/** Per column its first non-empty cell (cut to 80 characters). */
const examplesOf = (table: Table): Record<string, string> =>
  Object.fromEntries(
    table.columns.flatMap((column, i) => {
      const cell = table.rows.find((r) => r.cells[i])?.cells[i];
      return cell ? [[column, cell.slice(0, 80)]] : [];
    }),
  );

const REQUIRED: Record<ImportKind, string[]> = { persons: ['firstName', 'lastName'], organizations: ['name'] };

/** Zod issues → field errors named by the import field. */
const issuesToErrors = (issues: z.core.$ZodIssue[]): FieldError[] =>
  issues.map((i) => ({ field: String(i.path[0] ?? 'row'), message: i.message }));

export function createImportsService(ctx: AppContext) {
  /** The mapping to use: the given one, else read from the headers, with the remembered one for unknown headers. */
  function effectiveMapping(
    userId: number,
    kind: ImportKind,
    table: Table,
    given: ImportMapping | undefined,
  ): ImportMapping {
    return given ?? mappingFor(kind, table.columns, ctx.imports.mapping(userId, kind));
  }

  function checkMapping(kind: ImportKind, table: Table, mapping: ImportMapping): void {
    const errors: FieldError[] = [];
    const fields = new Map<string, string>();
    for (const [column, field] of Object.entries(mapping)) {
      if (!table.columns.includes(column))
        errors.push({ field: `mapping.${column}`, message: 'Spalte ist nicht in der Datei' });
      if (!field) continue;
      if (fields.has(field))
        errors.push({
          field: `mapping.${column}`,
          message: `'${field}' ist schon der Spalte '${fields.get(field)}' zugeordnet`,
        });
      fields.set(field, column);
    }
    for (const field of REQUIRED[kind]) {
      if (!fields.has(field))
        errors.push({ field: 'mapping', message: `Pflichtfeld '${field}' ist keiner Spalte zugeordnet` });
    }
    if (errors.length) {
      // The columns and the mapping tried come along: the page lets the user fix the mapping column by column.
      throw AppError.of('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
        errors,
        data: { columns: table.columns, examples: examplesOf(table), mapping },
      });
    }
  }

  function valuesOf(table: Table, mapping: ImportMapping, cells: string[]): Record<string, string> {
    const values: Record<string, string> = {};
    table.columns.forEach((column, i) => {
      const field = mapping[column];
      const cell = cells[i] ?? '';
      if (field && cell !== '') values[field] = cell;
    });
    return values;
  }

  function personRow(values: Record<string, string>) {
    const errors: FieldError[] = [];
    const salutation = salutationOf(values.salutation ?? '');
    if (salutation === undefined)
      errors.push({ field: 'salutation', message: 'unbekannte Anrede (erwartet: Frau, Herr oder leer)' });
    const parsed = personInput.safeParse({
      salutation: salutation ?? null,
      title: values.title,
      firstName: values.firstName ?? '',
      lastName: values.lastName ?? '',
      email: values.email,
      phone: values.phone,
      mobile: values.mobile,
      notes: values.notes,
    });
    if (!parsed.success) errors.push(...issuesToErrors(parsed.error.issues));
    const limits = { organization: 300, function: 200, street: 200, city: 120 } as const;
    for (const [field, max] of Object.entries(limits)) {
      if ((values[field]?.length ?? 0) > max) errors.push({ field, message: `höchstens ${max} Zeichen` });
    }
    const postalError = values.postalCode ? postalCodeError(values.postalCode) : null;
    if (postalError) errors.push({ field: 'postalCode', message: postalError });
    // Persons have no address of their own: without an organisation it would be dropped.
    if (!values.organization && (values.street || values.postalCode || values.city)) {
      const field = values.street ? 'street' : values.postalCode ? 'postalCode' : 'city';
      errors.push({ field, message: 'Anschrift ohne Organisation: Personen haben keine eigene Anschrift' });
    }
    return { errors, values: parsed.success ? parsed.data : undefined };
  }

  function organizationRow(values: Record<string, string>) {
    const errors: FieldError[] = [];
    let employees: number | null = null;
    if (values.employees !== undefined) {
      employees = /^\d{1,7}$/.test(values.employees.replace(/[.\s]/g, ''))
        ? Number(values.employees.replace(/[.\s]/g, ''))
        : Number.NaN;
      if (Number.isNaN(employees)) errors.push({ field: 'employees', message: 'keine ganze Zahl' });
    }
    const postalError = values.postalCode ? postalCodeError(values.postalCode) : null;
    if (postalError) errors.push({ field: 'postalCode', message: postalError });
    const sizeClass = values.sizeClass ? sizeClassOf(values.sizeClass) : null;
    if (sizeClass === undefined) {
      errors.push({
        field: 'sizeClass',
        message: `unbekannte Größenklasse '${values.sizeClass}' (erwartet: kleinst, klein, mittel oder groß)`,
      });
    }
    const parsed = organizationInput.safeParse({
      name: values.name ?? '',
      shortName: values.shortName,
      kind: values.kind ? codeOf(values.kind, ORGANIZATION_KIND) : 'company',
      sizeClass: sizeClass ?? null,
      employees: Number.isNaN(employees) ? null : employees,
      street: values.street,
      postalCode: postalError ? null : values.postalCode,
      city: values.city,
      district: values.district ? districtOf(values.district) : null,
      website: values.website,
      email: values.email,
      phone: values.phone,
      notes: values.notes,
      sectors: values.sectors ? values.sectors.split(/[\s,;]+/).filter(Boolean) : [],
    });
    if (!parsed.success) errors.push(...issuesToErrors(parsed.error.issues));
    return { errors, values: parsed.success ? parsed.data : undefined };
  }

  async function analyse(body: Body, actor: Actor): Promise<Analysis & { table: Table }> {
    const table = await readTable(body.fileName, body.contentBase64);
    const mapping = effectiveMapping(actor.userId, body.kind, table, body.mapping);
    checkMapping(body.kind, table, mapping);

    const emails = table.rows.map((r) => valuesOf(table, mapping, r.cells).email).filter((e): e is string => !!e);
    const suppressed = ctx.suppressions.suppressedAmong(emails);
    const seen = new Map<string, number>();
    // Per organisation name: the address the commit gives it, from the first row that names it with one.
    const addresses = new Map<string, { line: number; address: Address }>();
    const rows: ImportRowResult[] = [];
    const plans: Plan[] = [];

    for (const { line, cells } of table.rows) {
      const values = valuesOf(table, mapping, cells);
      const decision: ImportDecision | undefined = body.decisions[String(line)];
      const parsed = body.kind === 'persons' ? personRow(values) : organizationRow(values);
      const errors = parsed.errors;
      const email = values.email ? normalizeEmail(values.email) : null;
      const isSuppressed = email !== null && suppressed.has(email);
      if (isSuppressed)
        errors.push({ field: 'email', message: 'E-Mail-Adresse ist gesperrt (Widerspruch oder Löschung)' });

      const duplicates: ImportDuplicate[] = [];
      if (parsed.values) {
        if (body.kind === 'persons') {
          const v = parsed.values as PersonValues;
          const found = ctx.persons.duplicateCandidates(v);
          found.sort((a, b) => Number(b.reason === 'email') - Number(a.reason === 'email'));
          for (const c of found) {
            const detail = [c.email, c.organization?.name].filter(Boolean).join(', ') || null;
            duplicates.push({ id: c.id, name: c.name, detail, reason: c.reason });
          }
        } else {
          const v = parsed.values as OrganizationValues;
          const found = ctx.organizations.duplicateCandidates({ name: v.name, email: v.email });
          found.sort((a, b) => Number(b.reason === 'email') - Number(a.reason === 'email'));
          for (const c of found) duplicates.push({ id: c.id, name: c.name, detail: c.city, reason: c.reason });
        }
        // The same e-mail or name twice in one file.
        const keys =
          body.kind === 'persons'
            ? [
                email && `e:${email}`,
                `n:${normalizePersonName((parsed.values as PersonValues).firstName, (parsed.values as PersonValues).lastName)}`,
              ]
            : [email && `e:${email}`, `n:${normalizeOrgName((parsed.values as OrganizationValues).name)}`];
        const earlier = keys.map((k) => (k ? seen.get(k) : undefined)).find((l) => l !== undefined);
        if (earlier !== undefined)
          duplicates.push({ id: earlier, name: `Zeile ${earlier}`, detail: null, reason: 'file' });
        for (const k of keys) if (k && !seen.has(k)) seen.set(k, line);
      }

      let action: ImportDecision | null = null;
      const existing = duplicates.find((d) => d.reason !== 'file');
      if (decision === 'skip') action = 'skip';
      else if (decision === 'update' && !existing) {
        errors.push({ field: 'decision', message: 'kein vorhandener Datensatz zum Aktualisieren' });
      } else if (!errors.length) {
        if (decision) action = decision;
        else if (!duplicates.length) action = 'create';
      }

      const address: Address = {
        street: values.street ?? null,
        postalCode: values.postalCode ?? null,
        city: values.city ?? null,
      };
      const notices =
        body.kind === 'persons' && values.organization && hasAddress(address) && !errors.length
          ? addressNotices(values.organization, address, line, addresses)
          : [];
      rows.push({ line, values, errors, duplicates, suppressed: isSuppressed, action, notices });
      if ((action === 'create' || action === 'update') && parsed.values) {
        const targetId = action === 'update' ? existing?.id : undefined;
        plans.push(
          body.kind === 'persons'
            ? {
                kind: 'persons',
                line,
                action,
                targetId,
                values: parsed.values as PersonValues,
                organization: values.organization ?? null,
                function: values.function ?? null,
                address,
              }
            : {
                kind: 'organizations',
                line,
                action,
                targetId,
                values: parsed.values as OrganizationValues,
                given: new Set(Object.keys(values)),
              },
        );
      }
    }

    const count = (p: (r: ImportRowResult) => boolean) => rows.filter(p).length;
    const preview: ImportPreview = {
      kind: body.kind,
      columns: table.columns,
      examples: examplesOf(table),
      mapping,
      rows,
      summary: {
        total: rows.length,
        ready: count((r) => r.action === 'create' || r.action === 'update'),
        invalid: count((r) => r.action !== 'skip' && r.errors.length > 0),
        duplicates: count((r) => r.duplicates.length > 0),
        undecided: count((r) => r.action === null && r.errors.length === 0),
        suppressed: count((r) => r.suppressed),
        skipped: count((r) => r.action === 'skip'),
      },
    };
    return { preview, plans, table };
  }

  /** The stored organisation a person row's organisation name means (same normalised name), if any. */
  const existingOrganization = (name: string) => {
    const id = ctx.organizations.duplicateCandidates({ name, email: null }).find((c) => c.reason === 'name')?.id;
    return id === undefined ? undefined : ctx.organizations.findById(id);
  };

  /**
   * What happens to a person row's address, which belongs to its organisation: it goes to a new organisation or to
   * an existing one without an address; where the organisation has (or an earlier row gives) another address, the
   * row's address is not taken — said, never dropped silently.
   */
  function addressNotices(
    name: string,
    address: Address,
    line: number,
    addresses: Map<string, { line: number; address: Address }>,
  ): string[] {
    const key = normalizeOrgName(name);
    const earlier = addresses.get(key);
    if (earlier) {
      return sameAddress(earlier.address, address)
        ? []
        : [
            `Anschrift nicht übernommen: „${name}“ erhält die Anschrift aus Zeile ${earlier.line} (${addressText(earlier.address)})`,
          ];
    }
    const stored = existingOrganization(name);
    if (stored && hasAddress(stored)) {
      return sameAddress(stored, address)
        ? []
        : [`Anschrift nicht übernommen: „${stored.name}“ hat schon eine Anschrift (${addressText(stored)})`];
    }
    addresses.set(key, { line, address });
    return stored ? [`Anschrift wird bei „${stored.name}“ ergänzt`] : [];
  }

  /**
   * The person's organisation by name: an existing one with the same normalised name (given the row's address when it
   * has none yet, as the preview said), else a new company there.
   */
  function organizationFor(name: string, address: Address, created: Map<string, number>, entries: AuditEntry[]) {
    const key = normalizeOrgName(name);
    const createdNow = created.get(key);
    if (createdNow !== undefined) return { id: createdNow, created: false };
    const stored = existingOrganization(name);
    if (stored) {
      if (!hasAddress(stored) && hasAddress(address)) {
        ctx.organizations.update(stored.id, stored.version, address);
        entries.push({
          entity: 'organization',
          entityId: stored.id,
          action: 'update',
          diff: { ...diffRecords({ street: null, postalCode: null, city: null }, address), fileName: null },
        });
      }
      return { id: stored.id, created: false };
    }
    const org = ctx.organizations.create(organizationInput.parse({ name, kind: 'company', ...address }));
    created.set(key, org.id);
    return { id: org.id, created: true };
  }

  /** Writes the plans; returns what happened and the audit entries of each row, in order. */
  function commitPlans(body: Body, plans: Plan[], actor: Actor) {
    const result = { created: 0, updated: 0, consents: 0, organizationsCreated: 0, ids: [] as number[] };
    const entries: AuditEntry[] = [];
    const newOrganizations = new Map<string, number>();
    const recordedAt = nowIso();
    for (const plan of plans) {
      if (plan.kind === 'persons') {
        const { confirmDuplicate: _c, tagIds: _t, affiliations: _a, offices: _o, ...fields } = plan.values;
        const org = plan.organization
          ? organizationFor(plan.organization, plan.address, newOrganizations, entries)
          : undefined;
        if (org?.created) result.organizationsCreated++;
        let personId: number;
        if (plan.action === 'create') {
          const affiliation = org
            ? [{ organizationId: org.id, function: plan.function, isPrimary: true, fromDate: null, toDate: null }]
            : [];
          personId = ctx.persons.create(fields, { tagIds: [], affiliations: affiliation, offices: [] }).id;
          result.created++;
        } else {
          const target = ctx.persons.findRow(plan.targetId as number);
          if (!target || target.deletedAt || target.erasedAt)
            throw AppError.of('IMPORT_TARGET_GONE', `Zeile ${plan.line}: Datensatz nicht mehr vorhanden`);
          // Only what the file has overwrites; empty cells keep the stored values.
          const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
          ctx.persons.update(target.id, target.version, changes);
          const detail = ctx.persons.detail(target.id);
          if (org && !detail?.affiliations.some((a) => a.current && a.organization.id === org.id)) {
            const hasCurrent = detail?.affiliations.some((a) => a.current) ?? false;
            ctx.persons.affiliations.create(target.id, {
              organizationId: org.id,
              function: plan.function,
              isPrimary: !hasCurrent,
              fromDate: null,
              toDate: null,
            });
          }
          personId = target.id;
          result.updated++;
        }
        entries.push({
          entity: 'person',
          entityId: personId,
          action: 'import',
          diff: { fileName: body.fileName, line: plan.line, action: plan.action, values: fields },
        });
        if (body.consent) {
          const { channel, source, legalBasis, evidence } = body.consent;
          ctx.consents.append(
            personId,
            {
              channel,
              status: 'granted',
              source,
              legalBasis,
              evidence: evidence ?? `Import ${body.fileName}, Zeile ${plan.line}`,
            },
            actor.userId,
            recordedAt,
          );
          result.consents++;
        }
        result.ids.push(personId);
      } else {
        let id: number;
        if (plan.action === 'create') {
          id = ctx.organizations.create(plan.values).id;
          result.created++;
        } else {
          const target = ctx.organizations.findById(plan.targetId as number);
          if (!target || target.deletedAt)
            throw AppError.of('IMPORT_TARGET_GONE', `Zeile ${plan.line}: Datensatz nicht mehr vorhanden`);
          const changes = Object.fromEntries(Object.entries(plan.values).filter(([k]) => plan.given.has(k)));
          ctx.organizations.update(target.id, target.version, changes);
          id = target.id;
          result.updated++;
        }
        entries.push({
          entity: 'organization',
          entityId: id,
          action: 'import',
          diff: { fileName: body.fileName, line: plan.line, action: plan.action, values: plan.values },
        });
        result.ids.push(id);
      }
    }
    return { result, entries };
  }

  return {
    async preview(body: Body, actor: Actor): Promise<ImportPreview> {
      const { preview } = await analyse(body, actor);
      ctx.imports.saveMapping(actor.userId, body.kind, preview.mapping);
      return preview;
    },

    /** All rows or none: any invalid row or undecided duplicate answers 422 with the row report and writes nothing. */
    async commit(body: Body, actor: Actor): Promise<ImportCommitResult> {
      const { preview, plans } = await analyse(body, actor);
      if (preview.summary.invalid > 0 || preview.summary.undecided > 0) {
        const errors = preview.rows.flatMap((r) =>
          r.action === 'skip'
            ? []
            : [
                ...r.errors.map((e) => ({ field: `rows.${r.line}.${e.field}`, message: e.message })),
                ...(r.action === null && r.errors.length === 0
                  ? [{ field: `decisions.${r.line}`, message: 'mögliches Duplikat: skip, update oder create wählen' }]
                  : []),
              ],
        );
        throw AppError.of(
          'IMPORT_INVALID',
          `${preview.summary.invalid} fehlerhafte Zeile(n), ${preview.summary.undecided} Duplikat(e) ohne Entscheidung; nichts wurde importiert`,
          { errors: errors.slice(0, 200), data: preview },
        );
      }
      const { result } = await ctx.change(
        actor,
        () => {
          const written = commitPlans(body, plans, actor);
          ctx.imports.saveMapping(actor.userId, body.kind, preview.mapping);
          return written;
        },
        ({ result: written, entries }) => [
          ...entries,
          {
            entity: 'import',
            action: 'commit',
            diff: {
              kind: body.kind,
              fileName: body.fileName,
              created: written.created,
              updated: written.updated,
              skipped: preview.summary.skipped,
              consents: written.consents,
            },
          },
        ],
      );
      return { ...result, skipped: preview.summary.skipped };
    },
  };
}
