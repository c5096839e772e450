/** Loads what the compose page starts from. */
import { api, call, type Person } from './api.js';
import type { OutgoingPurpose } from './compose-helpers.js';

export interface ComposeQuery {
  personId: string;
  conversationId: string;
  purpose: OutgoingPurpose;
}

/** Everything the compose page needs: templates, settings, the conversation and who can be written to. */
export async function loadCompose(q: ComposeQuery) {
  const [templates, settings, conversation] = await Promise.all([
    call(api.outreach.templates.$get()),
    call(api.settings.$get()),
    q.conversationId ? call(api.conversations[':id'].$get({ param: { id: q.conversationId } })) : null,
  ]);
  const getPerson = (id: string) => call(api.people[':id'].$get({ param: { id } }));
  let recipients: Person[];
  if (conversation) recipients = await Promise.all(conversation.participants.map((p) => getPerson(p.id)));
  else if (q.personId) recipients = [await getPerson(q.personId)];
  else recipients = (await call(api.people.$get({ query: { limit: '500' } }))).items;
  const personId = recipients.some((r) => r.id === q.personId) ? q.personId : (recipients[0]?.id ?? '');
  const thankYou =
    q.purpose === 'thank_you' && conversation && personId
      ? await call(
          api.conversations[':id']['thank-you'].$get({ param: { id: conversation.id }, query: { personId } }),
        )
      : null;
  return { templates, settings, conversation, recipients, personId, thankYou };
}

export type ComposeSetup = Awaited<ReturnType<typeof loadCompose>>;
