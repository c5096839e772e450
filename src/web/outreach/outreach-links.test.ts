import { describe, expect, it } from 'vitest';
import { agendaAction, composeUrl, mailtoHref } from './outreach-links.js';

const P = '11111111-1111-4111-8111-111111111111';
const C = '22222222-2222-4222-8222-222222222222';
const O = '33333333-3333-4333-8333-333333333333';

describe('composeUrl', () => {
  it('names the person, the conversation and the purpose', () => {
    expect(composeUrl({ personId: P, conversationId: C, purpose: 'follow_up' })).toBe(
      `/compose?personId=${P}&conversationId=${C}&purpose=follow_up`,
    );
  });

  it('leaves out what is not known', () => {
    expect(composeUrl({ personId: P, conversationId: null })).toBe(`/compose?personId=${P}`);
    expect(composeUrl({})).toBe('/compose');
  });
});

describe('agendaAction', () => {
  const item = { personId: P, conversationId: C };

  it('sends follow-ups, thank-yous and keep-in-touch notes to the compose page', () => {
    expect(agendaAction({ ...item, kind: 'follow_up' })?.to).toBe(
      `/compose?personId=${P}&conversationId=${C}&purpose=follow_up`,
    );
    expect(agendaAction({ ...item, kind: 'thank_you' })).toEqual({
      to: `/compose?personId=${P}&conversationId=${C}&purpose=thank_you`,
      label: 'Write thank-you',
    });
    expect(agendaAction({ personId: P, conversationId: null, kind: 'keep_in_touch' })?.to).toBe(
      `/compose?personId=${P}&purpose=keep_in_touch`,
    );
  });

  it("opens the organization's page for a second contact, or a new plan without one", () => {
    expect(agendaAction({ ...item, kind: 'second_contact' }, O)?.to).toBe(`/organizations/${O}`);
    expect(agendaAction({ ...item, kind: 'second_contact' }, null)?.to).toBe('/conversations/new');
  });

  it('opens the conversation for meetings, or the person for a task without one', () => {
    expect(agendaAction({ ...item, kind: 'meeting' })?.to).toBe(`/conversations/${C}`);
    expect(agendaAction({ ...item, kind: 'confirm_meeting' })?.to).toBe(`/conversations/${C}`);
    expect(agendaAction({ personId: P, conversationId: null, kind: 'task' })?.to).toBe(`/people/${P}`);
    expect(agendaAction({ personId: null, conversationId: null, kind: 'report_back' })).toBeNull();
  });
});

describe('mailtoHref', () => {
  it('encodes subject and body, with CRLF line breaks', () => {
    expect(mailtoHref('ana@example.org', 'Hi & thanks', 'Line one\nLine two?')).toBe(
      'mailto:ana@example.org?subject=Hi%20%26%20thanks&body=Line%20one%0D%0ALine%20two%3F',
    );
  });

  it('works without an address', () => {
    expect(mailtoHref(null, 'Hello', '')).toBe('mailto:?subject=Hello');
  });
});
