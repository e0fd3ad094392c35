import {
  isValidWzCode,
  WZ_CODES,
  WZ_SECTIONS,
  wzLabel,
  wzLevel,
  wzMatchesPrefix,
  wzSectionOf,
} from '@anett/shared/vocab/wz2008';
import { describe, expect, it } from 'vitest';

const byLevel = (level: string) => WZ_CODES.filter((c) => c.level === level);

describe('WZ 2008 data', () => {
  it('has the 21 sections A–U', () => {
    expect(WZ_SECTIONS).toHaveLength(21);
    expect(WZ_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(byLevel('section')).toHaveLength(21);
    expect(wzLabel('C')).toBe('Verarbeitendes Gewerbe');
  });

  it('has the 88 divisions with their sections', () => {
    const divisions = byLevel('division');
    expect(divisions).toHaveLength(88);
    expect(divisions.every((d) => /^\d{2}$/.test(d.code))).toBe(true);
    expect(new Set(divisions.map((d) => d.code)).size).toBe(88);
    // Codes not used in WZ 2008.
    for (const missing of ['04', '34', '40', '44', '48', '54', '57', '67', '76', '83', '89']) {
      expect(isValidWzCode(missing)).toBe(false);
    }
    const perSection = Object.fromEntries(
      WZ_SECTIONS.map((s) => [s.code, divisions.filter((d) => d.section === s.code).length]),
    );
    expect(perSection).toEqual({
      A: 3,
      B: 5,
      C: 24,
      D: 1,
      E: 4,
      F: 3,
      G: 3,
      H: 5,
      I: 2,
      J: 6,
      K: 3,
      L: 1,
      M: 7,
      N: 6,
      O: 1,
      P: 1,
      Q: 3,
      R: 4,
      S: 3,
      T: 2,
      U: 1,
    });
    expect(divisions.every((d) => d.parent === d.section)).toBe(true);
  });

  it('has official labels', () => {
    expect(wzLabel('29')).toBe('Herstellung von Kraftwagen und Kraftwagenteilen');
    expect(wzLabel('28')).toBe('Maschinenbau');
    expect(wzLabel('62')).toBe('Erbringung von Dienstleistungen der Informationstechnologie');
    expect(wzLabel('72')).toBe('Forschung und Entwicklung');
    expect(wzLabel('85')).toBe('Erziehung und Unterricht');
    expect(wzLabel('nope')).toBeNull();
  });

  it('has the groups and classes of division 29', () => {
    const codes = WZ_CODES.filter((c) => c.code.startsWith('29.')).map((c) => [c.code, c.level, c.parent]);
    expect(codes).toEqual([
      ['29.1', 'group', '29'],
      ['29.10', 'class', '29.1'],
      ['29.2', 'group', '29'],
      ['29.20', 'class', '29.2'],
      ['29.3', 'group', '29'],
      ['29.31', 'class', '29.3'],
      ['29.32', 'class', '29.3'],
    ]);
    expect(wzLabel('29.3')).toBe('Herstellung von Teilen und Zubehör für Kraftwagen');
    expect(wzLabel('29.31')).toBe('Herstellung elektrischer und elektronischer Ausrüstungsgegenstände für Kraftwagen');
    expect(wzLabel('29.32')).toBe('Herstellung von sonstigen Teilen und sonstigem Zubehör für Kraftwagen');
    expect(wzLabel('29.2')).toBe('Herstellung von Karosserien, Aufbauten und Anhängern');
  });

  it('has groups and classes for 22, 25, 27 and 28 that belong to their division', () => {
    for (const division of ['22', '25', '27', '28']) {
      expect(WZ_CODES.some((c) => c.level === 'group' && c.parent === division)).toBe(true);
    }
    expect(wzLabel('22.11')).toBe('Herstellung und Runderneuerung von Bereifungen');
    expect(wzLabel('25.62')).toBe('Mechanik a. n. g.');
    expect(wzLabel('27.20')).toBe('Herstellung von Batterien und Akkumulatoren');
    expect(wzLabel('28.15')).toBe('Herstellung von Lagern, Getrieben, Zahnrädern und Antriebselementen');
    expect(wzLevel('28.4')).toBe('group');
    expect(wzLevel('28.41')).toBe('class');
    for (const c of WZ_CODES.filter((x) => x.level === 'group' || x.level === 'class')) {
      expect(c.section).toBe('C');
      expect(isValidWzCode(c.parent ?? '')).toBe(true);
      expect(c.code.startsWith(`${c.parent}`)).toBe(true);
    }
    expect(new Set(WZ_CODES.map((c) => c.code)).size).toBe(WZ_CODES.length);
  });
});

describe('WZ helpers', () => {
  it('validates listed codes only', () => {
    for (const code of ['A', 'C', 'U', '01', '29', '29.1', '29.32', '28.41', '99'])
      expect(isValidWzCode(code)).toBe(true);
    for (const code of ['', 'V', 'c', '2', '29.4', '29.33', '29.32.0', '100', ' 29', '10.11']) {
      expect(isValidWzCode(code)).toBe(false);
    }
  });

  it('finds the section of a code', () => {
    expect(wzSectionOf('29.32')).toBe('C');
    expect(wzSectionOf('29')).toBe('C');
    expect(wzSectionOf('C')).toBe('C');
    expect(wzSectionOf('01')).toBe('A');
    expect(wzSectionOf('62')).toBe('J');
    expect(wzSectionOf('10.11')).toBe('C');
    expect(wzSectionOf('29.32.0')).toBe('C');
    expect(wzSectionOf('04')).toBeNull();
    expect(wzSectionOf('x')).toBeNull();
  });

  it('matches prefixes on the digits', () => {
    expect(wzMatchesPrefix('29', '29')).toBe(true);
    expect(wzMatchesPrefix('29.1', '29')).toBe(true);
    expect(wzMatchesPrefix('29.32', '29')).toBe(true);
    expect(wzMatchesPrefix('29.32', '29.3')).toBe(true);
    expect(wzMatchesPrefix('29.31', '29.3')).toBe(true);
    expect(wzMatchesPrefix('29.32', '29.32')).toBe(true);
    expect(wzMatchesPrefix('29.32.0', '29.32')).toBe(true);
    expect(wzMatchesPrefix('10.11', '10')).toBe(true);
    expect(wzMatchesPrefix('29.20', '29.3')).toBe(false);
    expect(wzMatchesPrefix('29', '29.3')).toBe(false);
    expect(wzMatchesPrefix('28.41', '29')).toBe(false);
    expect(wzMatchesPrefix('22.11', '2')).toBe(false);
    expect(wzMatchesPrefix('29.32', '')).toBe(false);
    expect(wzMatchesPrefix('', '29')).toBe(false);
  });

  it('matches a section letter against all codes of the section', () => {
    expect(wzMatchesPrefix('29.32', 'C')).toBe(true);
    expect(wzMatchesPrefix('C', 'C')).toBe(true);
    expect(wzMatchesPrefix('62', 'C')).toBe(false);
    expect(wzMatchesPrefix('62', 'J')).toBe(true);
  });
});
