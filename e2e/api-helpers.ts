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
