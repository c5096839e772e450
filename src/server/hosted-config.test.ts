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

  it("reads the SMTP settings of the server's own mail, and never repeats the password in a refusal", () => {
    const env = { DATABASE_URL: 'postgres://u@127.0.0.1/r', RAPPORT_AUTH_SECRET: SECRET };
    const flags = { hosted: true, publicUrl: 'https://r.example.org' };
    expect(loadConfig(flags, env).hosted?.smtpUrl).toBeUndefined();
    const config = loadConfig(flags, {
      ...env,
      RAPPORT_SMTP_URL: 'smtp://rapport%40example.org:s3cret-pass@smtp.example.org:587',
      RAPPORT_MAIL_FROM: 'Rapport <rapport@example.org>',
    });
    expect(config.hosted).toMatchObject({
      smtpUrl: 'smtp://rapport%40example.org:s3cret-pass@smtp.example.org:587',
      mailFrom: 'Rapport <rapport@example.org>',
    });
    const bad = () => loadConfig({ ...flags, smtpUrl: 'http://me:s3cret-pass@smtp.example.org' }, env);
    expect(bad).toThrow(/--smtp-url must look like smtp:\/\/user:password@host:587/);
    expect(bad).not.toThrow(/s3cret-pass/);
  });

  it('leaves local mode as it was: loopback, no accounts', () => {
    const config = loadConfig({}, {});
    expect(config.host).toBe('127.0.0.1');
    expect(config.hosted).toBeUndefined();
  });
});
