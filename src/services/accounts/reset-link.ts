import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { createAuth } from './auth.js';

/**
 * A password-reset link made by the operator of a server without mail settings, to hand to the
 * account's owner in person: the same link the e-mail would carry (it works once, for an hour, and
 * using it signs the account out everywhere). Null when no account uses the address.
 */
export async function operatorResetLink(opts: {
  db: Db;
  now: () => Date;
  publicUrl: string;
  email: string;
}): Promise<string | null> {
  let link: string | null = null;
  const auth = createAuth({
    db: opts.db,
    now: opts.now,
    publicUrl: opts.publicUrl,
    // Only the reset token is made here, which no key signs.
    secret: randomBytes(32).toString('hex'),
    signUp: 'off',
    // The message is kept here instead of sent (its send starts at once, before the answer).
    mail: {
      send: async ({ text }) => {
        link = /https?:\/\/\S+/.exec(text)?.[0] ?? null;
      },
    },
  });
  await auth.api.requestPasswordReset({ body: { email: opts.email.trim() } });
  return link;
}
