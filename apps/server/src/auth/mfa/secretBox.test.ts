import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/testServer.ts';
import { loadMfaKey, secretBox } from './secretBox.ts';

describe('secretBox', () => {
  it('opens what it sealed, and nothing sealed with another key or altered', () => {
    const box = secretBox(randomBytes(32));
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => secretBox(randomBytes(32)).open(sealed)).toThrow();
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = `${body![0] === 'A' ? 'B' : 'A'}${body!.slice(1)}`;
    expect(() => box.open([v, iv, tag, flipped].join('.'))).toThrow();
  });

  it('takes the configured key, else makes a 0600 key file once and keeps it', () => {
    const configured = randomBytes(32);
    expect(loadMfaKey(configured.toString('base64'), '/nonexistent')).toEqual(configured);
    const dir = tempDir();
    const first = loadMfaKey('', dir);
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, 'mfa.key')).mode & 0o777).toBe(0o600);
    expect(loadMfaKey('', dir)).toEqual(first);
    expect(readFileSync(join(dir, 'mfa.key'), 'utf8')).toBe(first.toString('base64'));
  });
});
