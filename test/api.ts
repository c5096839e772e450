import { createApp } from '../src/server/app.js';
import type { Ctx } from '../src/services/context.js';
import { openTestDb, type TestDb } from './db.js';

/** Sends one JSON request to the in-process app, as the web client does. */
export type Send = (method: string, path: string, body?: unknown) => Promise<Response>;

/** The whole API app in process, answering for the workspace and clock of `context`. */
export function sendTo(context: () => Ctx): Send {
  const app = createApp({ context, webDir: null });
  return async (method, path, body) =>
    app.request(`http://localhost:4310${path}`, {
      method,
      headers: { host: 'localhost:4310', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/**
 * A test database with the API on top of it, for tests that drive the routes the web app calls:
 * `send('POST', '/api/people', {...})` answers as the server would.
 */
export async function openTestApi(): Promise<{ t: TestDb; send: Send }> {
  const t = await openTestDb();
  return { t, send: sendTo(() => t.ctx) };
}
