import { OpenAPIHono } from '@hono/zod-openapi';
import type { SignUpMode } from '../config.js';
import type { Db } from '../db/client.js';
import type { CoachSeat } from '../services/accounts/coaching.js';
import type { Ctx } from '../services/context.js';
import type { TokenIdentity } from '../services/tokens/tokens.js';
import { validationHook } from './errors.js';

/** The account a hosted request was signed in with (by its session cookie). */
export interface SignedInAccount {
  authUserId: string;
  email: string;
  name: string;
  /** Whether the account has confirmed its e-mail address (the app shows a banner until then). */
  emailVerified: boolean;
}

export interface AppEnv {
  /**
   * `token` is set when the request came with a valid personal access token; `account` when it
   * came with a hosted session; `hosted` on every request of a hosted server; `coach` when the
   * signed-in account has a client's workspace open as its coach (coach-access.ts limits it).
   */
  Variables: {
    ctx: Ctx;
    token?: TokenIdentity;
    account?: SignedInAccount;
    hosted?: { signUp: SignUpMode; sendsMail: boolean };
    coach?: CoachSeat;
    /**
     * The connection outside any one workspace (row-level security's request transaction sees
     * only the request's): for a signed-in account's own account-wide work, such as taking up a
     * coach invitation or counting the week of every workspace shared with it.
     */
    accountDb?: Db;
  };
}

/** A router whose validation failures all answer the same way. */
export function router() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
