import { randomBytes, randomInt } from 'node:crypto';
import type { PasswordContext } from '@anett/shared/password-policy';
import { type PasswordProblem, passwordProblemMessage } from '@anett/shared/password-rules';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from './errors.ts';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);

let dummyHash: Promise<string> | undefined;

/** Verifies against a dummy hash when there is no user, so unknown and wrong look the same from outside. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const target = passwordHash ?? (await dummyHash);
  const ok = await verify(target, password, options).catch(() => false);
  return ok && passwordHash !== undefined;
}

/** A password for people to type once: 16 characters without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** Refuses a new password that breaks the policy (400 naming `field`, in the client's language). */
export async function assertAcceptablePassword(
  password: string,
  context: PasswordContext & { field: string; language: 'de' | 'en' },
): Promise<void> {
  // Loaded on first use: the dictionaries cost about a second at start otherwise.
  const { checkPassword } = await import('@anett/shared/password-policy');
  const check = checkPassword(password, context);
  if (check.problem) throw passwordRefused(check.problem, check.minLength, context.field, context.language);
}

export const passwordRefused = (problem: PasswordProblem, minLength: number, field: string, language: 'de' | 'en') => {
  const message = passwordProblemMessage(problem, minLength, language);
  return AppError.of('WEAK_PASSWORD', `${field}: ${message}`, {
    errors: [{ field, message }],
    data: { problem, minLength },
  });
};
