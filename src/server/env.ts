import { OpenAPIHono } from '@hono/zod-openapi';
import type { Ctx } from '../services/context.js';
import { validationHook } from './errors.js';

export interface AppEnv {
  Variables: { ctx: Ctx };
}

/** A router whose validation failures all answer the same way. */
export function router() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
