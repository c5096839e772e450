import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.js';

/** The key file's name inside the data folder. */
export const KEY_FILE = 'secret.key';

function parseKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new AppError('validation', {
      userMessage: `${where} must hold a 32-byte key, written as 64 hex digits or in base64 (make one with: openssl rand -base64 32).`,
    });
  }
  return key;
}

/**
 * The key that seals mailbox passwords, kept outside the database: RAPPORT_SECRET_KEY when set,
 * otherwise a key file readable by the owner alone in the data folder, made on first use.
 */
export function loadSecretKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.RAPPORT_SECRET_KEY) return parseKey(env.RAPPORT_SECRET_KEY, 'RAPPORT_SECRET_KEY');
  const path = join(dataDir, KEY_FILE);
  try {
    const text = readFileSync(path, 'utf8');
    // A key others can read is no longer a secret: tighten it rather than go on quietly.
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    return parseKey(text, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  // 'wx' so two processes starting at once cannot each write a different key.
  try {
    writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return parseKey(readFileSync(path, 'utf8'), path);
    throw err;
  }
  return key;
}

/** Encrypts a secret with AES-256-GCM; the result holds its own nonce and tag. */
export function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

/** Decrypts what `seal` made; a changed key or a tampered value is refused in a sentence. */
export function unseal(key: Buffer, sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('conflict', {
      userMessage:
        'The saved mailbox password cannot be read with this machine’s secret key (the key file or RAPPORT_SECRET_KEY changed). Connect the mailbox again.',
    });
  }
}

/** The key of a data folder, read or made on first use only (a workspace without mail never makes one). */
export function secretKeyLoader(dataDir: string): () => Buffer {
  let key: Buffer | null = null;
  return () => {
    key ??= loadSecretKey(dataDir);
    return key;
  };
}
