import { OpenAPIHono } from '@hono/zod-openapi';
import type { Ctx } from '../services/context.js';
import type { TokenIdentity } from '../services/tokens/tokens.js';
import { validationHook } from './errors.js';

export interface AppEnv {
  /** `token` is set when the request came with a valid personal access token. */
  Variables: { ctx: Ctx; token?: TokenIdentity };
}

/** A router whose validation failures all answer the same way. */
export function router() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
