/**
 * The built `rapport mcp` driven over stdio by the MCP SDK's own client, as a desktop assistant
 * would: first through a running server that holds the data folder, then on the folder itself.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli, tempDirs } from '../../test/cli.js';
import { testClock } from '../../test/db.js';
import { loadConfig } from '../config.js';
import { type RunningServer, startServer } from '../server/serve.js';

const run = promisify(execFile);
const dirs = tempDirs('rapport-mcp-');
const data = dirs.make();
const clock = testClock();
let main: string;
let server: RunningServer;
let client: Client;
let stderr = '';

async function rest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(path, server.url), {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.ok, `${method} ${path}: ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

function connectMcp(): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [main, 'mcp'],
    env: { ...(process.env as Record<string, string>), RAPPORT_DATA: data, DATABASE_URL: '' },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const c = new Client({ name: 'rapport-test', version: '1.0.0' });
  return c.connect(transport).then(() => c);
}

/** Runs one command of the built CLI on the test's data folder. */
async function builtCommand(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [main, ...args], {
      env: { ...process.env, RAPPORT_DATA: data, DATABASE_URL: '' },
    });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

async function call(name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** A tool's answer, parsed; fails the test with the tool's own message when it is an error. */
async function ok<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await call(name, args);
  const text = (result.content[0] as { text: string }).text;
  expect(result.isError, `${name}: ${text}`).toBeFalsy();
  return JSON.parse(text) as T;
}

async function toolError(name: string, args: Record<string, unknown>): Promise<string> {
  const result = await call(name, args);
  expect(result.isError).toBe(true);
  const text = (result.content[0] as { text: string }).text;
  expect(text).not.toMatch(/\n\s+at |Error:|ZodError|MCP error/);
  return text;
}

beforeAll(async () => {
  main = await builtCli();
  server = await startServer(loadConfig({ data, port: 0 }, {}), { now: clock.now, webDir: null });
  await rest('POST', '/api/workspace/sample');
  client = await connectMcp();
}, 600_000);

afterAll(async () => {
  await client?.close().catch(() => {});
  await server?.close();
  dirs.removeAll();
});

const TOOL_NAMES = [
  'get_agenda',
  'search',
  'get_person',
  'get_organization',
  'get_conversation',
  'list_conversations',
  'get_targets',
  'list_templates',
  'draft_request',
  'check_request',
  'get_question_plan',
  'get_results',
  'log_message',
  'schedule_meeting',
  'propose_question_plan',
  'record_debrief',
  'add_opportunity',
];

interface Conversation {
  id: string;
  title: string;
  status: string;
  organizationId: string | null;
  participants: { id: string; fullName: string }[];
}

describe('rapport mcp over stdio, through the running server', () => {
  it('goes through the server that holds the data folder', () => {
    expect(stderr).toContain('through the running Rapport server');
  });

  it('lists every tool with an input schema, a description and read-only or destructive hints', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    for (const tool of tools) {
      expect(tool.description!.length, tool.name).toBeGreaterThan(40);
      expect(tool.inputSchema.type).toBe('object');
      expect(typeof tool.annotations?.readOnlyHint, tool.name).toBe('boolean');
    }
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(byName.get_agenda!.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.log_message!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(byName.propose_question_plan!.annotations).toMatchObject({ destructiveHint: true });
    expect(byName.log_message!.inputSchema.required).toEqual(
      expect.arrayContaining(['personId', 'channel', 'direction', 'purpose']),
    );
  });

  it('calls every tool on the sample workspace, and a logged message shows up in the REST API', async () => {
    const agenda = await ok<{ items: unknown[]; upcoming: unknown[] }>('get_agenda');
    expect(agenda.items.length + agenda.upcoming.length).toBeGreaterThan(0);

    const hits = await ok<{ type: string; id: string; title: string; snippet: string }[]>('search', {
      query: 'Maya',
      types: ['person'],
    });
    const maya = hits.find((h) => h.title === 'Maya Okafor')!;
    expect(maya).toBeDefined();
    expect(maya.snippet).not.toContain(String.fromCharCode(2));

    const person = await ok<{ person: { fullName: string }; timeline: unknown[] }>('get_person', {
      personId: maya.id,
    });
    expect(person.person.fullName).toBe('Maya Okafor');
    expect(person.timeline.length).toBeGreaterThan(0);

    const list = await ok<{ items: Conversation[] }>('list_conversations', {});
    expect(list.items.length).toBeGreaterThanOrEqual(4);
    const withOrg = list.items.find((c) => c.organizationId)!;
    const org = await ok<{ organization: { name: string }; timeline: unknown[] }>('get_organization', {
      organizationId: withOrg.organizationId,
    });
    expect(org.organization.name).toBeTruthy();

    const requested = list.items.find((c) => c.status === 'requested')!;
    const held = list.items.find((c) => c.status === 'held')!;
    expect(requested && held).toBeTruthy();
    const conv = await ok<{ conversation: Conversation; messages: unknown[]; notes: unknown[] }>(
      'get_conversation',
      { conversationId: held.id },
    );
    expect(conv.conversation.id).toBe(held.id);
    expect(Array.isArray(conv.messages) && Array.isArray(conv.notes)).toBe(true);

    const targets = await ok<unknown[]>('get_targets');
    expect(Array.isArray(targets)).toBe(true);

    const templates = await ok<{ id: string; kind: string }[]>('list_templates');
    const referred = templates.find((t) => t.kind === 'referred')!;
    const draft = await ok<{ body: string; wordCount: number; findings: unknown[] }>('draft_request', {
      templateId: referred.id,
      personId: maya.id,
      fields: { interestBroad: 'learning design' },
    });
    expect(draft.body.length).toBeGreaterThan(20);
    expect(draft.wordCount).toBeGreaterThan(0);

    const check = await ok<{ wordCount: number; findings: { rule: string; message: string }[] }>(
      'check_request',
      { text: 'Hi, I am looking for a job at your company. Can you hire me. Thanks' },
    );
    expect(check.findings.length).toBeGreaterThan(0);
    expect(check.findings.every((f) => f.message.length > 10)).toBe(true);

    const someone = requested.participants[0]!;
    const logged = await ok<{ message: { id: string }; statusChangedTo: string | null }>('log_message', {
      personId: someone.id,
      conversationId: requested.id,
      channel: 'email',
      direction: 'in',
      purpose: 'reply',
      subject: 'Happy to talk (via MCP)',
    });
    const messages = await rest<{ id: string; subject: string | null }[]>(
      'GET',
      `/api/messages?personId=${someone.id}`,
    );
    expect(messages.find((m) => m.id === logged.message.id)?.subject).toBe('Happy to talk (via MCP)');
    // The same rules as the web app: a reply moves the conversation on.
    expect(logged.statusChangedTo).toBe('accepted');

    const meeting = await ok<{ conversation: { status: string }; warnings: string[] }>('schedule_meeting', {
      conversationId: requested.id,
      startsAt: '2026-12-03T10:00:00+01:00',
      timeZone: 'Europe/Paris',
      medium: 'video',
      durationMinutes: 30,
    });
    expect(meeting.conversation.status).toBe('scheduled');
    const fromRest = await rest<{ status: string }>('GET', `/api/conversations/${requested.id}`);
    expect(fromRest.status).toBe('scheduled');

    const proposed = await ok<{ items: { text: string }[] }>('propose_question_plan', {
      conversationId: requested.id,
    });
    expect(proposed.items.length).toBeGreaterThan(3);
    const plan = await ok<{ items: unknown[]; durationMinutes: number }>('get_question_plan', {
      conversationId: requested.id,
    });
    expect(plan.items).toHaveLength(proposed.items.length);

    const referrer = held.participants[0]!;
    await ok('record_debrief', {
      conversationId: held.id,
      summary: 'Learned how their design team works.',
      insights: [{ topic: 'skills_wanted', body: 'They look for portfolio pieces with measured outcomes.' }],
      referrals: [{ byPersonId: referrer.id, fullName: 'Priya Raman (via MCP)', title: 'Design lead' }],
      promises: [{ owner: 'mine', title: 'Send the portfolio link', dueOn: '2026-11-25' }],
    });
    const referred2 = await rest<{ items: { fullName: string }[] }>('GET', '/api/people?q=Priya');
    expect(referred2.items.map((p) => p.fullName)).toContain('Priya Raman (via MCP)');

    const opportunity = await ok<{ id: string; sources: { conversationId: string | null }[] }>(
      'add_opportunity',
      {
        kind: 'referral',
        title: 'Referred to the design team lead',
        occurredOn: '2026-11-20',
        sources: [{ conversationId: held.id }],
      },
    );
    expect(opportunity.sources[0]!.conversationId).toBe(held.id);
    const results = await ok<Record<string, unknown>>('get_results');
    expect(JSON.stringify(results)).toContain('referral');
  });

  it('answers malformed calls with tool errors that say what to fix', async () => {
    const badId = await toolError('get_person', { personId: 'maya' });
    expect(badId).toContain('"personId" must be an id');

    const missing = await toolError('log_message', { personId: crypto.randomUUID(), chanel: 'email' });
    expect(missing).toContain('"channel" is missing');
    expect(missing).toContain('Unknown argument "chanel"');
    expect(missing).toContain('It takes: personId, conversationId, channel');

    const list = await ok<{ items: Conversation[] }>('list_conversations', { status: 'requested' });
    const conv = (await ok<{ items: Conversation[] }>('list_conversations', {})).items[0]!;
    expect(list.items.every((c) => c.status === 'requested')).toBe(true);
    const zone = await toolError('schedule_meeting', {
      conversationId: conv.id,
      startsAt: '2026-12-04T10:00:00+01:00',
      timeZone: 'Mars/Olympus',
      medium: 'phone',
    });
    expect(zone).toMatch(/time zone/i);

    const unknown = await toolError('get_person', { personId: crypto.randomUUID() });
    expect(unknown).toMatch(/No person/);
  });

  it('offers the method, the question bank and a person brief as resources', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.name)).toEqual(expect.arrayContaining(['method', 'question-bank']));
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((r) => r.uriTemplate)).toContain('rapport://people/{personId}/brief');

    const method = await client.readResource({ uri: 'rapport://method' });
    const text = (method.contents[0] as { text: string }).text;
    expect(text).toContain('fewer than 75 words');
    expect(text).toContain('After 7 business days');

    const bank = await client.readResource({ uri: 'rapport://questions' });
    expect(JSON.parse((bank.contents[0] as { text: string }).text).length).toBeGreaterThanOrEqual(80);

    const [maya] = await ok<{ id: string }[]>('search', { query: 'Maya Okafor', types: ['person'] });
    const brief = await client.readResource({ uri: `rapport://people/${maya!.id}/brief` });
    const parsed = JSON.parse((brief.contents[0] as { text: string }).text) as {
      person: { fullName: string };
      conversations: unknown[];
    };
    expect(parsed.person.fullName).toBe('Maya Okafor');
  });

  it('offers the three prompts, filled with what Rapport knows', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['prepare_meeting', 'thank_you', 'who_next']);
    const prep = await client.getPrompt({ name: 'prepare_meeting', arguments: { person: 'Maya Okafor' } });
    const prepText = prep.messages.map((m) => (m.content as { text: string }).text).join('\n');
    expect(prepText).toContain('Maya Okafor');
    expect(prepText).toContain('question plan');
    const thanks = await client.getPrompt({ name: 'thank_you', arguments: { person: 'Maya Okafor' } });
    expect(thanks.messages.at(-1)!.content).toMatchObject({ type: 'text' });
    const next = await client.getPrompt({ name: 'who_next', arguments: { organization: 'Brightpath' } });
    expect((next.messages[0]!.content as { text: string }).text).toContain('Brightpath Learning');
    const nobody = await client.getPrompt({
      name: 'prepare_meeting',
      arguments: { person: 'Zebulon Nobody' },
    });
    expect((nobody.messages[0]!.content as { text: string }).text).toContain('found no person');
  });
});

describe('rapport tokens', () => {
  it('makes a token that works on the API, lists it without its secret, and revokes it', async () => {
    const made = await builtCommand('tokens', 'create', 'CLI assistant', '--scope', 'read', '--json');
    expect(made.code, made.stderr).toBe(0);
    const token = JSON.parse(made.stdout) as { id: string; token: string; scope: string };
    expect(token.scope).toBe('read');
    const auth = { authorization: `Bearer ${token.token}` };
    expect((await fetch(new URL('/api/agenda', server.url), { headers: auth })).status).toBe(200);

    const listed = await builtCommand('tokens', 'list');
    expect(listed.stdout).toMatch(/CLI assistant\s+read-only/);
    expect(listed.stdout).not.toContain(token.token);

    const revoked = await builtCommand('tokens', 'revoke', token.id);
    expect(revoked.stdout).toContain('no longer works');
    expect((await fetch(new URL('/api/agenda', server.url), { headers: auth })).status).toBe(401);

    const bad = await builtCommand('tokens', 'create', 'Too strong', '--scope', 'admin');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--scope must be read or write');
  }, 180_000);
});

describe('rapport mcp over stdio, on the embedded database', () => {
  it('opens the data folder itself when no server holds it', async () => {
    await client.close();
    await server.close();
    stderr = '';
    client = await connectMcp();
    expect(stderr).not.toContain('through the running Rapport server');
    const hits = await ok<{ title: string }[]>('search', { query: 'Priya', types: ['person'] });
    expect(hits.map((h) => h.title)).toContain('Priya Raman (via MCP)');
  }, 60_000);
});
