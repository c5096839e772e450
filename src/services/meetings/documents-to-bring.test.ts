import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send } from '../../../test/api.js';
import type { TestDb } from '../../../test/db.js';
import { conversationDocuments } from '../../db/schema.js';
import { createConversation } from '../conversations/conversations.js';
import { attachDocument, conversationDocumentList, uploadDocument } from '../documents/documents.js';
import { createPerson } from '../people/people.js';
import { conversationBrief } from './brief.js';
import { scheduleMeeting } from './meetings.js';
import { getPrep } from './prep.js';

let t: TestDb;
let send: Send;
beforeAll(async () => {
  ({ t, send } = await openTestApi());
});
afterAll(() => t.close());

async function meetingWithTwo() {
  const ana = await createPerson({ ...t.ctx, input: { fullName: 'Ana Reader' } });
  const ben = await createPerson({ ...t.ctx, input: { fullName: 'Ben Reader' } });
  const conv = await createConversation({
    ...t.ctx,
    input: { type: 'resume_critique', participantIds: [ana.id, ben.id] },
  });
  await scheduleMeeting({
    ...t.ctx,
    conversationId: conv.id,
    input: { startsAt: new Date('2026-11-30T15:00:00Z'), timeZone: 'UTC', medium: 'coffee' },
  });
  const resume = await uploadDocument({
    ...t.ctx,
    kind: 'resume',
    title: 'Resume',
    fileName: 'resume.pdf',
    bytes: new TextEncoder().encode('%PDF-1.7\nresume'),
  });
  return { ana, ben, conv, resume };
}

function documentsLine(prep: Awaited<ReturnType<typeof getPrep>>) {
  return prep.items.find((i) => i.key === 'documents')?.detail;
}

describe('documents to bring', () => {
  it('counts and lists a document once after it is shared with each participant', async () => {
    const { ana, ben, conv, resume } = await meetingWithTwo();
    await attachDocument({ ...t.ctx, conversationId: conv.id, documentId: resume.id });
    // Over the API, as the conversation page does it: bring it, then mark it shared with each.
    for (const who of [ana.id, ben.id, ana.id]) {
      const res = await send('POST', `/api/documents/conversations/${conv.id}`, {
        documentId: resume.id,
        sharedWithId: who,
      });
      expect(res.status).toBe(200);
    }
    await attachDocument({ ...t.ctx, conversationId: conv.id, documentId: resume.id });

    expect(documentsLine(await getPrep({ ...t.ctx, conversationId: conv.id }))).toMatch(
      /^1 document to bring/,
    );
    const prep = (await (await send('GET', `/api/preparation/prep/${conv.id}`)).json()) as Awaited<
      ReturnType<typeof getPrep>
    >;
    expect(documentsLine(prep)).toMatch(/^1 document to bring/);

    const brief = (await (await send('GET', `/api/preparation/brief/${conv.id}`)).json()) as {
      documents: { title: string }[];
    };
    expect(brief.documents.map((d) => d.title)).toEqual(['Resume']);

    // Who had it is kept, once per person.
    const rows = await conversationDocumentList({ ...t.ctx, conversationId: conv.id });
    expect(rows.map((r) => r.sharedWithName).sort()).toEqual(['Ana Reader', 'Ben Reader']);
  });

  it('counts a document once even where it was recorded twice before', async () => {
    const { ana, conv, resume } = await meetingWithTwo();
    // Rows as an earlier version wrote them: one to bring it, one more when it was shared.
    await t.ctx.db.insert(conversationDocuments).values([
      { workspaceId: t.ctx.workspaceId, conversationId: conv.id, documentId: resume.id },
      {
        workspaceId: t.ctx.workspaceId,
        conversationId: conv.id,
        documentId: resume.id,
        sharedWithId: ana.id,
        sharedAt: t.clock.now(),
      },
    ]);
    expect(documentsLine(await getPrep({ ...t.ctx, conversationId: conv.id }))).toMatch(
      /^1 document to bring/,
    );
    const brief = await conversationBrief({ ...t.ctx, conversationId: conv.id });
    expect(brief.documents).toHaveLength(1);
  });
});
