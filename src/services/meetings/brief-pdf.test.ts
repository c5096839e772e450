import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { pdfText } from '../../../test/pdf.js';
import { createConversation } from '../conversations/conversations.js';
import { createPerson } from '../people/people.js';
import { conversationBrief } from './brief.js';
import { briefPdf } from './brief-pdf.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

async function briefFor(ctx: TestDb['ctx'], names: string[]): Promise<string> {
  const ids = [];
  for (const fullName of names) ids.push((await createPerson({ ...ctx, input: { fullName } })).id);
  const conversation = await createConversation({
    ...ctx,
    input: { type: 'learn_role', participantIds: ids, goals: ['Ask how Kraków’s team hires'] },
  });
  return pdfText(await briefPdf(await conversationBrief({ ...ctx, conversationId: conversation.id })));
}

describe('brief PDF', () => {
  it('writes names in every European script as they are spelled', async () => {
    const ctx = await t.otherWorkspace();
    const text = await briefFor(ctx, ['Łukasz Wójcik', 'Алексей Смирнов', 'Nguyễn Văn An', 'Σοφία Παππά']);
    for (const name of ['Łukasz Wójcik', 'Алексей Смирнов', 'Nguyễn Văn An', 'Σοφία Παππά'])
      expect(text).toContain(name);
    expect(text).toContain('Ask how Kraków’s team hires');
    expect(text).not.toContain('?');
  });

  it('marks letters it cannot draw and says how to see them', async () => {
    const ctx = await t.otherWorkspace();
    const text = await briefFor(ctx, ['张伟']);
    expect(text).toContain('??');
    expect(text).toContain('Print the brief page from your browser to see every name as written.');
  });
});
