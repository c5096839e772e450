/**
 * The isolation walk of hosted mode, for the CLI and the MCP tools (issue 17, point 4): account A
 * fills its workspace; account B, with a personal access token of its own, runs every CLI command
 * (the list is read from the CLI's command tree, so a command added later is walked the day it
 * lands) and calls every MCP tool, with A's ids wherever an id goes. Nothing may show B any of A's
 * records: a command on one of A's ids fails, a tool on one answers with an error, and no output
 * holds an id or a name of A's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { workspaceScope } from '../db/rls.js';
import { createApp } from '../server/app.js';
import { NO_WORKSPACE } from '../server/session-auth.js';
import { createAuth } from '../services/accounts/auth.js';
import { createAccessToken } from '../services/tokens/tokens.js';
import { buildProgram } from './program.js';

/** Words only A's records hold: any of them in B's output is a leak. */
const MARKERS = ['Quillfeather', 'Zephyrine', 'Xanthoria'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Commands the walk leaves out, and why. */
const NOT_WALKED: Record<string, string> = {
  serve: 'starts a server',
  mcp: 'serves MCP on standard input',
  'accounts invite': "an operator's command on the database itself, never through the API",
  'accounts reset-link': "an operator's command on the database itself, never through the API",
  compact: 'works on the embedded data folder',
  restore: 'replaces the workspace from a file',
  backup: 'writes a file',
  'mail connect': 'reads a password from standard input',
  'mail send': 'sends mail',
  'mail sync': 'reaches a mail server',
  'mail import': 'reads a mail folder',
  'import linkedin': 'reads a file',
  'import vcard': 'reads a file',
  'import csv': 'reads a file',
  sample: "loads the sample into B's own workspace",
};

let t: TestDb;
let base: string;
let close: () => Promise<void>;
let aToken: string;
let bToken: string;
const aIds = new Map<string, string>();
const scratch = mkdtempSync(join(tmpdir(), 'rapport-cli-walk-'));
const clients: Client[] = [];

async function asA<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${aToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300)
    throw new Error(`setup failed: ${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  t = await openTestDb();
  const other = await t.otherWorkspace();
  let app: ReturnType<typeof createApp> | undefined;
  const server = serve({ fetch: (req) => app!.fetch(req), hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = createAuth({
    db: t.handle.db,
    now: t.clock.now,
    publicUrl: base,
    secret: 'a test secret that is long enough to sign cookies',
    signUp: 'open',
  });
  app = createApp({
    context: () => ({ db: t.handle.db, now: t.clock.now, workspaceId: NO_WORKSPACE, userId: NO_WORKSPACE }),
    hosted: {
      auth,
      publicUrl: base,
      trustedProxy: false,
      signUp: 'open',
      sendsMail: false,
      scope: await workspaceScope(t.handle),
    },
    webDir: null,
  });
  close = () => new Promise((resolve) => server.close(() => resolve()));
  aToken = (await createAccessToken({ ...t.ctx, input: { name: 'A script', scope: 'write' } })).token;
  bToken = (await createAccessToken({ ...other, input: { name: 'B script', scope: 'write' } })).token;

  const org = await asA<{ id: string }>('POST', '/api/organizations', { name: 'Quillfeather Analytics' });
  const person = await asA<{ id: string }>('POST', '/api/people', {
    fullName: 'Zephyrine Quillfeather',
    organizationId: org.id,
  });
  const other2 = await asA<{ id: string }>('POST', '/api/people', { fullName: 'Xanthoria Quillfeather' });
  const conversation = await asA<{ id: string }>('POST', '/api/conversations', {
    type: 'learn_role',
    participantIds: [person.id],
  });
  const task = await asA<{ id: string }>('POST', '/api/tasks', {
    title: 'Send Quillfeather the deck',
    kind: 'promise_mine',
  });
  const message = await asA<{ id: string }>('POST', '/api/messages', {
    personId: person.id,
    direction: 'out',
    channel: 'email',
    purpose: 'other',
  });
  const note = await asA<{ id: string }>('POST', '/api/notes', {
    personId: person.id,
    body: 'Quillfeather likes mornings.',
  });
  const token = await asA<{ id: string }>('POST', '/api/tokens', {
    name: 'Quillfeather token',
    scope: 'read',
  }).catch(() => null);
  for (const [kind, row] of Object.entries({
    org,
    person,
    other2,
    conversation,
    task,
    message,
    note,
    token,
  })) {
    if (row) aIds.set(kind, row.id);
  }
  aIds.set('workspace', t.ctx.workspaceId).set('user', t.ctx.userId);
}, 120_000);

afterAll(async () => {
  for (const c of clients) await c.close().catch(() => {});
  await close?.();
  await t.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** What in B's output belongs to A; a refusal may repeat the id B gave, which is B's own input. */
function leaks(text: string, sent: string, refused: boolean): string[] {
  const ids = new Set(aIds.values());
  const found = (text.match(UUID) ?? []).filter((id) => ids.has(id) && !(refused && sent.includes(id)));
  for (const marker of MARKERS) if (text.includes(marker)) found.push(marker);
  return found;
}

/** Each leaf command of the CLI with its words, e.g. ['people', 'show']. */
function leaves(command: Command, prefix: string[] = []): { words: string[]; command: Command }[] {
  return command.commands.flatMap((c) => {
    const words = [...prefix, c.name()];
    return c.commands.length ? leaves(c, words) : [{ words, command: c }];
  });
}

/**
 * Agenda answers are kept under their key in the answering workspace, whatever the key names: B
 * marking "task:<A's task>" done records B's own answer and changes nothing of A's (checked after
 * the walk), so these need not refuse.
 */
const OWN_ANSWERS = new Set(['done', 'snooze', 'dismiss']);

/** Values for an argument or a required option, by its name; ids are A's. */
function valuesFor(name: string, id: string): string[] {
  if (/^(key)$/i.test(name)) {
    return [`task:${id}`, `keep_in_touch:${id}:2026-11-23`, `meeting_outcome:${id}:2026-11-20T10:00:00.000Z`];
  }
  if (/ids?$|^id|with|merge/i.test(name)) return [id];
  if (/^(at|datetime)$/i.test(name)) return ['2026-12-07T10:00:00+01:00'];
  if (/^(tz|zone)$/i.test(name)) return ['Europe/Paris'];
  if (/status/i.test(name)) return ['requested'];
  if (/answer/i.test(name)) return ['held'];
  if (/list/i.test(name)) return ['people'];
  if (/words|name|title|body|text|tag/i.test(name)) return ['Quill'];
  return [id];
}

/** Runs one CLI command in-process as B; resolves with what it printed and whether it failed. */
async function runCli(args: string[]): Promise<{ out: string; failed: boolean; usage: boolean }> {
  let out = '';
  const write = (s: unknown) => {
    out += typeof s === 'string' ? s : Buffer.isBuffer(s) ? s.toString() : String(s);
  };
  const saved = { log: console.log, error: console.error, warn: console.warn, stdout: process.stdout.write };
  console.log = (...xs: unknown[]) => write(`${xs.map(String).join(' ')}\n`);
  console.error = console.log;
  console.warn = console.log;
  process.stdout.write = ((chunk: unknown) => {
    write(chunk);
    return true;
  }) as typeof process.stdout.write;
  const env = {
    url: process.env.RAPPORT_URL,
    token: process.env.RAPPORT_TOKEN,
    data: process.env.RAPPORT_DATA,
    database: process.env.DATABASE_URL,
  };
  process.env.RAPPORT_URL = base;
  process.env.RAPPORT_TOKEN = bToken;
  // A command added later that opens a database itself gets a throwaway folder, never a real one.
  process.env.RAPPORT_DATA = scratch;
  delete process.env.DATABASE_URL;
  try {
    const program = buildProgram((p) => {
      p.exitOverride();
      p.configureOutput({ writeOut: write, writeErr: write });
    });
    // A command that waits for input it never gets would stop the walk: it fails after 20 s.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      program.parseAsync(['node', 'rapport', ...args]),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('did not finish in 20 s')), 20_000);
      }),
    ]).finally(() => clearTimeout(timer));
    return { out, failed: false, usage: false };
  } catch (err) {
    const usage = (err as { code?: string }).code?.startsWith('commander.') ?? false;
    write(`\n${err instanceof Error ? err.message : String(err)}`);
    return { out, failed: true, usage };
  } finally {
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn });
    process.stdout.write = saved.stdout;
    for (const [name, value] of [
      ['RAPPORT_URL', env.url],
      ['RAPPORT_TOKEN', env.token],
      ['RAPPORT_DATA', env.data],
      ['DATABASE_URL', env.database],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('isolation between accounts, from the CLI and the MCP tools', () => {
  it("gives account B's CLI nothing of account A on any command", async () => {
    const problems: string[] = [];
    let runs = 0;
    let answered = 0;
    const walked = leaves(buildProgram()).filter(({ words }) => !(words.join(' ') in NOT_WALKED));
    expect(walked.length).toBeGreaterThan(30);
    for (const { words, command } of walked) {
      const args = command.registeredArguments.filter((a) => a.required);
      const options = command.options.filter((o) => o.mandatory);
      // Commands that name a record (by id or agenda key) must refuse A's; the rest (a title, a
      // search, a list name) must only show nothing of A's.
      const probe = '00000000-0000-4000-8000-000000000000';
      const takesIds =
        (!OWN_ANSWERS.has(words.join(' ')) &&
          args.some((a) => valuesFor(a.name(), probe).some((v) => v.includes(probe)))) ||
        options.some((o) => /with/.test(o.long ?? ''));
      for (const id of takesIds ? aIds.values() : [undefined]) {
        const value = id ?? aIds.get('person')!;
        // One run per combination of the values each argument may take (keys have two forms).
        const argValues = args.map((a) => valuesFor(a.name(), value));
        const combos = argValues.reduce<string[][]>(
          (acc, vs) => acc.flatMap((c) => vs.map((v) => [...c, v])),
          [[]],
        );
        for (const combo of combos) {
          const optionArgs = options.flatMap((o) => [o.long!, valuesFor(o.attributeName(), value)[0]!]);
          const argv = [
            ...words,
            ...combo,
            ...optionArgs,
            ...(command.options.some((o) => o.long === '--json') ? ['--json'] : []),
          ];
          const { out, failed, usage } = await runCli(argv);
          runs++;
          if (!failed) answered++;
          const where = `rapport ${words.join(' ')}${takesIds ? ` (${[...aIds].find(([, v]) => v === id)?.[0]})` : ''}`;
          if (/did not finish in 20 s/.test(out)) problems.push(`${where}: did not finish`);
          if (usage) problems.push(`${where}: the walk called it wrongly: ${out.trim().split('\n').at(-1)}`);
          if (takesIds && !failed) problems.push(`${where}: not refused`);
          const leaked = leaks(out, argv.join(' '), failed);
          if (leaked.length) problems.push(`${where}: shows ${leaked.join(', ')}`);
        }
      }
    }
    console.log(`${runs} CLI commands run as B`);
    expect(runs).toBeGreaterThan(100);
    // The walk reached the server: B's lists, searches and own answers went through.
    expect(answered).toBeGreaterThan(15);
    expect([...new Set(problems)]).toEqual([]);
    // And A's workspace is as A left it: the task open, the person untouched, everyone there.
    const taskList = await asA<{ id: string; doneAt: string | null }[]>('GET', '/api/tasks');
    expect(taskList.find((x) => x.id === aIds.get('task'))?.doneAt).toBeNull();
    const person = await asA<{ fullName: string; lastInteractionAt: string | null }>(
      'GET',
      `/api/people/${aIds.get('person')}`,
    );
    expect(person.fullName).toBe('Zephyrine Quillfeather');
    const people = await asA<{ items: unknown[] }>('GET', '/api/people');
    expect(people.items).toHaveLength(2);
  }, 300_000);

  it("gives account B's assistant nothing of account A from any MCP tool", async () => {
    const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${bToken}` } },
    });
    const client = new Client({ name: 'rapport-isolation-walk', version: '1.0.0' });
    await client.connect(transport);
    clients.push(client);
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(10);
    const problems: string[] = [];
    let calls = 0;
    for (const tool of tools) {
      const schema = tool.inputSchema as JsonSchema;
      // A tool that needs a record must refuse A's; an id that only filters a list finds nothing.
      const takesIds = Object.entries(schema.properties ?? {}).some(
        ([k, p]) => (schema.required ?? []).includes(k) && hasId(p, k),
      );
      for (const id of takesIds ? aIds.values() : [aIds.get('person')!]) {
        const args = valueForJson(schema, id) as Record<string, unknown>;
        let text: string;
        let refused: boolean;
        try {
          const result = (await client.callTool({ name: tool.name, arguments: args })) as CallToolResult;
          text = JSON.stringify(result.content);
          refused = Boolean(result.isError);
        } catch (err) {
          text = err instanceof Error ? err.message : String(err);
          refused = true;
        }
        calls++;
        const where = `${tool.name} (${[...aIds].find(([, v]) => v === id)?.[0]})`;
        if (takesIds && !refused) problems.push(`${where}: not refused`);
        const leaked = leaks(text, JSON.stringify(args), refused);
        if (leaked.length) problems.push(`${where}: shows ${leaked.join(', ')}`);
      }
    }
    // A person's brief, the one resource that takes an id.
    const brief = await client
      .readResource({ uri: `rapport://people/${aIds.get('person')}/brief` })
      .then((r) => ({ text: JSON.stringify(r.contents), refused: false }))
      .catch((err: Error) => ({ text: err.message, refused: true }));
    if (!brief.refused) problems.push("the brief of one of A's people: not refused");
    problems.push(...leaks(brief.text, aIds.get('person')!, brief.refused).map((l) => `brief shows ${l}`));
    console.log(`${calls} MCP tool calls as B`);
    expect(calls).toBeGreaterThan(30);
    expect([...new Set(problems)]).toEqual([]);
  }, 300_000);
});

interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
}

function hasId(schema: JsonSchema, name = ''): boolean {
  if (schema.format === 'uuid' || /Ids?$|^id$/.test(name)) return true;
  if (schema.anyOf?.some((s) => hasId(s, name))) return true;
  if (schema.items && hasId(schema.items, name)) return true;
  return Object.entries(schema.properties ?? {}).some(([k, s]) => hasId(s, k));
}

/** A plausible value for a JSON schema, with `id` in every id field. */
function valueForJson(schema: JsonSchema, id: string, name = '', depth = 0): unknown {
  if (depth > 4) return null;
  if (schema.anyOf?.length)
    return valueForJson(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!, id, name, depth);
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, p]) => [k, valueForJson(p, id, k, depth + 1)]),
      );
    case 'array':
      return [valueForJson(schema.items ?? {}, id, name.replace(/s$/, ''), depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'uuid' || /Id$|^id$/.test(name)) return id;
      if (schema.format === 'date') return '2026-12-07';
      if (schema.format === 'date-time') return '2026-12-07T10:00:00Z';
      if (schema.format === 'email') return 'someone@example.com';
      return 'Quill';
  }
}
