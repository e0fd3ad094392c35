import { anredeLabel, formalName, letterSalutation, salutationTitle } from '@anett/shared/salutation';
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
