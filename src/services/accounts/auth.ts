import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import type { SignUpMode } from '../../config.js';
import type { Db } from '../../db/client.js';
import { authAccounts, authRateLimits, authSessions, authUsers, authVerifications } from '../../db/schema.js';
import { AUTH_BASE_PATH, CLIENT_ADDRESS_HEADER } from './auth-paths.js';
import { coachInviteOpen } from './coaching.js';
import { consumeInvite } from './invites.js';
import { passkeys } from './passkeys.js';
import {
  MAIL_NOT_CONFIGURED_MESSAGE,
  resetPasswordMail,
  type ServerMail,
  verifyEmailMail,
} from './server-mail.js';
import { consumeAttempt, type Limit } from './throttle.js';
import { deleteOwnedWorkspaces, ensureAccountWorkspace } from './workspaces.js';

/** Sign-in attempts for one e-mail address, from anywhere: slows guessing one person's password. */
export const SIGN_IN_PER_ACCOUNT: Limit = { max: 10, windowMs: 15 * 60_000 };
/** Sign-in attempts from one client address, for any account (seconds, as better-auth counts). */
const SIGN_IN_PER_ADDRESS = { window: 60, max: 20 };
/** Password-reset mail to one address: enough to retry, too few to flood someone's inbox. */
export const RESET_PER_ACCOUNT: Limit = { max: 5, windowMs: 60 * 60_000 };
/** How long a password-reset link works. */
export const RESET_LINK_SECONDS = 60 * 60;
/** How long an e-mail verification link works. */
const VERIFY_LINK_SECONDS = 24 * 60 * 60;

/** The page of the web app where a reset link leads. */
export const RESET_PAGE_PATH = '/reset-password';

export interface AuthOptions {
  db: Db;
  now: () => Date;
  /** The public origin, e.g. https://rapport.example.org. */
  publicUrl: string;
  secret: string;
  signUp: SignUpMode;
  /** The server's own mail (--smtp-url); none when it was started without. */
  mail?: ServerMail | null;
}

function tooMany(seconds: number, what: string) {
  const minutes = Math.ceil(seconds / 60);
  return new APIError('TOO_MANY_REQUESTS', {
    message: `Too many sign-in attempts ${what}. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`,
    code: 'TOO_MANY_ATTEMPTS',
  });
}

/**
 * The accounts of hosted mode, on better-auth with its Drizzle adapter: passwords hashed with
 * scrypt, sessions kept in the database (so any server process can check them), httpOnly
 * SameSite=Lax cookies, Secure on https. Each new account gets its own workspace.
 */
export function createAuth(opts: AuthOptions) {
  const secure = opts.publicUrl.startsWith('https://');
  const host = new URL(opts.publicUrl).host;
  // Sent in the background: the answer takes as long whether or not the address has an account,
  // and a slow or failing mail server never holds up a sign-up.
  const sendLater = (message: Parameters<ServerMail['send']>[0]) => {
    void opts.mail?.send(message).catch((err: unknown) => {
      console.error(`Could not send "${message.subject}": ${err instanceof Error ? err.message : err}`);
    });
  };
  return betterAuth({
    appName: 'Rapport',
    baseURL: opts.publicUrl,
    basePath: AUTH_BASE_PATH,
    secret: opts.secret,
    trustedOrigins: [opts.publicUrl],
    telemetry: { enabled: false },
    plugins: [passkeys({ db: opts.db, now: opts.now, publicUrl: opts.publicUrl })],
    // Failed sign-ins are answered to the client; the server's log keeps to real faults.
    logger: { level: 'error' },
    database: drizzleAdapter(opts.db, {
      provider: 'pg',
      schema: {
        auth_user: authUsers,
        auth_session: authSessions,
        auth_account: authAccounts,
        auth_verification: authVerifications,
        auth_rate_limit: authRateLimits,
      },
    }),
    user: {
      modelName: 'auth_user',
      deleteUser: {
        enabled: true,
        // The account's workspace, and every row in it, goes with the account.
        beforeDelete: async (user) => {
          await deleteOwnedWorkspaces(opts.db, user.id);
        },
      },
    },
    session: { modelName: 'auth_session' },
    account: { modelName: 'auth_account' },
    verification: { modelName: 'auth_verification' },
    emailAndPassword: {
      enabled: true,
      disableSignUp: opts.signUp === 'off',
      minPasswordLength: 10,
      maxPasswordLength: 256,
      autoSignIn: true,
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      // A new password ends every session, so whoever knew the old one is signed out.
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const link = `${opts.publicUrl}${RESET_PAGE_PATH}?token=${encodeURIComponent(token)}`;
        sendLater(resetPasswordMail({ name: user.name, email: user.email, link, host }));
      },
      // The reset link reached the address, which shows it is theirs.
      onPasswordReset: async ({ user }) => {
        if (!user.emailVerified) {
          await opts.db.update(authUsers).set({ emailVerified: true }).where(eq(authUsers.id, user.id));
        }
      },
    },
    // Accounts that have not confirmed their address may sign in (the app shows a banner until they
    // do): a server without mail settings, or a slow mail server, must not lock people out.
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: VERIFY_LINK_SECONDS,
      sendVerificationEmail: async ({ user, url }) => {
        sendLater(verifyEmailMail({ name: user.name, email: user.email, link: url, host }));
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'auth_rate_limit',
      customRules: {
        '/sign-in/email': SIGN_IN_PER_ADDRESS,
        '/sign-up/email': { window: 60, max: 10 },
        '/delete-user': { window: 60, max: 10 },
        '/request-password-reset': { window: 60, max: 5 },
        '/send-verification-email': { window: 60, max: 5 },
        '/reset-password': { window: 60, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: 'rapport',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user, ctx) => {
            if (opts.signUp !== 'invite-only') return;
            const code = (ctx?.body as { inviteCode?: unknown } | undefined)?.inviteCode;
            // A coach invitation lets its invitee sign up too; it is used up when they take it.
            const ok =
              typeof code === 'string' &&
              ((await coachInviteOpen({ db: opts.db, now: opts.now, code, email: user.email })) ||
                (await consumeInvite({ db: opts.db, now: opts.now, code })));
            if (!ok) {
              throw new APIError('FORBIDDEN', {
                message:
                  'Sign-up on this server needs an invitation code, and this one is missing, used already or expired. Ask the person who invited you for a new one.',
                code: 'INVITE_REQUIRED',
              });
            }
          },
          after: async (user) => {
            await ensureAccountWorkspace({
              db: opts.db,
              now: opts.now,
              authUserId: user.id,
              name: user.name,
              email: user.email,
            });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/request-password-reset' || ctx.path === '/send-verification-email') {
          // Said before any account is looked up, so the answer never tells whether one exists.
          if (!opts.mail) {
            throw new APIError('SERVICE_UNAVAILABLE', {
              message: MAIL_NOT_CONFIGURED_MESSAGE,
              code: 'MAIL_NOT_CONFIGURED',
            });
          }
          if (ctx.path === '/send-verification-email') return;
          const email = (ctx.body as { email?: unknown } | undefined)?.email;
          if (typeof email !== 'string') return;
          const { allowed, retryAfterSeconds } = await consumeAttempt({
            db: opts.db,
            now: opts.now,
            key: `reset-account:${email.trim().toLowerCase()}`,
            limit: RESET_PER_ACCOUNT,
          });
          if (!allowed) {
            const minutes = Math.ceil(retryAfterSeconds / 60);
            throw new APIError('TOO_MANY_REQUESTS', {
              message: `Several reset e-mails went to this address already. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`}, check your spam folder, and try again.`,
              code: 'TOO_MANY_ATTEMPTS',
            });
          }
          return;
        }
        if (ctx.path !== '/sign-in/email') return;
        const email = (ctx.body as { email?: unknown } | undefined)?.email;
        if (typeof email !== 'string') return;
        const { allowed, retryAfterSeconds } = await consumeAttempt({
          db: opts.db,
          now: opts.now,
          key: `sign-in-account:${email.trim().toLowerCase()}`,
          limit: SIGN_IN_PER_ACCOUNT,
        });
        if (!allowed) throw tooMany(retryAfterSeconds, 'for this account');
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
