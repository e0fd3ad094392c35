import {
  foldText,
  normalizeEmail,
  normalizeOrgName,
  normalizePersonName,
  searchFold,
  sortKey,
} from '@anett/shared/normalize';
import { describe, expect, it } from 'vitest';
import { answers } from '../support/answers.ts';

answers('foldText', foldText, [
  ['Müller', 'mueller'],
  ['MÖLLER', 'moeller'],
  ['Über', 'ueber'],
  ['Straße', 'strasse'],
  ['GROẞ', 'gross'],
  ['Sömmerda', 'soemmerda'],
  ['Crème Brûlée', 'creme brulee'],
  ['Łódź', 'lodz'],
  ['  Saale-Orla \t Kreis\n', 'saale-orla kreis'],
  ['Mu\u0308ller', 'mueller'], // decomposed umlaut
  ['', ''],
]);

describe('sortKey', () => {
  it('orders as a German dictionary does (DIN 5007-1): case ignored, ä = a, ß = ss, accents stripped', () => {
    expect(sortKey('Özdemir')).toBe('ozdemir');
    expect(sortKey('Großmann  Ärzte')).toBe('grossmann arzte');
    expect(sortKey('Éclair Łódź')).toBe('eclair lodz');
    const names = ['Zander', 'Özdemir', 'von Weber', 'Adler', 'Osterloh', 'Müller', 'Mueller'];
    expect([...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual([
      'Adler',
      'Mueller',
      'Müller',
      'Osterloh',
      'Özdemir',
      'von Weber',
      'Zander',
    ]);
  });
});

describe('searchFold', () => {
  answers('adds a variant with stripped umlauts when it differs', searchFold, [
    ['Müller', 'mueller muller'],
    ['Sömmerda', 'soemmerda sommerda'],
    ['Gotha', 'gotha'],
    ['Café Jena', 'cafe jena'],
    ['Straße', 'strasse'],
  ]);

  it('finds Müller by "mueller" and "muller", and Sömmerda by "sommerda"', () => {
    const words = (s: string) => searchFold(s).split(' ');
    expect(words('Müller')).toContain('mueller');
    expect(words('Müller')).toContain('muller');
    expect(words('Landkreis Sömmerda')).toContain('sommerda');
    expect(words('Landkreis Sömmerda')).toContain('soemmerda');
  });
});

describe('normalizeOrgName', () => {
  answers('folds the name and drops its legal form', normalizeOrgName, [
    ['Müller Präzisionsteile GmbH & Co. KG', 'mueller praezisionsteile'],
    ['Boreas GmbH', 'boreas'],
    ['BOREAS', 'boreas'],
    ['Verein Automotive Thüringen e.V.', 'verein automotive thueringen'],
    ['AG Müller', 'ag mueller'],
    ['AG', 'ag'],
    ['Zeiss SE & Co. KGaA', 'zeiss'],
    ['Start-up UG (haftungsbeschränkt)', 'start up'],
    ['Hagen Fahrzeugbau', 'hagen fahrzeugbau'],
  ]);

  // Pairs that must be detected as the same organisation.
  const SAME: [string, string][] = [
    ['Müller Präzisionsteile GmbH & Co. KG', 'mueller praezisionsteile'],
    ['Boreas GmbH', 'BOREAS'],
    ['Verein Automotive Thüringen e.V.', 'Verein Automotive Thueringen'],
    ['automotive thüringen e. V.', 'Automotive Thüringen eV'],
    ['Schmidt Kunststofftechnik GmbH', 'Schmidt Kunststofftechnik mbH'],
    ['Weber Fahrzeugbau AG', 'Weber Fahrzeugbau'],
    ['Sömmerdaer Stanztechnik KG', 'Soemmerdaer Stanztechnik'],
    ['Jenaer Optik OHG', 'Jenaer Optik'],
    ['Bäckerei Groß GbR', 'Baeckerei Gross'],
    ['Raiffeisen Agrar eG', 'Raiffeisen Agrar e.G.'],
    ['Innovatech UG (haftungsbeschränkt)', 'Innovatech UG'],
    ['Fraunhofer Kunststoffe gGmbH', 'Fraunhofer Kunststoffe'],
    ['Thüringer Batterie SE', 'Thueringer Batterie'],
    ['Erfurt Castings Ltd.', 'Erfurt Castings'],
    ['Suhl Robotics Inc.', 'Suhl Robotics, Inc'],
    ['Müller & Söhne GmbH', 'Mueller und Soehne'],
    ['Gothaer  Fahrzeugwerk  GmbH', 'Gothaer Fahrzeugwerk'],
    ['Autohaus Weimar GmbH & Co. KG', 'Autohaus Weimar GmbH'],
    ['Saale-Orla Metall GmbH', 'Saale Orla Metall'],
    ['Lehmann & Co. KG', 'Lehmann'],
    ['A.B.C. Systemtechnik GmbH', 'ABC Systemtechnik'],
    ['Café Crème GmbH', 'Cafe Creme'],
  ];
  it.each(SAME)('%j = %j', (a, b) => {
    expect(normalizeOrgName(a)).toBe(normalizeOrgName(b));
  });

  // Pairs that must stay different.
  const DIFFERENT: [string, string][] = [
    ['Müller GmbH', 'Möller GmbH'],
    ['AG Fahrzeugtechnik', 'Fahrzeugtechnik'],
    ['AG Müller', 'Müller AG'],
    ['Weber Fahrzeugbau GmbH', 'Weber Fahrzeugtechnik GmbH'],
    ['Automotive Thüringen e.V.', 'Automotive Sachsen e.V.'],
    ['Jenoptik AG', 'Jenoptik Automotive AG'],
    ['Gera Metall GmbH', 'Gera Metallbau GmbH'],
    ['Schulz GmbH', 'Schultz GmbH'],
    ['Bergmann KG', 'Bergmann Kunststoffe KG'],
    ['SE Systems GmbH', 'Systems GmbH'],
    ['Meier Stahl AG', 'Maier Stahl AG'],
    ['Hagen GmbH', 'Hagenau GmbH'],
  ];
  it.each(DIFFERENT)('%j ≠ %j', (a, b) => {
    expect(normalizeOrgName(a)).not.toBe(normalizeOrgName(b));
  });
});

describe('normalizePersonName', () => {
  // [first, last] pairs that must be detected as the same person.
  const SAME: [[string, string], [string, string]][] = [
    [
      ['Anna', 'Müller'],
      ['anna', 'mueller'],
    ],
    [
      ['Dr. Anna', 'Müller'],
      ['Anna', 'Müller'],
    ],
    [
      ['Jürgen', 'Groß'],
      ['Juergen', 'Gross'],
    ],
    [
      ['Hans-Peter', 'Schäfer'],
      ['Hans Peter', 'Schaefer'],
    ],
    [
      ['Prof. Dr.-Ing. Klaus', 'Schmidt'],
      ['Klaus', 'Schmidt'],
    ],
    [
      ['Dipl.-Ing. Uwe', 'Krause'],
      ['Uwe', 'Krause'],
    ],
    [
      ['Mia', 'Roth, M.Sc.'],
      ['Mia', 'Roth'],
    ],
    [
      ['René', 'Lévesque'],
      ['Rene', 'Levesque'],
    ],
    [
      ['  Eva ', ' Hahn '],
      ['Eva', 'Hahn'],
    ],
  ];
  it.each(SAME)('%j = %j', ([f1, l1], [f2, l2]) => {
    expect(normalizePersonName(f1, l1)).toBe(normalizePersonName(f2, l2));
  });

  const DIFFERENT: [[string, string], [string, string]][] = [
    [
      ['Anna', 'Müller'],
      ['Anna', 'Möller'],
    ],
    [
      ['Jan', 'Ma'],
      ['Jan', ''],
    ],
    [
      ['Anna', 'Weber'],
      ['Hanna', 'Weber'],
    ],
  ];
  it.each(DIFFERENT)('%j ≠ %j', ([f1, l1], [f2, l2]) => {
    expect(normalizePersonName(f1, l1)).not.toBe(normalizePersonName(f2, l2));
  });

  answers('joins both parts with a space', normalizePersonName, [
    ['Dr. Anna', 'Müller-Lüdenscheidt', 'anna mueller luedenscheidt'],
    [null, 'Weber', 'weber'],
    ['Alex', undefined, 'alex'],
  ]);
});

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Anna.Mueller@Example.DE ')).toBe('anna.mueller@example.de');
  });
});
