import {
  anredeLabel,
  formalName,
  letterSalutation,
  OFFICE_RULES,
  officeAddress,
  salutationTitle,
} from '@anett/shared/salutation';
import { describe, expect, it } from 'vitest';

describe('letterSalutation', () => {
  it.each([
    [{ salutation: 'frau', title: 'Dr.', firstName: 'Anna', lastName: 'Müller' }, 'Sehr geehrte Frau Dr. Müller,'],
    [
      { salutation: 'herr', title: 'Prof. Dr.', firstName: 'Klaus', lastName: 'Schmidt' },
      'Sehr geehrter Herr Prof. Dr. Schmidt,',
    ],
    [{ salutation: 'herr', title: null, firstName: 'Jan', lastName: 'Becker' }, 'Sehr geehrter Herr Becker,'],
    [{ salutation: 'frau', title: '', firstName: 'Lena', lastName: 'Wolf' }, 'Sehr geehrte Frau Wolf,'],
    // Degrees are not part of the salutation.
    [{ salutation: 'herr', title: 'Dipl.-Ing.', firstName: 'Uwe', lastName: 'Krause' }, 'Sehr geehrter Herr Krause,'],
    [{ salutation: 'frau', title: 'M.Sc.', firstName: 'Mia', lastName: 'Roth' }, 'Sehr geehrte Frau Roth,'],
    [{ salutation: 'herr', title: 'B.A.', firstName: 'Tom', lastName: 'Lang' }, 'Sehr geehrter Herr Lang,'],
    [
      { salutation: 'herr', title: 'Dr.-Ing. Dipl.-Ing.', firstName: 'Olaf', lastName: 'Meier' },
      'Sehr geehrter Herr Dr. Meier,',
    ],
    [{ salutation: 'frau', title: 'Dr. med.', firstName: 'Eva', lastName: 'Hahn' }, 'Sehr geehrte Frau Dr. Hahn,'],
    [
      { salutation: 'herr', title: 'Prof. Dr.-Ing. habil.', firstName: 'Rolf', lastName: 'Vogel' },
      'Sehr geehrter Herr Prof. Dr. Vogel,',
    ],
    [{ salutation: 'frau', title: 'Prof.', firstName: 'Ute', lastName: 'Kühn' }, 'Sehr geehrte Frau Prof. Kühn,'],
    // An office wins over title and name.
    [
      { salutation: 'frau', title: 'Dr.', firstName: 'Martina', lastName: 'Schweinsburg', office: 'Landrätin' },
      'Sehr geehrte Frau Landrätin,',
    ],
    [
      { salutation: 'herr', title: 'Dr.', firstName: 'Karl', lastName: 'Meier', office: 'Präsident' },
      'Sehr geehrter Herr Präsident,',
    ],
    [
      { salutation: 'herr', title: null, firstName: 'A', lastName: 'B', office: 'Minister' },
      'Sehr geehrter Herr Minister,',
    ],
    [{ salutation: 'frau', title: null, firstName: 'A', lastName: 'B', office: '  ' }, 'Sehr geehrte Frau B,'],
    // Neutral.
    [{ salutation: null, title: null, firstName: 'Alex', lastName: 'Weber' }, 'Guten Tag Alex Weber,'],
    [{ salutation: null, title: 'Dr.', firstName: 'Alex', lastName: 'Weber' }, 'Guten Tag Dr. Alex Weber,'],
    [{ salutation: null, title: 'Dipl.-Ing.', firstName: 'Alex', lastName: 'Weber' }, 'Guten Tag Alex Weber,'],
    [{ salutation: null, title: null, firstName: null, lastName: 'Weber' }, 'Guten Tag Weber,'],
    // Fallbacks.
    [{ salutation: 'frau', title: null, firstName: 'Anna', lastName: null }, 'Sehr geehrte Damen und Herren,'],
    [{ salutation: null, title: null, firstName: null, lastName: null }, 'Guten Tag,'],
  ] as const)('%o → %s', (input, expected) => {
    expect(letterSalutation(input)).toBe(expected);
  });

  it('falls back to the name for an office that is no form of address', () => {
    for (const office of [
      'Geschäftsführerin',
      'Vorsitzende des Ausschusses',
      'Mitglied des Kreistages',
      'Ministerialrätin',
    ]) {
      expect(
        letterSalutation({ salutation: 'frau', title: 'Dr.', firstName: 'Anna', lastName: 'Müller', office }),
      ).toBe('Sehr geehrte Frau Dr. Müller,');
    }
    // The demo's members of parliament: an office title is not always a form of address.
    expect(
      letterSalutation({ salutation: 'herr', firstName: 'Jan', lastName: 'Berg', office: 'Mitglied des Landtags' }),
    ).toBe('Sehr geehrter Herr Abgeordneter,');
  });

  it('does not double an anrede typed into the office', () => {
    expect(letterSalutation({ salutation: 'frau', firstName: 'X', lastName: 'Y', office: 'Frau Ministerin' })).toBe(
      'Sehr geehrte Frau Ministerin,',
    );
  });
});

describe('salutationTitle', () => {
  it.each([
    ['Dr.', 'Dr.'],
    ['Prof. Dr.', 'Prof. Dr.'],
    ['Prof.Dr.', 'Prof. Dr.'],
    ['Dr.-Ing.', 'Dr.'],
    ['Dr. rer. nat.', 'Dr.'],
    ['Dr. Dr. h.c.', 'Dr. Dr.'],
    ['Dipl.-Ing.', ''],
    ['Dipl.-Kfm.', ''],
    ['M.Sc.', ''],
    ['MBA', ''],
    ['Drs.', ''],
    [null, ''],
  ])('%s → %s', (title, expected) => {
    expect(salutationTitle(title)).toBe(expected);
  });
});

describe('formalName and anredeLabel', () => {
  it('builds the display name with the full title', () => {
    expect(formalName({ salutation: 'frau', title: 'Dr.', firstName: 'Anna', lastName: 'Müller' })).toBe(
      'Frau Dr. Anna Müller',
    );
    expect(formalName({ salutation: 'herr', title: 'Dipl.-Ing.', firstName: 'Uwe', lastName: 'Krause' })).toBe(
      'Herr Dipl.-Ing. Uwe Krause',
    );
    expect(formalName({ salutation: null, title: null, firstName: 'Alex', lastName: 'Weber' })).toBe('Alex Weber');
    expect(formalName({ salutation: 'herr', title: ' ', firstName: ' Jan ', lastName: 'Becker' })).toBe(
      'Herr Jan Becker',
    );
  });

  it('maps the salutation to its label', () => {
    expect(anredeLabel('frau')).toBe('Frau');
    expect(anredeLabel('herr')).toBe('Herr');
    expect(anredeLabel(null)).toBe('');
    expect(anredeLabel(undefined)).toBe('');
  });
});

/** One case per rule of the federal protocol's "Anschriften und Anreden", as offices are typed into the CRM. */
describe('forms of address for offices (OFFICE_RULES)', () => {
  const cases: [office: string, herr: string, frau: string][] = [
    ['Bundespräsident', 'Sehr geehrter Herr Bundespräsident,', 'Sehr geehrte Frau Bundespräsidentin,'],
    ['Bundeskanzlerin', 'Sehr geehrter Herr Bundeskanzler,', 'Sehr geehrte Frau Bundeskanzlerin,'],
    [
      'Ministerpräsident des Freistaats Thüringen',
      'Sehr geehrter Herr Ministerpräsident,',
      'Sehr geehrte Frau Ministerpräsidentin,',
    ],
    [
      'Bundesminister für Wirtschaft und Klimaschutz',
      'Sehr geehrter Herr Bundesminister,',
      'Sehr geehrte Frau Bundesministerin,',
    ],
    ['Staatsministerin', 'Sehr geehrter Herr Staatsminister,', 'Sehr geehrte Frau Staatsministerin,'],
    [
      'Thüringer Ministerin für Wirtschaft, Wissenschaft und Digitale Gesellschaft',
      'Sehr geehrter Herr Minister,',
      'Sehr geehrte Frau Ministerin,',
    ],
    ['Parlamentarischer Staatssekretär', 'Sehr geehrter Herr Staatssekretär,', 'Sehr geehrte Frau Staatssekretärin,'],
    ['MdL', 'Sehr geehrter Herr Abgeordneter,', 'Sehr geehrte Frau Abgeordnete,'],
    ['MdB', 'Sehr geehrter Herr Abgeordneter,', 'Sehr geehrte Frau Abgeordnete,'],
    ['Mitglied des Deutschen Bundestages', 'Sehr geehrter Herr Abgeordneter,', 'Sehr geehrte Frau Abgeordnete,'],
    ['Mitglied des Thüringer Landtags', 'Sehr geehrter Herr Abgeordneter,', 'Sehr geehrte Frau Abgeordnete,'],
    ['Landtagsabgeordnete', 'Sehr geehrter Herr Abgeordneter,', 'Sehr geehrte Frau Abgeordnete,'],
    ['Mitglied des Europäischen Parlaments', 'Sehr geehrter Herr Abgeordneter,', 'Sehr geehrte Frau Abgeordnete,'],
    ['Vizepräsident des Thüringer Landtags', 'Sehr geehrter Herr Vizepräsident,', 'Sehr geehrte Frau Vizepräsidentin,'],
    ['Präsidentin der Handwerkskammer Südthüringen', 'Sehr geehrter Herr Präsident,', 'Sehr geehrte Frau Präsidentin,'],
    ['Landtagspräsident', 'Sehr geehrter Herr Präsident,', 'Sehr geehrte Frau Präsidentin,'],
    ['Landrat des Landkreises Gotha', 'Sehr geehrter Herr Landrat,', 'Sehr geehrte Frau Landrätin,'],
    ['Oberbürgermeisterin', 'Sehr geehrter Herr Oberbürgermeister,', 'Sehr geehrte Frau Oberbürgermeisterin,'],
    ['Erster Bürgermeister', 'Sehr geehrter Herr Bürgermeister,', 'Sehr geehrte Frau Bürgermeisterin,'],
    ['Botschafter der Republik Polen', 'Sehr geehrter Herr Botschafter,', 'Sehr geehrte Frau Botschafterin,'],
    ['Professorin für Fahrzeugtechnik', 'Sehr geehrter Herr Professor Berg,', 'Sehr geehrte Frau Professorin Berg,'],
  ];

  it.each(cases)('%s', (office, herr, frau) => {
    // The form follows the person's salutation, not the office field's spelling; title and first name are left out.
    expect(letterSalutation({ salutation: 'herr', title: 'Dr.', firstName: 'Jan', lastName: 'Berg', office })).toBe(
      herr,
    );
    expect(letterSalutation({ salutation: 'frau', title: 'Dr.', firstName: 'Eva', lastName: 'Berg', office })).toBe(
      frau,
    );
    // Without a salutation the office is not used.
    expect(letterSalutation({ salutation: null, firstName: 'Alex', lastName: 'Berg', office })).toBe(
      'Guten Tag Alex Berg,',
    );
  });

  it('has a case for every rule', () => {
    const herrForms = new Set(cases.map(([office]) => officeAddress(office, 'Herr')));
    for (const rule of OFFICE_RULES) expect(herrForms, rule.herr).toContain(rule.herr);
  });
});
