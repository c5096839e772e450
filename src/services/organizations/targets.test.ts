import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createApp } from '../../server/app.js';
import { createConversation } from '../conversations/conversations.js';
import { createNote } from '../conversations/notes.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createIntroduction } from '../network/introductions.js';
import { logMessage } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { createOrganization } from './organizations.js';
import { addTarget, listTargets, type Target } from './targets.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
});
afterAll(() => t.close());

async function target(name: string) {
  const org = await createOrganization({ ...t.ctx, input: { name } });
  await addTarget({ ...t.ctx, input: { organizationId: org.id, motivation: 2, posting: 2 } });
  return org;
}

async function request(personId: string) {
  const c = await createConversation({ ...t.ctx, input: { type: 'learn_role', participantIds: [personId] } });
  await logMessage({
    ...t.ctx,
    input: { personId, conversationId: c.id, channel: 'email', direction: 'out', purpose: 'request' },
  });
  return c;
}

function byName(list: Target[], name: string): Target {
  const found = list.find((x) => x.name === name);
  if (!found) throw new Error(`no target ${name}`);
  return found;
}

describe('LAMP Advocacy: someone there, or formerly there, who knows the user', () => {
  it('does not count a stranger merely added as a contact, nor one who never answered or said no', async () => {
    const stranger = await target('Stranger Works');
    await createPerson({
      ...t.ctx,
      input: { fullName: 'Sam Stranger', organizationId: stranger.id, howWeKnow: 'Found on the alumni list' },
    });
    const silent = await target('Silent Corp');
    const quiet = await createPerson({
      ...t.ctx,
      input: { fullName: 'Quinn Quiet', organizationId: silent.id },
    });
    await request(quiet.id);
    const polite = await target('Polite No Ltd');
    const nope = await createPerson({
      ...t.ctx,
      input: { fullName: 'Nora Nope', organizationId: polite.id },
    });
    const asked = await request(nope.id);
    await logMessage({
      ...t.ctx,
      input: {
        personId: nope.id,
        conversationId: asked.id,
        channel: 'email',
        direction: 'in',
        purpose: 'decline',
      },
    });

    const list = await listTargets(t.ctx);
    for (const name of ['Stranger Works', 'Silent Corp', 'Polite No Ltd']) {
      expect(byName(list, name), name).toMatchObject({
        advocacy: false,
        advocacyComputed: false,
        contacts: 1,
        advocates: 0,
      });
    }

    const res = await app.request('http://localhost:4310/api/outreach/targets', {
      headers: { host: 'localhost:4310' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Target[];
    expect(byName(body, 'Stranger Works')).toMatchObject({ advocacy: false, contacts: 1, advocates: 0 });
  });

  it('counts a reply, a held conversation, a logged call, a marked relationship and an introduction', async () => {
    const replied = await target('Replied Inc');
    const rita = await createPerson({
      ...t.ctx,
      input: { fullName: 'Rita Replied', organizationId: replied.id },
    });
    const c = await request(rita.id);
    await logMessage({
      ...t.ctx,
      input: { personId: rita.id, conversationId: c.id, channel: 'email', direction: 'in', purpose: 'reply' },
    });

    const called = await target('Called Co');
    const cal = await createPerson({
      ...t.ctx,
      input: { fullName: 'Cal Called', organizationId: called.id },
    });
    await createNote({
      ...t.ctx,
      subject: { personId: cal.id },
      kind: 'call',
      body: 'Talked about the team',
    });

    const kept = await target('Kept Ltd');
    await createPerson({
      ...t.ctx,
      input: { fullName: 'Kim Kept', organizationId: kept.id, keepInTouch: 'yes' },
    });

    const introduced = await target('Introduced plc');
    const friend = await createPerson({ ...t.ctx, input: { fullName: 'Fran Friend' } });
    const ivan = await createPerson({
      ...t.ctx,
      input: { fullName: 'Ivan Intro', organizationId: introduced.id },
    });
    await createIntroduction({
      ...t.ctx,
      input: { introducerId: friend.id, introducedId: ivan.id, state: 'made' },
    });

    const onlyAsked = await target('Only Asked GmbH');
    const olga = await createPerson({
      ...t.ctx,
      input: { fullName: 'Olga Asked', organizationId: onlyAsked.id },
    });
    await createIntroduction({
      ...t.ctx,
      input: { introducerId: friend.id, introducedId: olga.id, state: 'asked' },
    });

    const list = await listTargets(t.ctx);
    for (const name of ['Replied Inc', 'Called Co', 'Kept Ltd', 'Introduced plc']) {
      expect(byName(list, name), name).toMatchObject({ advocacy: true, advocates: 1 });
    }
    expect(byName(list, 'Only Asked GmbH')).toMatchObject({ advocacy: false, advocates: 0 });
  });

  it('counts a former employee who knows the user, and not one who does not', async () => {
    const former = await target('Former Employer');
    const elsewhere = await createOrganization({ ...t.ctx, input: { name: 'Somewhere Else' } });
    await createPerson({
      ...t.ctx,
      input: { fullName: 'Una Unknown', organizationId: elsewhere.id, pastOrganizationIds: [former.id] },
    });
    let list = await listTargets(t.ctx);
    expect(byName(list, 'Former Employer')).toMatchObject({ advocacy: false, contacts: 1, advocates: 0 });

    const frida = await createPerson({
      ...t.ctx,
      input: { fullName: 'Frida Former', organizationId: elsewhere.id, pastOrganizationIds: [former.id] },
    });
    // Met over coffee, arranged by phone: nothing logged but the meeting itself, recorded afterwards.
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'learn_company', participantIds: [frida.id] },
    });
    await scheduleMeeting({
      ...t.ctx,
      conversationId: c.id,
      input: {
        startsAt: new Date('2026-11-20T10:00:00Z'),
        timeZone: 'UTC',
        medium: 'coffee',
        alreadyHappened: true,
      },
    });
    list = await listTargets(t.ctx);
    expect(byName(list, 'Former Employer')).toMatchObject({ advocacy: true, contacts: 2, advocates: 1 });

    const res = await app.request('http://localhost:4310/api/outreach/targets', {
      headers: { host: 'localhost:4310' },
    });
    const body = (await res.json()) as Target[];
    expect(byName(body, 'Former Employer')).toMatchObject({
      advocacy: true,
      advocacyComputed: true,
      advocates: 1,
    });
  });
});
