import { checkPassword, personalWords } from '@anett/shared/password-policy';
import { describe, expect, it } from 'vitest';

describe('password policy', () => {
  it('takes the name parts, the e-mail parts and the service name as personal words', () => {
    expect(personalWords({ name: 'Anna-Lena Schäfer', email: 'a.schaefer@leg-thueringen.de' })).toEqual(
      expect.arrayContaining(['anett', 'anna', 'lena', 'schaefer', 'a.schaefer', 'leg-thueringen']),
    );
  });

  it.each([
    ['aaaaaaaaaaaa', 'repeat'],
    ['123456789012', 'common'],
    ['qwertzuiopasdf', 'sequence'],
    ['Schaefer-Anna-2024', 'personal'],
    ['kurz', 'tooShort'],
  ])('refuses %s as %s', (password, problem) => {
    expect(checkPassword(password, { name: 'Anna Schäfer', email: 'anna@example.org' }).problem).toBe(problem);
  });

  it('accepts a passphrase, and 8 characters once a second factor is set', () => {
    expect(checkPassword('gurke tapete wolke fahrrad').ok).toBe(true);
    expect(checkPassword('Tw9#kLp2').problem).toBe('tooShort');
    expect(checkPassword('Tw9#kLp2', { hasSecondFactor: true }).ok).toBe(true);
  });
});
