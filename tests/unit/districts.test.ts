import {
  DISTRICT_CODES,
  DISTRICTS,
  type DistrictCode,
  districtLabel,
  isDistrictCode,
  isThuringianDistrict,
  OTHER_STATES,
} from '@anett/shared/vocab/districts';
import { describe, expect, it } from 'vitest';
import { answers } from '../support/answers.ts';

describe('Thuringian districts', () => {
  it('has 22 districts with unique codes and names', () => {
    expect(DISTRICTS).toHaveLength(22);
    expect(new Set(DISTRICTS.map((d) => d.code)).size).toBe(22);
    expect(new Set(DISTRICTS.map((d) => d.name)).size).toBe(22);
    expect(new Set(DISTRICTS.map((d) => d.label)).size).toBe(22);
  });

  it('has the 5 kreisfreie Städte 16051–16055 and the 17 Landkreise 16061–16077', () => {
    const cities = DISTRICTS.filter((d) => d.kind === 'kreisfreie_stadt');
    const counties = DISTRICTS.filter((d) => d.kind === 'landkreis');
    expect(cities.map((d) => d.code)).toEqual(['16051', '16052', '16053', '16054', '16055']);
    expect(cities.map((d) => d.name)).toEqual(['Erfurt', 'Gera', 'Jena', 'Suhl', 'Weimar']);
    expect(counties).toHaveLength(17);
    expect(counties.map((d) => Number(d.code)).sort()).toEqual(Array.from({ length: 17 }, (_, i) => 16061 + i));
  });

  it('uses the official Kreisschlüssel for each Landkreis', () => {
    const expected: Record<string, string> = {
      Eichsfeld: '16061',
      Nordhausen: '16062',
      Wartburgkreis: '16063',
      'Unstrut-Hainich-Kreis': '16064',
      Kyffhäuserkreis: '16065',
      'Schmalkalden-Meiningen': '16066',
      Gotha: '16067',
      Sömmerda: '16068',
      Hildburghausen: '16069',
      'Ilm-Kreis': '16070',
      'Weimarer Land': '16071',
      Sonneberg: '16072',
      'Saalfeld-Rudolstadt': '16073',
      'Saale-Holzland-Kreis': '16074',
      'Saale-Orla-Kreis': '16075',
      Greiz: '16076',
      'Altenburger Land': '16077',
    };
    const actual = Object.fromEntries(DISTRICTS.filter((d) => d.kind === 'landkreis').map((d) => [d.name, d.code]));
    expect(actual).toEqual(expected);
  });

  it('no longer lists Eisenach as a district', () => {
    expect(DISTRICTS.some((d) => d.name.includes('Eisenach'))).toBe(false);
  });
});

describe('other states', () => {
  it('lists the 15 other states with ISO codes plus Ausland', () => {
    const states = OTHER_STATES.filter((s) => s.kind === 'bundesland');
    expect(states).toHaveLength(15);
    expect(states.every((s) => /^DE-[A-Z]{2}$/.test(s.code))).toBe(true);
    expect(states.some((s) => (s.code as string) === 'DE-TH')).toBe(false);
    expect(states.find((s) => s.code === 'DE-BY')?.name).toBe('Bayern');
    expect(OTHER_STATES.find((s) => s.code === 'AUSLAND')).toMatchObject({ name: 'Ausland', kind: 'ausland' });
  });
});

describe('DISTRICT_CODES', () => {
  it('contains every code exactly once and is a non-empty literal tuple (as z.enum expects)', () => {
    expect(DISTRICT_CODES).toHaveLength(22 + 16);
    expect(new Set(DISTRICT_CODES).size).toBe(DISTRICT_CODES.length);
    // Compile-time checks: z.enum needs `readonly [string, ...string[]]` with literal members.
    const asEnumValues: readonly [string, ...string[]] = DISTRICT_CODES;
    const first: DistrictCode = DISTRICT_CODES[0];
    // @ts-expect-error — not a district code
    const invalid: DistrictCode = '16056';
    expect(asEnumValues[0]).toBe(first);
    expect(DISTRICT_CODES).toContain('16066');
    expect(DISTRICT_CODES).toContain('DE-BY');
    expect(DISTRICT_CODES).toContain('AUSLAND');
    expect(DISTRICT_CODES).not.toContain(invalid);
  });

  answers('isDistrictCode guards', isDistrictCode, [
    ['16051', true],
    ['DE-SN', true],
    ['16000', false],
    [16051, false],
  ]);
  answers('isThuringianDistrict guards', isThuringianDistrict, [
    ['16077', true],
    ['DE-BY', false],
    [null, false],
  ]);
});

describe('districtLabel', () => {
  answers('returns the display label', districtLabel, [
    ['16066', 'Landkreis Schmalkalden-Meiningen'],
    ['16051', 'Stadt Erfurt'],
    ['16063', 'Wartburgkreis'],
    ['DE-BY', 'Bayern'],
    ['AUSLAND', 'Ausland'],
  ]);

  answers('falls back to the code or an empty string', districtLabel, [
    ['99999', '99999'],
    [null, ''],
    [undefined, ''],
  ]);
});
