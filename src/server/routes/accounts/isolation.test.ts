import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHostedTestApi, type Visitor } from '../../../../test/hosted.js';
import { type Doc, resolveSchema, type Schema } from '../../../../test/openapi.js';
import { accountWorkspace } from '../../../services/accounts/workspaces.js';
import { uploadDocument } from '../../../services/documents/documents.js';

/**
 * The isolation walk of hosted mode: account A fills its workspace with one of each main record,
 * then account B calls every operation of the OpenAPI document (taken from the document, not a
 * hand list, so a route added later is walked the day it lands) with A's ids in every path
 * parameter and every id field of a body. Nothing may answer B with A's records: an operation on
 * one of A's ids is refused (4xx, never 2xx), and no answer holds an id or a name from A.
 */

/** Words only A's records hold: any of them in an answer to B is a leak. */
const MARKERS = ['Quillfeather', 'Zephyrine', 'Xanthoria'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

let h: Awaited<ReturnType<typeof openHostedTestApi>>;
let a: Visitor;
let b: Visitor;
let doc: Doc;
const aIds = new Set<string>();

async function ok(res: Promise<Response>): Promise<{ id: string }> {
  const r = await res;
  if (r.status >= 300) throw new Error(`setup failed: ${r.status} ${await r.text()}`);
  return (await r.json()) as { id: string };
}

beforeAll(async () => {
  h = await openHostedTestApi();
  a = h.visitor();
  b = h.visitor();
  await a.signUp('isolation-a@example.org');
  await b.signUp('isolation-b@example.org');
  const org = await ok(a.send('POST', '/api/organizations', { name: 'Quillfeather Analytics' }));
  const person = await ok(a.send('POST', '/api/people', { fullName: 'Zephyrine Quillfeather' }));
  const other = await ok(a.send('POST', '/api/people', { fullName: 'Xanthoria Quillfeather' }));
  await ok(a.send('PATCH', `/api/people/${person.id}`, { organizationId: org.id }));
  const conversation = await ok(
    a.send('POST', '/api/conversations', { type: 'learn_role', participantIds: [person.id] }),
  );
  await ok(a.send('POST', '/api/tasks', { title: 'Send Quillfeather the deck', kind: 'promise_mine' }));
  await ok(
    a.send('POST', '/api/messages', {
      personId: person.id,
      direction: 'out',
      channel: 'email',
      purpose: 'other',
    }),
  );
  await ok(a.send('POST', '/api/notes', { personId: person.id, body: 'Quillfeather likes mornings.' }));
  await ok(
    a.send('POST', '/api/opportunities', {
      kind: 'referral',
      title: 'Quillfeather referral',
      occurredOn: '2026-11-02',
      sources: [{ personId: other.id, conversationId: conversation.id }],
    }),
  );
  await ok(
    a.send('POST', '/api/outreach/templates', {
      name: 'Quillfeather opener',
      kind: 'request',
      body: 'Hi {{firstName}}?',
    }),
  );
  await ok(a.send('POST', '/api/tokens', { name: 'Quillfeather script', scope: 'read' }));
  await ok(a.send('POST', '/api/calendar/feeds', {}));
  const rows = await h.t.handle.db.execute(
    sql`select id from auth_user where email = 'isolation-a@example.org'`,
  );
  const aAccount = (rows as unknown as { rows: { id: string }[] }).rows[0]!.id;
  const workspace = (await accountWorkspace(h.t.handle.db, aAccount))!;
  await uploadDocument({
    db: h.t.handle.db,
    now: h.t.clock.now,
    ...workspace,
    kind: 'resume',
    title: 'Quillfeather CV',
    fileName: 'cv.pdf',
    bytes: new TextEncoder().encode('%PDF-1.7\n%Quillfeather\n'),
  });
  aIds.add(workspace.workspaceId).add(workspace.userId);
  // Every id A can see of its own, from every list it has.
  for (const list of [
    'people',
    'organizations',
    'conversations',
    'tasks',
    'messages',
    'opportunities',
    'documents',
    'tokens',
    'outreach/templates',
    'outreach/targets',
    'calendar/feeds',
    `people/${person.id}/timeline`,
    `conversations/${conversation.id}`,
  ]) {
    const text = await (await a.send('GET', `/api/${list}`)).text();
    for (const id of text.match(UUID) ?? []) aIds.add(id);
  }
  doc = (await (await b.send('GET', '/api/openapi.json')).json()) as Doc;
}, 120_000);
afterAll(() => h.t.close());

function resolve(schema: Schema | undefined): Schema {
  return resolveSchema(doc, schema);
}

/** A plausible value for a schema, with `id` in every id field. */
function valueFor(raw: Schema | undefined, id: string, depth = 0): unknown {
  const schema = resolve(raw);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (depth > 4) return null;
  if (schema.enum?.length) return schema.enum[0];
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, p]) => [k, valueFor(p, id, depth + 1)]),
      );
    case 'array':
      return [valueFor(schema.items, id, depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'uuid') return id;
      if (schema.format === 'date') return '2026-12-07';
      if (schema.format === 'date-time') return '2026-12-07T10:00:00Z';
      if (schema.format === 'email') return 'someone@example.com';
      if (schema.format === 'uri') return 'https://example.com/';
      return 'Walk text';
  }
}

/**
 * What in an answer to B belongs to A. A refusal may repeat the id B sent ("No person with id
 * …"): that is B's own input, not A's data; an answer that went through may not even do that.
 */
function leaks(text: string, sent: string, refused: boolean): string[] {
  const found = (text.match(UUID) ?? []).filter((id) => aIds.has(id) && !(refused && sent.includes(id)));
  for (const marker of MARKERS) if (text.includes(marker)) found.push(marker);
  return found;
}

describe('isolation between accounts', () => {
  it('gives account B nothing of account A on any operation of the OpenAPI document', async () => {
    const problems: string[] = [];
    let requests = 0;
    const ids = [...aIds];
    expect(ids.length).toBeGreaterThan(12);
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const params = (op.parameters ?? []).filter((p) => p.in === 'path');
        const idParams = params.filter((p) => resolve(p.schema).format === 'uuid');
        const json = op.requestBody?.content['application/json'];
        for (const id of params.length ? ids : [ids[0]!, randomUUID()]) {
          const path = template.replace(/\{(\w+)\}/g, () => id);
          const body =
            method === 'get' || method === 'delete' ? undefined : json ? valueFor(json.schema, id) : {};
          const res = await b.send(method.toUpperCase(), path, body);
          requests++;
          const text = await res.text();
          const where = `${method.toUpperCase()} ${template} (${id.slice(0, 8)}) → ${res.status}`;
          if (res.status >= 500) problems.push(`${where}: server error`);
          if (idParams.length && res.status < 400) problems.push(`${where}: not refused`);
          const leaked = leaks(text, `${path} ${JSON.stringify(body ?? '')}`, res.status >= 400);
          if (leaked.length) problems.push(`${where}: shows ${leaked.join(', ')}`);
        }
      }
    }
    console.log(`${requests} requests as B`);
    expect(requests).toBeGreaterThan(1000);
    // One line per operation and outcome, not one per id.
    expect([...new Set(problems.map((p) => p.replace(/ \([0-9a-f]{8}\)/, '')))]).toEqual([]);
    // And A's workspace is as A left it.
    const people = await (await a.send('GET', '/api/people')).text();
    expect(people).toContain('Zephyrine Quillfeather');
    expect(await (await a.send('GET', '/api/documents')).text()).toContain('Quillfeather CV');
  }, 600_000);
});
