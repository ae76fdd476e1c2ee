import { call, type User } from '../account/accountApi.ts';

/** A sign-in whose password was right and that waits for its second step. */
export interface SecondFactorPending {
  token: string;
  step: 'code' | 'enrol';
  expiresAt: number;
}

export interface Enrolment {
  secret: string;
  uri: string;
  /** The QR code, drawn by our server as SVG. */
  qrSvg: string;
}

export interface MfaStatus {
  enrolled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

type Codes = { recoveryCodes: string[] };

export const verifySignIn = (token: string, code: string) =>
  call<{ user: User }>('/api/auth/mfa/verify', { token, code });
export const beginSignInEnrolment = (token: string) =>
  call<Enrolment>('/api/auth/mfa/enrol', { token });
export const confirmSignInEnrolment = (token: string, code: string) =>
  call<{ user: User } & Codes>('/api/auth/mfa/enrol/confirm', { token, code });

export const mfaStatus = () => call<MfaStatus>('/api/account/mfa');
export const beginEnrolment = () => call<Enrolment>('/api/account/mfa/enrol', {});
export const confirmEnrolment = (code: string) => call<Codes>('/api/account/mfa/confirm', { code });
export const regenerateCodes = (code: string) =>
  call<Codes>('/api/account/mfa/recovery-codes', { code });
export const disableMfa = (code: string) =>
  call<{ ok: true }>('/api/account/mfa/disable', { code });
