import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { onTestFinished } from 'vitest';
import { createApp } from '../src/server/app.js';
import type { Ctx } from '../src/services/context.js';
import { openTestDb, type TestDb } from './db.js';

/** Sends one JSON request to the in-process app, as the web client does. */
export type Send = (method: string, path: string, body?: unknown) => Promise<Response>;

/**
 * Posts a multipart form to the in-process app, as the web app's file pickers do: a `File`
 * value is a file field, a string a text field.
 */
export type Upload = (
  path: string,
  fields: Record<string, string | File>,
  headers?: Record<string, string>,
) => Promise<Response>;

const ORIGIN = 'http://localhost:4310';
const HOST = 'localhost:4310';

/** The whole API app in process, answering for the workspace and clock of `context`. */
export function clientOf(context: () => Ctx): { send: Send; upload: Upload } {
  const app = createApp({ context, webDir: null });
  return {
    send: async (method, path, body) =>
      app.request(`${ORIGIN}${path}`, {
        method,
        headers: { host: HOST, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    upload: async (path, fields, headers = {}) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      return app.request(`${ORIGIN}${path}`, {
        method: 'POST',
        body: form,
        headers: { host: HOST, ...headers },
      });
    },
  };
}

/** The JSON half of clientOf, for tests that send no files. */
export function sendTo(context: () => Ctx): Send {
  return clientOf(context).send;
}

/**
 * A test database with the API on top of it, for tests that drive the routes the web app calls:
 * `send('POST', '/api/people', {...})` answers as the server would; `upload` posts a form.
 */
export async function openTestApi(): Promise<{ t: TestDb; send: Send; upload: Upload }> {
  const t = await openTestDb();
  return { t, ...clientOf(() => t.ctx) };
}

/**
 * Serves `fetch` on a real socket on 127.0.0.1 for the rest of the test, as a browser meets the
 * app (requests read and answered while other work runs); returns its port.
 */
export async function serveOnSocket(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<number> {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}
