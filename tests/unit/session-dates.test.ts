import { nextFreeDay, parseClockTime, sessionsOverlap } from '@anett/shared/session-dates';
import { describe, expect, it } from 'vitest';

describe('nextFreeDay', () => {
  it('is the day after the latest session, skipping days that already have one, across month ends', () => {
    expect(nextFreeDay(['2025-03-03'])).toBe('2025-03-04');
    expect(nextFreeDay(['2025-03-10', '2025-03-03'])).toBe('2025-03-11');
    expect(nextFreeDay(['2025-02-28', '2025-03-01'])).toBe('2025-03-02');
    expect(nextFreeDay(['2024-12-31'])).toBe('2025-01-01');
    expect(nextFreeDay([])).toBeUndefined();
  });
});

describe('parseClockTime', () => {
  it('reads the ways people type a time and refuses the rest', () => {
    expect(parseClockTime('16:30')).toBe('16:30');
    expect(parseClockTime(' 16.30 ')).toBe('16:30');
    expect(parseClockTime('1630')).toBe('16:30');
    expect(parseClockTime('930')).toBe('09:30');
    expect(parseClockTime('9')).toBe('09:00');
    expect(parseClockTime('16 Uhr')).toBe('16:00');
    expect(parseClockTime('')).toBeNull();
    for (const bad of ['24:00', '16:60', '9:5', '4 PM', 'abends', '16:30:00x'])
      expect(parseClockTime(bad)).toBeUndefined();
  });
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
