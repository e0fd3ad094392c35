/**
 * Thuringian districts (Landkreise and kreisfreie Städte) with their official Kreisschlüssel (AGS, first five digits),
 * plus the other German states and "Ausland" for organisations outside Thuringia.
 */

// Eisenach is no longer kreisfrei: it belongs to the Wartburgkreis (16063) since 1 July 2021.
export const DISTRICTS = [
  { code: '16051', name: 'Erfurt', label: 'Stadt Erfurt', kind: 'kreisfreie_stadt' },
  { code: '16052', name: 'Gera', label: 'Stadt Gera', kind: 'kreisfreie_stadt' },
  { code: '16053', name: 'Jena', label: 'Stadt Jena', kind: 'kreisfreie_stadt' },
  { code: '16054', name: 'Suhl', label: 'Stadt Suhl', kind: 'kreisfreie_stadt' },
  { code: '16055', name: 'Weimar', label: 'Stadt Weimar', kind: 'kreisfreie_stadt' },
  { code: '16061', name: 'Eichsfeld', label: 'Landkreis Eichsfeld', kind: 'landkreis' },
  { code: '16062', name: 'Nordhausen', label: 'Landkreis Nordhausen', kind: 'landkreis' },
  { code: '16063', name: 'Wartburgkreis', label: 'Wartburgkreis', kind: 'landkreis' },
  { code: '16064', name: 'Unstrut-Hainich-Kreis', label: 'Unstrut-Hainich-Kreis', kind: 'landkreis' },
  { code: '16065', name: 'Kyffhäuserkreis', label: 'Kyffhäuserkreis', kind: 'landkreis' },
  { code: '16066', name: 'Schmalkalden-Meiningen', label: 'Landkreis Schmalkalden-Meiningen', kind: 'landkreis' },
  { code: '16067', name: 'Gotha', label: 'Landkreis Gotha', kind: 'landkreis' },
  { code: '16068', name: 'Sömmerda', label: 'Landkreis Sömmerda', kind: 'landkreis' },
  { code: '16069', name: 'Hildburghausen', label: 'Landkreis Hildburghausen', kind: 'landkreis' },
  { code: '16070', name: 'Ilm-Kreis', label: 'Ilm-Kreis', kind: 'landkreis' },
  { code: '16071', name: 'Weimarer Land', label: 'Landkreis Weimarer Land', kind: 'landkreis' },
  { code: '16072', name: 'Sonneberg', label: 'Landkreis Sonneberg', kind: 'landkreis' },
  { code: '16073', name: 'Saalfeld-Rudolstadt', label: 'Landkreis Saalfeld-Rudolstadt', kind: 'landkreis' },
  { code: '16074', name: 'Saale-Holzland-Kreis', label: 'Saale-Holzland-Kreis', kind: 'landkreis' },
  { code: '16075', name: 'Saale-Orla-Kreis', label: 'Saale-Orla-Kreis', kind: 'landkreis' },
  { code: '16076', name: 'Greiz', label: 'Landkreis Greiz', kind: 'landkreis' },
  { code: '16077', name: 'Altenburger Land', label: 'Landkreis Altenburger Land', kind: 'landkreis' },
] as const;

/** The 15 other German states (ISO 3166-2 codes) and "Ausland", for organisations outside Thuringia. */
export const OTHER_STATES = [
  { code: 'DE-BW', name: 'Baden-Württemberg', label: 'Baden-Württemberg', kind: 'bundesland' },
  { code: 'DE-BY', name: 'Bayern', label: 'Bayern', kind: 'bundesland' },
  { code: 'DE-BE', name: 'Berlin', label: 'Berlin', kind: 'bundesland' },
  { code: 'DE-BB', name: 'Brandenburg', label: 'Brandenburg', kind: 'bundesland' },
  { code: 'DE-HB', name: 'Bremen', label: 'Bremen', kind: 'bundesland' },
  { code: 'DE-HH', name: 'Hamburg', label: 'Hamburg', kind: 'bundesland' },
  { code: 'DE-HE', name: 'Hessen', label: 'Hessen', kind: 'bundesland' },
  { code: 'DE-MV', name: 'Mecklenburg-Vorpommern', label: 'Mecklenburg-Vorpommern', kind: 'bundesland' },
  { code: 'DE-NI', name: 'Niedersachsen', label: 'Niedersachsen', kind: 'bundesland' },
  { code: 'DE-NW', name: 'Nordrhein-Westfalen', label: 'Nordrhein-Westfalen', kind: 'bundesland' },
  { code: 'DE-RP', name: 'Rheinland-Pfalz', label: 'Rheinland-Pfalz', kind: 'bundesland' },
  { code: 'DE-SL', name: 'Saarland', label: 'Saarland', kind: 'bundesland' },
  { code: 'DE-SN', name: 'Sachsen', label: 'Sachsen', kind: 'bundesland' },
  { code: 'DE-ST', name: 'Sachsen-Anhalt', label: 'Sachsen-Anhalt', kind: 'bundesland' },
  { code: 'DE-SH', name: 'Schleswig-Holstein', label: 'Schleswig-Holstein', kind: 'bundesland' },
  { code: 'AUSLAND', name: 'Ausland', label: 'Ausland', kind: 'ausland' },
] as const;

export type District = (typeof DISTRICTS)[number] | (typeof OTHER_STATES)[number];
export type DistrictKind = District['kind'];
export type ThuringianDistrictCode = (typeof DISTRICTS)[number]['code'];
export type DistrictCode = District['code'];

/** Every valid district code (Thuringian districts first, then other states and AUSLAND); usable with `z.enum`. */
export const DISTRICT_CODES = [
  ...DISTRICTS.map((d) => d.code),
  ...OTHER_STATES.map((s) => s.code),
] as unknown as readonly [DistrictCode, ...DistrictCode[]];

const BY_CODE: ReadonlyMap<string, District> = new Map<string, District>(
  [...DISTRICTS, ...OTHER_STATES].map((d) => [d.code, d]),
);

export function findDistrict(code: string | null | undefined): District | undefined {
  return code == null ? undefined : BY_CODE.get(code);
}

export function isDistrictCode(code: unknown): code is DistrictCode {
  return typeof code === 'string' && BY_CODE.has(code);
}

export function isThuringianDistrict(code: string | null | undefined): code is ThuringianDistrictCode {
  const kind = findDistrict(code)?.kind;
  return kind === 'landkreis' || kind === 'kreisfreie_stadt';
}

/** Display label ('Landkreis Gotha', 'Stadt Erfurt', 'Bayern', 'Ausland'); an unknown code is returned as is, null → ''. */
export function districtLabel(code: string | null | undefined): string {
  if (code == null) return '';
  return BY_CODE.get(code)?.label ?? code;
}
