import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { newTotpSecret, totpStep, totpUri } from './totp.ts';

describe('totpStep', () => {
  const secret = newTotpSecret();
  const at = (ms: number) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: ms });
  const now = 1_800_000_015_000;
  const step = Math.floor(now / 30_000);

  it('accepts the current code and one step of drift either way, naming its step', () => {
    expect(totpStep(secret, at(now), now)).toBe(step);
    expect(totpStep(secret, at(now - 30_000), now)).toBe(step - 1);
    expect(totpStep(secret, at(now + 30_000), now)).toBe(step + 1);
  });

  it('refuses codes two steps away, and anything not six digits', () => {
    expect(totpStep(secret, at(now - 60_000), now)).toBeNull();
    expect(totpStep(secret, at(now + 60_000), now)).toBeNull();
    expect(totpStep(secret, '12345', now)).toBeNull();
    expect(totpStep(secret, 'abcdef', now)).toBeNull();
  });

  it('makes a 160-bit key and the URI authenticator apps read', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, 'ana@gc.ca');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Feuille%20de%20route:ana%40gc\.ca\?/);
    expect(uri).toContain(`secret=${secret}`);
  });
});
