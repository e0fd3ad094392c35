import { foldText } from '@anett/shared/normalize';
import type { ImportKind, ImportMapping } from '@anett/shared/schemas/import';
import { DISTRICTS, OTHER_STATES } from '@anett/shared/vocab/districts';
import type { SizeClass } from '@anett/shared/vocab/enums';

/** How a file's columns are recognised and its cells read: header synonyms and the words users write. */

/** A header folded to letters and digits: 'E-Mail-Adresse' → 'emailadresse', 'Straße' → 'strasse'. */
export const headerKey = (h: string) => foldText(h).replace(/[^a-z0-9]/g, '');

/** Known columns that are not imported: derived in the app's own export ('Briefanrede'). */
const IGNORED = '';

const synonyms = (field: string, words: string[]) => Object.fromEntries(words.map((w) => [w, field]));

/** Folded header → field, German and English as lists come, and every header of the app's own export. */
const HEADERS: Record<ImportKind, Record<string, string>> = {
  persons: {
    ...synonyms('salutation', ['anrede', 'salutation', 'herrfrau']),
    ...synonyms('title', ['titel', 'title', 'akademischertitel', 'akademischergrad', 'grad', 'academictitle']),
    ...synonyms('firstName', ['vorname', 'firstname', 'givenname', 'forename', 'rufname']),
    ...synonyms('lastName', ['nachname', 'name', 'familienname', 'zuname', 'lastname', 'surname', 'familyname']),
    ...synonyms('email', ['email', 'emailadresse', 'mail', 'mailadresse', 'emailaddress']),
    ...synonyms('phone', [
      'telefon',
      'tel',
      'telefonnummer',
      'telefondienstlich',
      'telefongeschaeftlich',
      'festnetz',
      'rufnummer',
      'phone',
      'phonenumber',
      'telephone',
      'businessphone',
      'workphone',
    ]),
    ...synonyms('mobile', [
      'mobil',
      'mobile',
      'handy',
      'mobiltelefon',
      'mobilnummer',
      'handynummer',
      'mobilfunk',
      'mobilfunknummer',
      'cell',
      'cellphone',
      'mobilephone',
      'mobilenumber',
    ]),
    ...synonyms('notes', ['notizen', 'notiz', 'bemerkung', 'bemerkungen', 'anmerkung', 'kommentar', 'notes', 'note']),
    ...synonyms('organization', [
      'organisation',
      'organization',
      'firma',
      'firmenname',
      'unternehmen',
      'institution',
      'einrichtung',
      'arbeitgeber',
      'company',
      'companyname',
      'employer',
    ]),
    ...synonyms('function', ['funktion', 'position', 'stelle', 'taetigkeit', 'function', 'jobtitle']),
    ...synonyms('street', ['strasse', 'strassehausnummer', 'strasseundhausnummer', 'anschrift', 'street', 'address']),
    ...synonyms('postalCode', ['plz', 'postleitzahl', 'postalcode', 'zip', 'zipcode', 'postcode']),
    ...synonyms('city', ['ort', 'stadt', 'city', 'town']),
    ...synonyms(IGNORED, ['briefanrede', 'lettersalutation']),
  },
  organizations: {
    ...synonyms('name', ['name', 'organisation', 'organization', 'firma', 'firmenname', 'unternehmen', 'company']),
    ...synonyms('shortName', ['kurzname', 'kurzbezeichnung', 'abkuerzung', 'shortname']),
    ...synonyms('kind', ['art', 'typ', 'organisationsart', 'kind', 'type']),
    ...synonyms('sizeClass', [
      'groesse',
      'groessenklasse',
      'unternehmensgroesse',
      'betriebsgroesse',
      'sizeclass',
      'size',
    ]),
    ...synonyms('employees', ['mitarbeiter', 'mitarbeiterzahl', 'beschaeftigte', 'employees', 'headcount']),
    ...synonyms('street', ['strasse', 'strassehausnummer', 'anschrift', 'street', 'address']),
    ...synonyms('postalCode', ['plz', 'postleitzahl', 'postalcode', 'zip', 'zipcode', 'postcode']),
    ...synonyms('city', ['ort', 'stadt', 'city', 'town']),
    ...synonyms('district', ['kreis', 'landkreis', 'district']),
    ...synonyms('website', ['website', 'webseite', 'homepage', 'internet', 'url']),
    ...synonyms('email', ['email', 'emailadresse', 'mail']),
    ...synonyms('phone', ['telefon', 'tel', 'telefonnummer', 'phone']),
    ...synonyms('notes', ['notizen', 'notiz', 'bemerkung', 'notes']),
    ...synonyms('sectors', ['branche', 'wz', 'wzcode', 'wzcodes', 'wz2008', 'wirtschaftszweig', 'sectors']),
  },
};

/**
 * The mapping of a file's columns: each column by its own header first (each field once, the first column wins);
 * columns whose header is unknown take the field the user chose last time for a column of that name, if that field is
 * still free. A remembered mapping never overrides what a header says.
 */
export function mappingFor(kind: ImportKind, columns: string[], remembered: ImportMapping | undefined): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  const unknown: string[] = [];
  for (const column of columns) {
    const field = HEADERS[kind][headerKey(column)];
    if (field === undefined) unknown.push(column);
    if (!field || used.has(field)) {
      mapping[column] = '';
      continue;
    }
    used.add(field);
    mapping[column] = field;
  }
  for (const column of unknown) {
    const field = remembered?.[column];
    if (!field || used.has(field)) continue;
    used.add(field);
    mapping[column] = field;
  }
  return mapping;
}

export function salutationOf(value: string): 'frau' | 'herr' | null | undefined {
  const v = value.trim().toLowerCase().replace(/\.$/, '');
  if (v === '') return null;
  if (['frau', 'fr', 'ms', 'mrs'].includes(v)) return 'frau';
  if (['herr', 'hr', 'mr'].includes(v)) return 'herr';
  return undefined;
}

/** A code or its German/English label → code (folded comparison); anything else as given. */
export function codeOf(value: string, vocab: Record<string, { de: string; en: string }>): string {
  const key = foldText(value);
  for (const [code, label] of Object.entries(vocab)) {
    if (key === code || key === foldText(label.de) || key === foldText(label.en)) return code;
  }
  return value;
}

export function districtOf(value: string): string {
  const key = foldText(value);
  const found = [...DISTRICTS, ...OTHER_STATES].find(
    (d) => d.code.toLowerCase() === key || foldText(d.name) === key || foldText(d.label) === key,
  );
  return found?.code ?? value;
}

/** Words users write for the EU size classes, folded to letters: 'mittel', 'Kleinunternehmen', 'groß', 'KMU-mittel'. */
const SIZE_WORDS: Record<SizeClass, string[]> = {
  micro: ['micro', 'kleinst', 'kleinstunternehmen', 'kleinstbetrieb', 'kleinstunternehmen10', 'micro10'],
  small: ['small', 'klein', 'kleines', 'kleinunternehmen', 'kleinbetrieb', 'kleinunternehmen50', 'small50'],
  medium: [
    'medium',
    'mittel',
    'mittleres',
    'mittlere',
    'mittelgross',
    'mittelunternehmen',
    'mittleresunternehmen',
    'mittleresunternehmen250',
    'medium250',
  ],
  large: ['large', 'gross', 'grosses', 'grossunternehmen', 'grossbetrieb', 'grossunternehmen250', 'large250'],
};

/** A size class from a code, label or short word; undefined when it names none (e.g. 'KMU', which is three). */
export function sizeClassOf(value: string): SizeClass | undefined {
  const key = foldText(value).replace(/[^a-z0-9]/g, '');
  return (Object.keys(SIZE_WORDS) as SizeClass[]).find((size) => SIZE_WORDS[size].includes(key));
}

/**
 * Why a postcode is not a German one, or null. Four digits are never padded: '0774' may be '07743' or '07745', and a
 * spreadsheet that dropped the leading zero of '07745' leaves '7745' — the user has to look it up.
 */
export function postalCodeError(value: string): string | null {
  if (/^\d{5}$/.test(value)) return null;
  if (/^\d{4}$/.test(value)) {
    return `Postleitzahl '${value}' hat nur vier Ziffern (Excel lässt führende Nullen weg: 07745 → 7745); bitte die fünfstellige Postleitzahl eintragen`;
  }
  return `'${value}' ist keine Postleitzahl (fünf Ziffern)`;
}
