import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
import {
  authPolicy,
  changePasswordBody,
  currentPasswordBody,
  enrolmentResult,
  factorsOverview,
  loginBody,
  loginResponse,
  loginResult,
  passkeyLoginBody,
  passkeyOptionsBody,
  passkeyOptionsResponse,
  passkeyRegisterBody,
  recoveryCodesResult,
  secondFactorBody,
  sessionUser,
  totpConfirmBody,
  totpSetup,
} from '../schemas/auth.ts';
import { idParams } from '../schemas/common.ts';
import { domainRoutes, routesAt } from './define.ts';

/** A change that needs the current password: a wrong one is refused, and throttled like logins. */
const passwordChecked = [E.WRONG_PASSWORD, E.TOO_MANY_ATTEMPTS];

const at = routesAt('/api/auth');

/** Login, session, password and the user's own second factors (authenticator app, recovery codes, passkeys). */
export const auth = {
  // Signing in happens before there is a token.
  ...domainRoutes(
    'auth',
    {
      login: at.post('/login', {
        summary: 'Log in with e-mail and password; accounts with a second factor continue with its challenge',
        description:
          'Answers the session, or `{secondFactor: {challenge, methods}}` when the account has a second factor ' +
          '(continue with /api/auth/login/second-factor or a passkey). Guessing is slowed per address and account; ' +
          'an address that has not failed on the account is never refused.',
        body: loginBody,
        response: loginResult,
        codes: [E.INVALID_CREDENTIALS, E.TOO_MANY_ATTEMPTS],
      }),
      secondFactor: at.post('/login/second-factor', {
        summary: 'Finish a login with a code from the authenticator app or a recovery code',
        body: secondFactorBody,
        response: loginResponse,
        codes: [E.INVALID_CODE, E.SECOND_FACTOR_EXPIRED, E.TOO_MANY_ATTEMPTS],
      }),
      passkeyOptions: at.post('/passkey/options', {
        summary: 'Start a passkey sign-in (alone, or as the second factor of a password login)',
        body: passkeyOptionsBody,
        response: passkeyOptionsResponse,
        codes: [E.SECOND_FACTOR_EXPIRED],
      }),
      passkeyLogin: at.post('/passkey/login', {
        summary: 'Finish a passkey sign-in',
        body: passkeyLoginBody,
        response: loginResponse,
        codes: [E.PASSKEY_NOT_ACCEPTED, E.SECOND_FACTOR_EXPIRED],
      }),
      refresh: at.post('/refresh', {
        summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)',
        description:
          'Only from the app itself: a JSON request whose `Origin` (or `Sec-Fetch-Site`) is this site. ' +
          'A refused request leaves the cookie alone.',
        response: loginResponse,
        codes: [E.INVALID_REFRESH_TOKEN, E.CROSS_SITE_REQUEST, E.JSON_REQUIRED],
      }),
    },
    { security: [] },
  ),
  // The own account and factors: open to a user who must still set up a second factor.
  ...domainRoutes(
    'auth',
    {
      logout: at.post('/logout', {
        summary: 'End all sessions of the current user',
        status: 204,
        response: z.null(),
      }),
      me: at.get('/me', {
        summary: 'The logged-in user',
        response: sessionUser,
      }),
      changePassword: at.post('/password', {
        summary: 'Change own password; ends all other sessions and returns a new one',
        description:
          'At least 12 characters (8 with a second factor), not on the leaked/common password lists, without the ' +
          'user’s name or e-mail. Wrong current passwords are throttled like logins.',
        body: changePasswordBody,
        response: loginResponse,
        codes: [...passwordChecked, E.WEAK_PASSWORD],
      }),
      factors: at.get('/factors', {
        summary: 'The own second factors',
        response: factorsOverview,
      }),
      totpStart: at.post('/factors/totp', {
        summary: 'Start setting up an authenticator app: a secret and its QR code (confirm with a first code)',
        response: totpSetup,
        codes: [E.TOTP_ALREADY_SET],
      }),
      totpConfirm: at.post('/factors/totp/confirm', {
        summary: 'Confirm the authenticator app with its current code; ends other sessions, returns a new one',
        body: totpConfirmBody,
        response: enrolmentResult,
        codes: [E.INVALID_CODE],
      }),
      totpDelete: at.post('/factors/totp/delete', {
        summary: 'Remove the authenticator app (needs the current password)',
        body: currentPasswordBody,
        response: factorsOverview,
        codes: [E.TOTP_NOT_FOUND, E.LAST_SECOND_FACTOR, ...passwordChecked],
      }),
      recoveryCodes: at.post('/factors/recovery-codes', {
        summary: 'Ten new recovery codes (the old ones stop working; needs the current password)',
        body: currentPasswordBody,
        response: recoveryCodesResult,
        codes: [E.NO_SECOND_FACTOR, ...passwordChecked],
      }),
      passkeyAddOptions: at.post('/factors/passkeys/options', {
        summary: 'Start adding a passkey: options for navigator.credentials.create()',
        response: passkeyOptionsResponse,
      }),
      passkeyAdd: at.post('/factors/passkeys', {
        summary: 'Finish adding a passkey; ends other sessions, returns a new one',
        body: passkeyRegisterBody,
        response: enrolmentResult,
        codes: [E.PASSKEY_CEREMONY_EXPIRED, E.PASSKEY_NOT_ACCEPTED, E.PASSKEY_EXISTS],
      }),
      passkeyDelete: at.post('/factors/passkeys/:id/delete', {
        summary: 'Remove a passkey (needs the current password)',
        params: idParams,
        body: currentPasswordBody,
        response: factorsOverview,
        codes: [E.PASSKEY_NOT_FOUND, E.LAST_SECOND_FACTOR, ...passwordChecked],
      }),
    },
    { enrolment: true },
  ),
  ...domainRoutes('auth', {
    policy: at.get('/policy', {
      summary: 'Which roles must use a second factor',
      response: authPolicy,
    }),
    setPolicy: at.put('/policy', {
      summary: 'Set which roles must use a second factor (their members without one are led to set one up)',
      body: authPolicy,
      response: authPolicy,
    }),
  }),
};
