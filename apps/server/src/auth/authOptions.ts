import type { Config } from '../config.ts';
import type { AuthOptions } from './Auth.ts';

/** The settings-derived part of the Auth options, shared by the server and the admin CLI. */
export function authOptions(config: Config): Omit<AuthOptions, 'store' | 'logger' | 'onRevoke'> {
  return {
    scryptCost: { log2N: config.scryptLog2N, r: 8, p: 1 },
    sessionMaxAgeMs: config.sessionMaxAgeHours * 3_600_000,
    inviteTtlMs: config.inviteTtlHours * 3_600_000,
    limits: {
      email: {
        threshold: config.lockoutThreshold,
        baseMs: config.lockoutBaseMs,
        maxMs: config.lockoutMaxMs,
        windowMs: 0,
      },
      address: {
        threshold: config.addressLockoutThreshold,
        baseMs: config.lockoutBaseMs,
        maxMs: config.lockoutMaxMs,
        windowMs: config.addressLockoutWindowMs,
      },
    },
    hashes: { concurrency: config.maxConcurrentHashes, queueMax: config.hashQueueMax },
    passwordSignIn: config.passwordSignin,
    ssoAdminEmails: config.oidcAdminEmails,
  };
}
