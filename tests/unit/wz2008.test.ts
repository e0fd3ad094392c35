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
import { answers } from '../support/answers.ts';

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

  answers('has official labels', wzLabel, [
    ['29', 'Herstellung von Kraftwagen und Kraftwagenteilen'],
    ['28', 'Maschinenbau'],
    ['62', 'Erbringung von Dienstleistungen der Informationstechnologie'],
    ['72', 'Forschung und Entwicklung'],
    ['85', 'Erziehung und Unterricht'],
    ['nope', null],
  ]);

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

  answers('finds the section of a code', wzSectionOf, [
    ['29.32', 'C'],
    ['29', 'C'],
    ['C', 'C'],
    ['01', 'A'],
    ['62', 'J'],
    ['10.11', 'C'],
    ['29.32.0', 'C'],
    ['04', null],
    ['x', null],
  ]);

  answers('matches prefixes on the digits', wzMatchesPrefix, [
    ['29', '29', true],
    ['29.1', '29', true],
    ['29.32', '29', true],
    ['29.32', '29.3', true],
    ['29.31', '29.3', true],
    ['29.32', '29.32', true],
    ['29.32.0', '29.32', true],
    ['10.11', '10', true],
    ['29.20', '29.3', false],
    ['29', '29.3', false],
    ['28.41', '29', false],
    ['22.11', '2', false],
    ['29.32', '', false],
    ['', '29', false],
  ]);

  answers('matches a section letter against all codes of the section', wzMatchesPrefix, [
    ['29.32', 'C', true],
    ['C', 'C', true],
    ['62', 'C', false],
    ['62', 'J', true],
  ]);
});
