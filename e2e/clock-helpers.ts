import { type APIRequestContext, test } from '@playwright/test';
import { createConversation, createOrganization, createPerson, setServerClock } from './api-helpers.js';

export const DAY = 86_400_000;

/** 09:00 UTC on the next Monday, so business days are easy to count (no holidays are set). */
export function nextMonday(): Date {
  const d = new Date();
  d.setUTCHours(9, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d;
}

/**
 * For a spec that moves the server's clock: it runs after every spec that reads real time (the
 * `clock` project, or a config of its own), and this puts the clock back to now when it is done.
 */
export function putServerClockBackAfterAll(): void {
  test.afterAll(async ({ request }) => {
    await setServerClock(request, { now: new Date().toISOString() });
  });
}

/** Moves the server's clock to 09:00 UTC next Monday and returns that time. */
export function startOnNextMonday(request: APIRequestContext): Promise<Date> {
  return setServerClock(request, { now: nextMonday().toISOString() });
}

/** An organization, a person who works there, and a conversation with them about it. */
export async function conversationAtOrganization(
  request: APIRequestContext,
  names: { organization: string; person: string; title: string },
): Promise<{ organizationId: string; personId: string; conversationId: string }> {
  const organizationId = await createOrganization(request, names.organization);
  const personId = await createPerson(request, { fullName: names.person, organizationId });
  const conversationId = await createConversation(request, {
    participantIds: [personId],
    organizationId,
    title: names.title,
  });
  return { organizationId, personId, conversationId };
}
