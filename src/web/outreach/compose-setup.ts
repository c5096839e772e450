/** Loads what the compose page starts from. */
import { api, call, type Person } from '../api.js';
import type { OutgoingPurpose } from './compose-helpers.js';

export interface ComposeQuery {
  personId: string;
  conversationId: string;
  purpose: OutgoingPurpose;
}

/**
 * Everything the compose page needs: templates, settings, the conversation, who can be written to and
 * the open-posting cautions of the target list, and the mailbox it can send from.
 */
export async function loadCompose(q: ComposeQuery) {
  const [templates, settings, conversation, targets, mail] = await Promise.all([
    call(api.outreach.templates.$get()),
    call(api.settings.$get()),
    q.conversationId ? call(api.conversations[':id'].$get({ param: { id: q.conversationId } })) : null,
    call(api.outreach.targets.$get()),
    call(api.mail.$get()),
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
  // The target list words the caution for employers with an open posting; the page shows it by organization.
  const postingCautions: Record<string, string> = {};
  for (const t of targets) if (t.caution) postingCautions[t.organizationId] = t.caution;
  // The address Rapport can send from, when a mailbox is connected.
  const sendFrom = mail.connected ? mail.address : null;
  return { templates, settings, conversation, recipients, personId, thankYou, postingCautions, sendFrom };
}

export type ComposeSetup = Awaited<ReturnType<typeof loadCompose>>;
