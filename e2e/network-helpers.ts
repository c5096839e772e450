import { type APIRequestContext, expect } from '@playwright/test';

/** Records through the API that `introducerId` introduced `introducedId`. */
export async function createIntroduction(
  request: APIRequestContext,
  introducerId: string,
  introducedId: string,
  state?: 'asked' | 'made',
): Promise<void> {
  const res = await request.post('/api/network/introductions', {
    data: { introducerId, introducedId, ...(state ? { state } : {}) },
  });
  expect(res.status()).toBe(201);
}

/** Deletes every introduction in the workspace, for a journey that starts from an empty network. */
export async function deleteAllIntroductions(request: APIRequestContext): Promise<void> {
  const res = await request.get('/api/network/graph');
  expect(res.status()).toBe(200);
  const { edges } = (await res.json()) as { edges: { id: string }[] };
  for (const e of edges) {
    const del = await request.delete(`/api/network/introductions/${e.id}`);
    expect(del.status()).toBe(204);
  }
}

/** Records the conversation's meeting as held a week ago, as after a real meeting. */
export async function holdConversation(request: APIRequestContext, conversationId: string): Promise<void> {
  const startsAt = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const held = await request.put(`/api/conversations/${conversationId}/meeting`, {
    data: { startsAt, timeZone: 'UTC', durationMinutes: 30, medium: 'video', alreadyHappened: true },
  });
  expect(held.status()).toBe(200);
  expect(((await held.json()) as { conversation: { status: string } }).conversation.status).toBe('held');
}

/** How many offers the results dashboard counts now, to read a new one as one more than this. */
export async function offerCount(request: APIRequestContext): Promise<number> {
  const res = await request.get('/api/opportunities/dashboard');
  expect(res.status()).toBe(200);
  const { funnel } = (await res.json()) as { funnel: { stage: string; count: number }[] };
  const offers = funnel.find((f) => f.stage === 'offers');
  expect(offers).toBeDefined();
  return offers!.count;
}
