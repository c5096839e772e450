import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';

const SECRET = 'x'.repeat(40);

describe('serve --hosted configuration', () => {
  it('refuses the embedded database with a message that says what to set', () => {
    expect(() =>
      loadConfig({ hosted: true, publicUrl: 'https://r.example.org' }, { RAPPORT_AUTH_SECRET: SECRET }),
    ).toThrow(/PostgreSQL only.*DATABASE_URL=postgres:\/\//);
  });

  it('needs a public URL and a long enough secret', () => {
    const env = { DATABASE_URL: 'postgres://u@127.0.0.1/r' };
    expect(() => loadConfig({ hosted: true }, { ...env, RAPPORT_AUTH_SECRET: SECRET })).toThrow(
      /--public-url/,
    );
    expect(() => loadConfig({ hosted: true, publicUrl: 'https://r.example.org' }, env)).toThrow(
      /RAPPORT_AUTH_SECRET/,
    );
  });

  it('reads flags and environment, binds every address, and keeps only the public origin', () => {
    const config = loadConfig(
      {
        hosted: true,
        publicUrl: 'https://r.example.org/some/path',
        trustedProxy: true,
        signUp: 'invite-only',
      },
      { DATABASE_URL: 'postgres://u@127.0.0.1/r', RAPPORT_AUTH_SECRET: SECRET },
    );
    expect(config.host).toBe('0.0.0.0');
    expect(config.hosted).toMatchObject({
      publicUrl: 'https://r.example.org',
      trustedProxy: true,
      signUp: 'invite-only',
    });
    expect(() =>
      loadConfig(
        { hosted: true, publicUrl: 'https://r.example.org', signUp: 'maybe' },
        { DATABASE_URL: 'postgres://u@127.0.0.1/r', RAPPORT_AUTH_SECRET: SECRET },
      ),
    ).toThrow(/open, invite-only or off/);
  });

  it('leaves local mode as it was: loopback, no accounts', () => {
    const config = loadConfig({}, {});
    expect(config.host).toBe('127.0.0.1');
    expect(config.hosted).toBeUndefined();
  });
});
