import { nextFreeDay, parseClockTime, sessionsOverlap } from '@anett/shared/session-dates';
import { describe, expect, it } from 'vitest';
import { answers } from '../support/answers.ts';

describe('nextFreeDay', () => {
  answers('is the day after the latest session, skipping days that already have one, across month ends', nextFreeDay, [
    [['2025-03-03'], '2025-03-04'],
    [['2025-03-10', '2025-03-03'], '2025-03-11'],
    [['2025-02-28', '2025-03-01'], '2025-03-02'],
    [['2024-12-31'], '2025-01-01'],
    [[], undefined],
  ]);
});

describe('parseClockTime', () => {
  answers('reads the ways people type a time and refuses the rest', parseClockTime, [
    ['16:30', '16:30'],
    [' 16.30 ', '16:30'],
    ['1630', '16:30'],
    ['930', '09:30'],
    ['9', '09:00'],
    ['16 Uhr', '16:00'],
    ['', null],
    ['24:00', undefined],
    ['16:60', undefined],
    ['9:5', undefined],
    ['4 PM', undefined],
    ['abends', undefined],
    ['16:30:00x', undefined],
  ]);
});

describe('sessionsOverlap', () => {
  const s = (startsAt: string, endsAt: string | null = null) => ({ startsAt, endsAt });
  it('overlapping and nested intervals and equal starts overlap; back to back does not', () => {
    expect(
      sessionsOverlap(s('2025-03-03T07:30Z', '2025-03-03T15:00Z'), s('2025-03-03T13:00Z', '2025-03-03T17:00Z')),
    ).toBe(true);
    expect(
      sessionsOverlap(s('2025-03-03T06:00Z', '2025-03-03T19:00Z'), s('2025-03-03T07:30Z', '2025-03-03T15:00Z')),
    ).toBe(true);
    expect(sessionsOverlap(s('2025-03-03T07:30Z'), s('2025-03-03T07:30Z', '2025-03-03T15:00Z'))).toBe(true);
    expect(sessionsOverlap(s('2025-03-03T09:00Z'), s('2025-03-03T07:30Z', '2025-03-03T15:00Z'))).toBe(true);
    expect(
      sessionsOverlap(s('2025-03-03T07:30Z', '2025-03-03T15:00Z'), s('2025-03-03T15:00Z', '2025-03-03T17:00Z')),
    ).toBe(false);
    expect(sessionsOverlap(s('2025-03-03T07:30Z'), s('2025-03-04T07:30Z'))).toBe(false);
  });
});
