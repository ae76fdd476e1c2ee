import { keyFile } from '../keyFile.ts';

/**
 * The key that signs unsubscribe links: MAIL_TOKEN_KEY (base64) when set, else `mail.key` in
 * DATA_DIR. With PostgreSQL and a relay the setting is required (config.ts): instances do not
 * share a data folder.
 */
export function loadMailKey(configured: string, dataDir: string): Buffer {
  return keyFile(configured, dataDir, 'mail.key');
}
