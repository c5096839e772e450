import { type APIRequestContext, expect } from '@playwright/test';

/** A suffix that keeps names unique, so specs never depend on each other's data. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** Adds an organization through the API and returns its id. */
export async function createOrganization(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.post('/api/organizations', { data: { name, industry: 'Testing' } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Adds a person through the API and returns their id. */
export async function createPerson(
  request: APIRequestContext,
  data: { fullName: string; organizationId?: string; title?: string },
): Promise<string> {
  const res = await request.post('/api/people', { data });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Plans a conversation (an idea) through the API and returns its id. */
export async function createConversation(
  request: APIRequestContext,
  data: { participantIds: string[]; organizationId?: string; title?: string; type?: string },
): Promise<string> {
  const res = await request.post('/api/conversations', { data: { type: 'learn_company', ...data } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Adds a task (with a due date it shows on Today) through the API and returns its id. */
export async function createTask(
  request: APIRequestContext,
  data: { title: string; dueOn?: string; personId?: string; conversationId?: string; kind?: string },
): Promise<string> {
  const res = await request.post('/api/tasks', { data });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The calendar date `days` from today in UTC, e.g. "2026-03-12" (the workspace's default zone). */
export function utcDate(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Moves the server's clock (the server runs with RAPPORT_FAKE_CLOCK=1 in the end-to-end tests):
 * `{ now }` sets it, `{ advanceDays }` moves it on. Returns the server's new time.
 */
export async function setServerClock(
  request: APIRequestContext,
  body: { now: string } | { advanceDays: number },
): Promise<Date> {
  const res = await request.put('/api/_test/clock', { data: body });
  expect(res.status(), 'the e2e server must run with RAPPORT_FAKE_CLOCK=1').toBe(200);
  return new Date(((await res.json()) as { now: string }).now);
}
