import { matchersFor, mentionsIn, phonePattern, scrub, spellings } from '@anett/server/modules/privacy/identifiers';
import { describe, expect, it } from 'vitest';

const person = {
  title: 'Dr.',
  firstName: 'Jürgen',
  lastName: 'Weißbäcker',
  email: 'j.weissbaecker@example.org',
  phone: '03681 47-11',
  mobile: '+49 171 2345678',
};

describe('finding a person in free text', () => {
  it('spells names the ways people type them without umlauts', () => {
    expect(spellings('Weißbäcker')).toEqual(['Weißbäcker', 'Weissbaecker', 'Weissbacker']);
  });

  it('matches phone numbers with any separators and with +49, 0049 or 0', () => {
    const re = new RegExp(phonePattern('03681 47-11') as string);
    for (const written of ['03681 4711', '03681/47 11', '+49 3681 4711', '0049 (0)3681-4711', '036814711'])
      expect(re.test(written), written).toBe(true);
    expect(re.test('003681 47112')).toBe(false);
    expect(phonePattern('112')).toBeNull();
  });

  it('names what a text contains, and scrubs it without touching other words', () => {
    const m = matchersFor([person]);
    expect(mentionsIn('Anruf von Jürgen Weissbaecker', m)).toEqual(['fullName', 'lastName']);
    expect(mentionsIn('WEIßBÄCKER, Jürgen schrieb an J.Weissbaecker@Example.org', m).sort()).toEqual(
      ['email', 'fullName', 'lastName'].sort(),
    );
    expect(mentionsIn('Herr Weißbäcker rief an: 0171 234 56 78', m).sort()).toEqual(['lastName', 'phone']);
    expect(mentionsIn('Die Weißbäckerei hat geöffnet', m)).toEqual([]);
    expect(scrub('Jürgen Weißbäcker (0171/2345678) über Weißbäckerei', m)).toBe(
      '[gelöscht] ([gelöscht]) über Weißbäckerei',
    );
    expect(scrub('Jürgen kommt, Herr Weißbäcker auch', m, { lastName: true, firstName: true })).toBe(
      '[gelöscht] kommt, Herr [gelöscht] auch',
    );
    // Inside stored JSON the result stays JSON.
    const json = JSON.stringify({ q: 'Jürgen Weißbäcker', phone: ['03681 4711', null] });
    expect(JSON.parse(scrub(json, m))).toEqual({ q: '[gelöscht]', phone: ['[gelöscht]', null] });
  });
});
