import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { keyFile } from '../../keyFile.ts';

/**
 * Seals authenticator secrets (AES-256-GCM): a copy of the database alone (a backup, a dump)
 * does not give anyone's codes. The key comes from MFA_ENCRYPTION_KEY, else from `mfa.key` in
 * DATA_DIR, made on first use and readable by the server's user only.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the second-factor key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', ...[iv, cipher.getAuthTag(), body].map((p) => p.toString('base64url'))].join(
        '.',
      );
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined)
        throw new Error('not a sealed second-factor secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

/** The configured key (base64), or the key file in `dataDir`, created (0600) when missing. */
export function loadMfaKey(configured: string, dataDir: string): Buffer {
  return keyFile(configured, dataDir, 'mfa.key');
}
