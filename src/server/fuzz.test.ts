import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { type Doc, type Operation, resolveSchema, type Schema } from '../../test/openapi.js';
import { loadSampleWorkspace } from '../services/settings/sample.js';
import { createApp } from './app.js';

/**
 * Walks every operation of the OpenAPI document with generated bad input — unknown and malformed
 * ids, NUL characters, over-long text, wrong types, empty and missing bodies, broken uploads —
 * and requires that none gets a 5xx: anything a user (or a script) can send gets an answer that
 * says what is wrong. The operations come from the document, not a hand list, so a new route is
 * covered the day it is added.
 */

let t: TestDb;
let app: ReturnType<typeof createApp>;
let doc: Doc;
const realIds: string[] = [];

function send(method: string, path: string, init: { body?: BodyInit; type?: string } = {}) {
  return app.request(`http://localhost:4310${path}`, {
    method,
    headers: { host: 'localhost:4310', ...(init.type ? { 'content-type': init.type } : {}) },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
}

beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
  await loadSampleWorkspace(t.ctx);
  doc = (await (await send('GET', '/api/openapi.json')).json()) as Doc;
  // Ids of real records of every kind, so the walk also reaches past "not found".
  for (const list of ['people', 'organizations', 'conversations', 'tasks', 'messages', 'opportunities']) {
    const text = await (await send('GET', `/api/${list}`)).text();
    const ids = text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
    realIds.push(...ids.slice(0, 2));
  }
}, 120_000);
afterAll(() => t.close());

type Mode = 'plausible' | 'nul' | 'long' | 'wrong';

function resolve(schema: Schema | undefined): Schema {
  return resolveSchema(doc, schema);
}

/** A value for a schema: plausible, or broken in one way throughout. */
function valueFor(raw: Schema | undefined, mode: Mode, depth = 0): unknown {
  const schema = resolve(raw);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (depth > 4) return null;
  if (schema.enum?.length)
    return mode === 'wrong' ? 42 : mode === 'nul' ? `${schema.enum[0]}\u0000` : schema.enum[0];
  switch (type) {
    case 'object': {
      if (mode === 'wrong') return 'not an object';
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {}))
        out[key] = valueFor(prop, mode, depth + 1);
      return out;
    }
    case 'array':
      return mode === 'wrong' ? { not: 'a list' } : [valueFor(schema.items, mode, depth + 1)];
    case 'integer':
    case 'number':
      return mode === 'wrong' ? 'twelve' : mode === 'long' ? 1e308 : (schema.minimum ?? 1);
    case 'boolean':
      return mode === 'wrong' ? 'yes' : true;
    default: {
      if (mode === 'wrong') return { text: false };
      if (mode === 'nul') return 'before\u0000after';
      if (mode === 'long') return 'x'.repeat(20_001);
      if (schema.format === 'uuid') return realIds[depth % Math.max(realIds.length, 1)] ?? randomUUID();
      if (schema.format === 'date') return '2026-12-07';
      if (schema.format === 'date-time') return '2026-12-07T10:00:00Z';
      if (schema.format === 'email') return 'someone@example.com';
      if (schema.format === 'uri') return 'https://example.com/';
      return 'Sample text';
    }
  }
}

function pathsFor(template: string): string[] {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (!names.length) return [template];
  const choices = [randomUUID(), 'not-an-id', 'nul%00id', '%E0%A4%A', ...realIds.slice(0, 4), 'people'];
  return choices.map((value) => names.reduce((p, n) => p.replace(`{${n}}`, value), template));
}

function queriesFor(op: Operation): string[] {
  const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  if (!names.length) return [''];
  const values = ['%00', 'x%00y', '-1', 'abc', '99999999999999999999', 'x'.repeat(5000), realIds[0] ?? 'x'];
  return ['', ...values.map((v) => `?${names.map((n) => `${n}=${v}`).join('&')}`)];
}

function bodiesFor(op: Operation): { body?: BodyInit; type?: string }[] {
  const content = op.requestBody?.content ?? {};
  const json = content['application/json'];
  const bodies: { body?: BodyInit; type?: string }[] = [{}];
  const asJson = (v: unknown) => ({ body: JSON.stringify(v), type: 'application/json' });
  bodies.push(asJson({}), asJson([]), asJson(null), { body: '{"unfinished": ', type: 'application/json' });
  if (json)
    for (const mode of ['plausible', 'nul', 'long', 'wrong'] as Mode[])
      bodies.push(asJson(valueFor(json.schema, mode)));
  if (content['multipart/form-data']) {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array([0, 159, 146, 150, 0, 10, 44, 0])]), 'broken.csv');
    form.set('mapping', '{"not": "a mapping"\u0000');
    bodies.push({ body: form });
    const empty = new FormData();
    empty.set('other', 'x');
    bodies.push({ body: empty });
  }
  return bodies;
}

describe('no 5xx for anything a client can send', () => {
  it('answers every operation of the OpenAPI document with generated bad input without a server error', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const path of pathsFor(`${template.replace(/^\/api/, '')}`)) {
          for (const query of queriesFor(op)) {
            for (const body of method === 'get' || method === 'delete' ? [{}] : bodiesFor(op)) {
              const res = await send(method.toUpperCase(), `/api${path}${query}`, body);
              requests++;
              if (res.status >= 500) {
                const text = (await res.text()).slice(0, 200);
                failures.push(
                  `${method.toUpperCase()} ${path}${query.slice(0, 60)} ${String(body.body).slice(0, 80)} → ${res.status} ${text}`,
                );
              } else {
                await res.arrayBuffer();
              }
            }
          }
        }
      }
    }
    console.log(`${requests} requests, ${failures.length} server errors`);
    expect(requests).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 600_000);
});
