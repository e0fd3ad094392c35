/**
 * Thuringian districts (Landkreise and kreisfreie Städte) with their official Kreisschlüssel (AGS, first five digits),
 * plus the other German states and "Ausland" for organisations outside Thuringia.
 */

type Kind = 'kreisfreie_stadt' | 'landkreis' | 'bundesland' | 'ausland';
/** The display label: 'Stadt Erfurt', 'Landkreis Gotha', but 'Ilm-Kreis' (the name says Kreis already), 'Bayern'. */
const withLabel = <const D extends { code: string; name: string; kind: Kind }>(d: D) => ({
  ...d,
  label:
    d.kind === 'kreisfreie_stadt'
      ? `Stadt ${d.name}`
      : d.kind === 'landkreis' && !/kreis$/i.test(d.name)
        ? `Landkreis ${d.name}`
        : d.name,
});

// Eisenach is no longer kreisfrei: it belongs to the Wartburgkreis (16063) since 1 July 2021.
export const DISTRICTS = (
  [
    { code: '16051', name: 'Erfurt', kind: 'kreisfreie_stadt' },
    { code: '16052', name: 'Gera', kind: 'kreisfreie_stadt' },
    { code: '16053', name: 'Jena', kind: 'kreisfreie_stadt' },
    { code: '16054', name: 'Suhl', kind: 'kreisfreie_stadt' },
    { code: '16055', name: 'Weimar', kind: 'kreisfreie_stadt' },
    { code: '16061', name: 'Eichsfeld', kind: 'landkreis' },
    { code: '16062', name: 'Nordhausen', kind: 'landkreis' },
    { code: '16063', name: 'Wartburgkreis', kind: 'landkreis' },
    { code: '16064', name: 'Unstrut-Hainich-Kreis', kind: 'landkreis' },
    { code: '16065', name: 'Kyffhäuserkreis', kind: 'landkreis' },
    { code: '16066', name: 'Schmalkalden-Meiningen', kind: 'landkreis' },
    { code: '16067', name: 'Gotha', kind: 'landkreis' },
    { code: '16068', name: 'Sömmerda', kind: 'landkreis' },
    { code: '16069', name: 'Hildburghausen', kind: 'landkreis' },
    { code: '16070', name: 'Ilm-Kreis', kind: 'landkreis' },
    { code: '16071', name: 'Weimarer Land', kind: 'landkreis' },
    { code: '16072', name: 'Sonneberg', kind: 'landkreis' },
    { code: '16073', name: 'Saalfeld-Rudolstadt', kind: 'landkreis' },
    { code: '16074', name: 'Saale-Holzland-Kreis', kind: 'landkreis' },
    { code: '16075', name: 'Saale-Orla-Kreis', kind: 'landkreis' },
    { code: '16076', name: 'Greiz', kind: 'landkreis' },
    { code: '16077', name: 'Altenburger Land', kind: 'landkreis' },
  ] as const
).map(withLabel);

/** The 15 other German states (ISO 3166-2 codes) and "Ausland", for organisations outside Thuringia. */
export const OTHER_STATES = [
  ...(
    [
      ['DE-BW', 'Baden-Württemberg'],
      ['DE-BY', 'Bayern'],
      ['DE-BE', 'Berlin'],
      ['DE-BB', 'Brandenburg'],
      ['DE-HB', 'Bremen'],
      ['DE-HH', 'Hamburg'],
      ['DE-HE', 'Hessen'],
      ['DE-MV', 'Mecklenburg-Vorpommern'],
      ['DE-NI', 'Niedersachsen'],
      ['DE-NW', 'Nordrhein-Westfalen'],
      ['DE-RP', 'Rheinland-Pfalz'],
      ['DE-SL', 'Saarland'],
      ['DE-SN', 'Sachsen'],
      ['DE-ST', 'Sachsen-Anhalt'],
      ['DE-SH', 'Schleswig-Holstein'],
    ] as const
  ).map(([code, name]) => withLabel({ code, name, kind: 'bundesland' })),
  withLabel({ code: 'AUSLAND', name: 'Ausland', kind: 'ausland' }),
];

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
