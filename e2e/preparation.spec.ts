import { expect, test } from '@playwright/test';
import { createConversation, createOrganization, createPerson, unique } from './api-helpers.js';
import { holdConversation } from './network-helpers.js';
import { BriefPage } from './pages/brief-page.js';
import { ConversationPage } from './pages/conversation-pages.js';
import { DebriefPage } from './pages/debrief-page.js';
import { PersonPage } from './pages/person-page.js';
import { PlanPage } from './pages/plan-page.js';
import { Search } from './pages/search.js';

const lastYear = new Date().getFullYear() - 1;

test('a conversation is planned, printed, held, debriefed, and what was learned can be found', async ({
  page,
  request,
}) => {
  const id = unique();
  const orgName = `Harbor Analytics ${id}`;
  const personName = `Mira Okonjo ${id}`;
  const orgId = await createOrganization(request, orgName);
  const personId = await createPerson(request, {
    fullName: personName,
    organizationId: orgId,
    title: 'Lead',
  });
  const created = await request.post('/api/conversations', {
    data: {
      type: 'learn_role',
      participantIds: [personId],
      organizationId: orgId,
      role: `Data analyst ${id}`,
    },
  });
  expect(created.status()).toBe(201);
  const { id: conversationId } = (await created.json()) as { id: string };

  // Plan it from goals.
  const conv = new ConversationPage(page);
  await conv.goto(conversationId);
  await page.getByRole('link', { name: 'Plan the conversation' }).click();
  const plan = new PlanPage(page);
  await expect(plan.agenda.getByRole('heading', { name: 'No plan yet' })).toBeVisible();
  await expect(plan.goal('Learn about a role')).toBeChecked();
  await plan.goal('Explore a career').check();
  await plan.proposePlan();
  await expect(plan.section('Warm-up')).toBeVisible();
  await expect(plan.section('Next steps')).toBeVisible();
  await expect(plan.agenda).toContainText(/\d+ of 30 minutes planned/);

  // Reorder with the keyboard-accessible buttons; the order survives a reload.
  const before = await plan.texts('Your questions');
  expect(before.length).toBeGreaterThanOrEqual(2);
  const [first, second] = before as [string, string];
  await plan.item(first).getByRole('button', { name: 'Move down' }).focus();
  await page.keyboard.press('Enter');
  // The keyboard stays on the moved line (on Move up once it is last in its section).
  const stillDown = before.length > 2 ? 'Move down' : 'Move up';
  await expect(plan.item(first).getByRole('button', { name: stillDown })).toBeFocused();
  await expect.poll(() => plan.texts('Your questions')).toEqual([second, first, ...before.slice(2)]);
  await page.reload();
  await expect.poll(() => plan.texts('Your questions')).toEqual([second, first, ...before.slice(2)]);

  // Lines are edited in place; the total follows.
  const line = plan.item(second);
  await line.getByRole('button', { name: 'Edit' }).click();
  const editing = plan.agenda.getByRole('listitem').filter({ has: page.getByLabel('Wording') });
  await expect(editing.getByLabel('Wording')).toHaveValue(second);
  await editing.getByLabel('Minutes').fill('6');
  await editing.getByRole('button', { name: 'Save' }).click();
  await expect(line).toContainText('6 min');
  await expect(line.getByRole('button', { name: 'Edit' })).toBeFocused();

  // A question a web search answers is flagged with the reason; removing a line asks first.
  await plan.addTyped('What does your company do?');
  const weak = plan.item('What does your company do?');
  await expect(weak).toContainText('A web search answers this.');
  await weak.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove line' }).click();
  await expect(weak).toHaveCount(0);

  // The brief: one page, nav and buttons hidden in print, the agenda kept; the PDF is a PDF.
  await page.getByRole('link', { name: 'Open the brief' }).click();
  const brief = new BriefPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Learn about a role with ${personName}`);
  await expect(brief.who).toContainText(personName);
  await expect(brief.agenda).toContainText(second);
  await page.emulateMedia({ media: 'print' });
  await expect(brief.nav).toBeHidden();
  await expect(brief.printButton).toBeHidden();
  await expect(brief.agenda).toBeVisible();
  await expect(brief.agenda.getByRole('checkbox').first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(brief.nav).toBeVisible();
  const href = await brief.pdfLink.getAttribute('href');
  const pdf = await request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Hold the meeting: schedule it, tick the checklist, then record that it took place last year.
  await conv.goto(conversationId);
  await conv.openScheduleForm();
  await conv.fillMeeting({ local: `${lastYear + 2}-05-12T10:00`, timeZone: 'Europe/Berlin', minutes: 30 });
  await conv.submitMeeting();
  await expect(conv.badge('Scheduled')).toBeVisible();
  const checklist = page.getByRole('region', { name: 'Getting ready' });
  await expect(checklist).toContainText(/1 of \d+ ready/);
  await checklist.getByRole('checkbox', { name: 'Research the company and the person' }).check();
  await expect(checklist).toContainText(/2 of \d+ ready/);
  await conv.openScheduleForm();
  await conv.fillMeeting({ local: `${lastYear}-05-12T10:00`, timeZone: 'Europe/Berlin', minutes: 30 });
  await conv.submitMeeting();
  await conv.answerPastStart('Yes');
  await expect(conv.badge('Held')).toBeVisible();

  // Debrief with an insight and a referral.
  await page.getByRole('link', { name: 'Write the debrief' }).click();
  const debrief = new DebriefPage(page);
  const word = `Quillfeather${id}`;
  await debrief.addInsight(1, {
    topic: 'Skills they look for',
    body: `The team values ${word} dashboards and analysts who explain numbers plainly.`,
    skills: 'SQL, storytelling',
  });
  const referralName = `Rafa Lindqvist ${id}`;
  const referral = await debrief.addReferral(1, {
    name: referralName,
    title: 'Analytics manager',
    organization: orgName,
    email: 'rafa-at-example',
  });
  // All or nothing: one bad field keeps everything unsaved and is shown where it is.
  await debrief.save();
  await expect(debrief.alert).toContainText('Nothing was saved');
  await expect(referral.getByText('E-mail is not an e-mail address')).toBeVisible();
  await expect(referral.getByLabel('E-mail')).toBeFocused();
  const nothing = await request.get(`/api/preparation/knowledge/organizations/${orgId}`);
  expect(await nothing.json()).toEqual([]);
  await referral.getByLabel('E-mail').fill('rafa@example.com');
  await debrief.save();
  await expect(debrief.saved).toBeVisible();
  await expect(
    debrief.saved.getByRole('link', { name: `Suggested conversation with ${referralName}` }),
  ).toBeVisible();
  await debrief.saved.getByRole('link', { name: referralName, exact: true }).click();
  const person = new PersonPage(page);
  await expect(person.heading(referralName)).toBeVisible();
  await expect(person.details).toContainText('Introduced by');
  await expect(person.details.getByRole('link', { name: personName })).toBeVisible();

  // What was learned shows on the organization and the role.
  await page.goto(`/organizations/${orgId}`);
  const learned = page.getByRole('region', { name: 'What we learned' });
  await expect(learned.getByRole('region', { name: 'Skills they look for' })).toContainText(word);
  await learned.getByRole('link', { name: `Data analyst ${id}` }).click();
  await expect(page.getByRole('list', { name: 'Skills they named' })).toContainText('SQL — 1 of 1 person');

  // Find the insight from the search box, opened with the "/" key.
  await page.locator('body').press('/');
  const search = new Search(page);
  await expect(search.box).toBeFocused();
  await page.keyboard.type(word.toLowerCase().slice(0, 10));
  await expect(page).toHaveURL(/\/search\?q=/);
  const hit = search.result(word);
  await expect(hit).toContainText('Insight');
  await expect(hit.locator('mark').first()).toContainText(/quillfeath/i);
  await search.chip('People').click();
  await expect(hit).toHaveCount(0);
  await search.chip('Everything').click();
  await hit.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${conversationId}$`));
});

test('a referral to someone already in the contacts is offered as they type and linked, not added twice', async ({
  page,
  request,
}) => {
  const id = unique();
  const orgName = `Brightpath ${id}`;
  const priyaName = `Priya Shah ${id}`;
  const orgId = await createOrganization(request, orgName);
  const priyaId = await createPerson(request, { fullName: priyaName, organizationId: orgId });
  const tomName = `Tom Adeyemi ${id}`;
  const tomId = await createPerson(request, { fullName: tomName });
  const conversationId = await createConversation(request, {
    participantIds: [tomId],
    title: `Call with ${tomName}`,
  });
  await holdConversation(request, conversationId);

  const debrief = new DebriefPage(page);
  await debrief.goto(conversationId);
  const referral = await debrief.addReferral(1, { name: priyaName });
  const offer = referral.getByRole('status');
  await expect(offer).toContainText(`Already in your contacts: ${priyaName} at ${orgName}`);
  await offer.getByRole('button', { name: 'Link to this person' }).click();
  await expect(referral.getByRole('status')).toContainText(`Linked to ${priyaName} at ${orgName}`);
  await debrief.save();

  await expect(debrief.saved).toBeVisible();
  const people = debrief.saved.getByRole('list', { name: 'People to meet' });
  await expect(people).toContainText(`${priyaName} (already in your contacts)`);
  await people.getByRole('link', { name: priyaName, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${priyaId}$`));
  const person = new PersonPage(page);
  await expect(person.details.getByRole('link', { name: tomName })).toBeVisible();
  const found = await request.get(`/api/people?q=${encodeURIComponent(priyaName)}`);
  expect(((await found.json()) as { total: number }).total).toBe(1);
});
