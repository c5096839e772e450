import { randomUUID } from 'node:crypto';
import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthEndpoint, sessionMiddleware } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { authPasskeys } from '../../db/schema.js';

/** How long a browser has to answer a passkey challenge. */
const CHALLENGE_SECONDS = 5 * 60;
/** The cookie that ties a challenge to the browser it was given to (signed, httpOnly). */
const CHALLENGE_COOKIE = 'passkey_challenge';

export interface PasskeyOptions {
  db: Db;
  now: () => Date;
  /** The public origin: its host is the relying party id, and answers must come from it. */
  publicUrl: string;
}

/** A passkey as the account's owner sees it in Settings. */
export interface PasskeyInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** Synced between devices (e.g. by a password manager) rather than bound to one. */
  synced: boolean;
}

function refused(message: string) {
  return new APIError('BAD_REQUEST', { message, code: 'PASSKEY_REFUSED' });
}

const registrationBody = z.object({
  name: z.string().trim().min(1, 'Give the passkey a name.').max(100),
  // The browser's answer, checked by @simplewebauthn below.
  response: z.record(z.string(), z.unknown()),
});
const authenticationBody = z.object({ response: z.record(z.string(), z.unknown()) });

/**
 * Sign-in with passkeys, as a better-auth plugin built on @simplewebauthn/server (better-auth's own
 * passkey plugin has no release for this better-auth version). Registration needs a session;
 * signing in with a passkey (a discoverable credential: no e-mail asked) starts one.
 */
export function passkeys(opts: PasskeyOptions): BetterAuthPlugin {
  const rpID = new URL(opts.publicUrl).hostname;
  const origin = opts.publicUrl;

  // The challenge is kept in better-auth's verification table (its rows keep better-auth's own
  // times, as every auth table does); the browser holds only a signed cookie naming it.
  const issueChallenge = async (
    // biome-ignore lint/suspicious/noExplicitAny: better-auth's endpoint context type is internal.
    ctx: any,
    challenge: string,
    userId: string,
  ) => {
    const key = randomUUID();
    await ctx.context.internalAdapter.createVerificationValue({
      identifier: `passkey-challenge:${key}`,
      value: JSON.stringify({ challenge, userId }),
      expiresAt: new Date(Date.now() + CHALLENGE_SECONDS * 1000),
    });
    const cookie = ctx.context.createAuthCookie(CHALLENGE_COOKIE, { maxAge: CHALLENGE_SECONDS });
    await ctx.setSignedCookie(cookie.name, key, ctx.context.secret, cookie.attributes);
  };
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  const takeChallenge = async (ctx: any): Promise<{ challenge: string; userId: string }> => {
    const cookie = ctx.context.createAuthCookie(CHALLENGE_COOKIE);
    const key = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
    const row = key
      ? await ctx.context.internalAdapter.consumeVerificationValue(`passkey-challenge:${key}`)
      : null;
    if (!row) throw refused('That took too long, or the page was opened twice. Please try again.');
    return JSON.parse(row.value) as { challenge: string; userId: string };
  };

  const listFor = async (userId: string) =>
    opts.db
      .select()
      .from(authPasskeys)
      .where(eq(authPasskeys.userId, userId))
      .orderBy(asc(authPasskeys.createdAt));

  return {
    id: 'rapport-passkeys',
    endpoints: {
      passkeyRegisterOptions: createAuthEndpoint(
        '/passkey/register-options',
        { method: 'POST', use: [sessionMiddleware] },
        async (ctx) => {
          const { user } = ctx.context.session;
          const existing = await listFor(user.id);
          const options = await generateRegistrationOptions({
            rpName: 'Rapport',
            rpID,
            userName: user.email,
            userDisplayName: user.name,
            userID: new TextEncoder().encode(user.id),
            attestationType: 'none',
            excludeCredentials: existing.map((p) => ({
              id: p.credentialId,
              transports: p.transports?.split(',') as AuthenticatorTransportFuture[] | undefined,
            })),
            authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
          });
          await issueChallenge(ctx, options.challenge, user.id);
          return ctx.json(options);
        },
      ),
      passkeyRegister: createAuthEndpoint(
        '/passkey/register',
        { method: 'POST', use: [sessionMiddleware], body: registrationBody },
        async (ctx) => {
          const { user } = ctx.context.session;
          const { challenge, userId } = await takeChallenge(ctx);
          if (userId !== user.id)
            throw refused('That passkey was started by another account. Please try again.');
          let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
          try {
            verified = await verifyRegistrationResponse({
              response: ctx.body.response as unknown as RegistrationResponseJSON,
              expectedChallenge: challenge,
              expectedOrigin: origin,
              expectedRPID: rpID,
              requireUserVerification: false,
            });
          } catch {
            verified = { verified: false };
          }
          if (!verified.verified || !verified.registrationInfo) {
            throw refused('Your device did not make a passkey this server can check. Please try again.');
          }
          const { credential, credentialDeviceType, credentialBackedUp } = verified.registrationInfo;
          const [taken] = await opts.db
            .select({ id: authPasskeys.id })
            .from(authPasskeys)
            .where(eq(authPasskeys.credentialId, credential.id));
          if (taken) throw refused('This passkey is saved already.');
          const id = randomUUID();
          await opts.db.insert(authPasskeys).values({
            id,
            userId: user.id,
            name: ctx.body.name,
            credentialId: credential.id,
            publicKey: Buffer.from(credential.publicKey).toString('base64url'),
            counter: credential.counter,
            transports: credential.transports?.join(',') ?? null,
            deviceType: credentialDeviceType,
            backedUp: credentialBackedUp,
            createdAt: opts.now(),
          });
          return ctx.json({ id, name: ctx.body.name });
        },
      ),
      passkeyList: createAuthEndpoint(
        '/passkey/list',
        { method: 'GET', use: [sessionMiddleware] },
        async (ctx) => {
          const rows = await listFor(ctx.context.session.user.id);
          const items: PasskeyInfo[] = rows.map((p) => ({
            id: p.id,
            name: p.name,
            createdAt: p.createdAt.toISOString(),
            lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
            synced: p.deviceType === 'multiDevice',
          }));
          return ctx.json({ items });
        },
      ),
      passkeyDelete: createAuthEndpoint(
        '/passkey/delete',
        { method: 'POST', use: [sessionMiddleware], body: z.object({ id: z.string().min(1).max(100) }) },
        async (ctx) => {
          const removed = await opts.db
            .delete(authPasskeys)
            .where(
              and(eq(authPasskeys.id, ctx.body.id), eq(authPasskeys.userId, ctx.context.session.user.id)),
            )
            .returning({ id: authPasskeys.id });
          if (!removed.length) {
            throw new APIError('NOT_FOUND', {
              message: 'That passkey is gone already.',
              code: 'PASSKEY_REFUSED',
            });
          }
          return ctx.json({ status: true });
        },
      ),
      passkeySignInOptions: createAuthEndpoint(
        '/passkey/sign-in-options',
        { method: 'POST' },
        async (ctx) => {
          // No list of allowed credentials: the device offers the passkeys it holds for this site.
          const options = await generateAuthenticationOptions({ rpID, userVerification: 'preferred' });
          await issueChallenge(ctx, options.challenge, '');
          return ctx.json(options);
        },
      ),
      passkeySignIn: createAuthEndpoint(
        '/passkey/sign-in',
        { method: 'POST', body: authenticationBody },
        async (ctx) => {
          const { challenge } = await takeChallenge(ctx);
          const response = ctx.body.response as unknown as AuthenticationResponseJSON;
          const unknown = refused(
            "This passkey is not one of this server's accounts. Sign in with your password.",
          );
          if (typeof response.id !== 'string') throw unknown;
          const [passkey] = await opts.db
            .select()
            .from(authPasskeys)
            .where(eq(authPasskeys.credentialId, response.id));
          if (!passkey) throw unknown;
          let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
          try {
            verified = await verifyAuthenticationResponse({
              response,
              expectedChallenge: challenge,
              expectedOrigin: origin,
              expectedRPID: rpID,
              requireUserVerification: false,
              credential: {
                id: passkey.credentialId,
                publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
                counter: passkey.counter,
                transports: passkey.transports?.split(',') as AuthenticatorTransportFuture[] | undefined,
              },
            });
          } catch {
            throw refused('Your device could not prove it holds this passkey. Please try again.');
          }
          if (!verified.verified)
            throw refused('Your device could not prove it holds this passkey. Please try again.');
          await opts.db
            .update(authPasskeys)
            .set({ counter: verified.authenticationInfo.newCounter, lastUsedAt: opts.now() })
            .where(eq(authPasskeys.id, passkey.id));
          const user = await ctx.context.internalAdapter.findUserById(passkey.userId);
          if (!user) throw unknown;
          const session = await ctx.context.internalAdapter.createSession(user.id);
          await setSessionCookie(ctx, { session, user });
          return ctx.json({ status: true });
        },
      ),
    },
    rateLimit: [
      {
        pathMatcher: (path) => path.startsWith('/passkey/sign-in'),
        window: 60,
        max: 20,
      },
    ],
  } satisfies BetterAuthPlugin;
}
