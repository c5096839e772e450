import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE, loadSecretKey, seal, unseal } from './secret.js';

describe('the mailbox password key', () => {
  it('is made once, readable by the owner alone, and opens what it sealed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-key-'));
    const key = loadSecretKey(join(dir, 'data'), {});
    expect(statSync(join(dir, 'data', KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadSecretKey(join(dir, 'data'), {})).toEqual(key);
    const sealed = seal(key, 'app password');
    expect(sealed).not.toContain('app password');
    expect(unseal(key, sealed)).toBe('app password');
    expect(() => unseal(Buffer.alloc(32, 1), sealed)).toThrow(/Connect the mailbox again/);
  });

  it('takes RAPPORT_SECRET_KEY over the file, and refuses a key of the wrong size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-key-'));
    const env = { RAPPORT_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') };
    expect(loadSecretKey(dir, env)).toEqual(Buffer.alloc(32, 7));
    expect(() => loadSecretKey(dir, { RAPPORT_SECRET_KEY: 'short' })).toThrow(/32-byte key/);
    writeFileSync(join(dir, KEY_FILE), 'abc', { mode: 0o644 });
    expect(() => loadSecretKey(dir, {})).toThrow(/32-byte key/);
  });
});
