import { expect, test } from '@playwright/test';
import { createConversation, createOrganization, createPerson, unique, utcDate } from './api-helpers.js';
import {
  createIntroduction,
  deleteAllIntroductions,
  holdConversation,
  offerCount,
} from './network-helpers.js';
import { ConversationPage } from './pages/conversation-pages.js';
import { navigateTo } from './pages/nav.js';
import { NetworkPage, OrganizationNetworkSections, PersonNetworkSection } from './pages/network-pages.js';
import { PersonFormPage } from './pages/person-form-page.js';
import { PersonPage } from './pages/person-page.js';
import { OpportunitiesPage, ResultsDashboard } from './pages/results-pages.js';

test('the network page says what to do before the first introduction, then draws the graph', async ({
  page,
  request,
}) => {
  // Other journeys record introductions (referrals in a debrief): start from an empty network.
  await deleteAllIntroductions(request);
  const network = new NetworkPage(page);
  await page.goto('/');
  await navigateTo(page, 'Network');
  await expect(network.emptyState).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your people' })).toBeVisible();

  const id = unique();
  const hanna = await createPerson(request, { fullName: `Hanna Berg ${id}` });
  const omar = await createPerson(request, { fullName: `Omar Haddad ${id}` });
  await createIntroduction(request, hanna, omar);

  await page.reload();
  await expect(network.graph).toBeVisible();
  await expect(network.graph.locator('canvas').first()).toBeVisible();
  await expect(page.getByText('2 people, 1 introduction.')).toBeVisible();

  const panel = await network.focus(`Hanna Berg ${id}`);
  await expect(panel.getByRole('button', { name: `Omar Haddad ${id}` })).toBeVisible();
  // Walking the network from the panel moves the focus to the other person.
  await panel.getByRole('button', { name: `Omar Haddad ${id}` }).click();
  const omarPanel = page.getByRole('region', { name: `Omar Haddad ${id}` });
  await expect(omarPanel.getByText('Introduced by')).toBeVisible();
  await omarPanel.getByRole('link', { name: `Open Omar Haddad ${id}’s page` }).click();
  await expect(new PersonPage(page).heading(`Omar Haddad ${id}`)).toBeVisible();
});

test('an offer from the end of an introduction chain is credited to everyone along it', async ({
  page,
  request,
}) => {
  const id = unique();
  const orgId = await createOrganization(request, `Brightwater Health ${id}`);
  const ana = `Ana Ribeiro ${id}`;
  const ben = `Ben Okafor ${id}`;
  const chloe = `Chloé Vidal ${id}`;
  const anaId = await createPerson(request, { fullName: ana });
  await createPerson(request, { fullName: ben });
  const chloeId = await createPerson(request, {
    fullName: chloe,
    organizationId: orgId,
    title: 'Head of Data',
  });

  // Ana introduces Ben, on Ana's page.
  const person = new PersonPage(page);
  const network = new PersonNetworkSection(page);
  await person.goto(anaId);
  await expect(network.chain).toHaveCount(0);
  await network.addIntroduction({ direction: 'by', other: ben });
  await expect(network.introduction(ben)).toContainText('Introduced');

  // Ben introduces Chloé, on Ben's page (reached from Ana's list).
  await network.introduction(ben).getByRole('link', { name: ben }).click();
  await expect(person.heading(ben)).toBeVisible();
  await network.addIntroduction({ direction: 'by', other: chloe, stage: 'Asked' });
  await expect(network.introduction(chloe).getByRole('button', { name: 'Mark as introduced' })).toBeVisible();
  await network.introduction(chloe).getByRole('button', { name: 'Mark as introduced' }).click();
  await expect(network.introduction(chloe).getByRole('button', { name: 'Mark as met' })).toBeVisible();

  // Chloé's page shows the whole chain, each name a link.
  await network.introduction(chloe).getByRole('link', { name: chloe }).click();
  await expect(person.heading(chloe)).toBeVisible();
  await expect(network.chain).toHaveText(`You ← ${ana} ← ${ben} ← ${chloe}`);
  await expect(network.chain.getByRole('link', { name: ana })).toBeVisible();

  // Meeting Chloé moves the introduction on; editing her details later leaves it where it is.
  await network.introduction(ben).getByRole('button', { name: 'Mark as met' }).click();
  await expect(network.introduction(ben).getByRole('button', { name: 'Mark as thanked' })).toBeVisible();
  await person.editLink.click();
  await new PersonFormPage(page).save();
  await expect(person.heading(chloe)).toBeVisible();
  await expect(network.introduction(ben).getByRole('button', { name: 'Mark as thanked' })).toBeVisible();

  // The conversation with Chloé was held, and she made an offer. (Other journeys record offers too,
  // so the dashboard is read as one more than before.)
  const offersBefore = await offerCount(request);
  const conversationId = await createConversation(request, {
    participantIds: [chloeId],
    organizationId: orgId,
    title: `Coffee with ${chloe}`,
  });
  await holdConversation(request, conversationId);
  const conversation = new ConversationPage(page);
  await conversation.goto(conversationId);
  await page.getByRole('region', { name: 'Results' }).getByRole('link', { name: 'Record a result' }).click();
  const results = new OpportunitiesPage(page);
  await expect(results.chosenSources).toContainText(`Coffee with ${chloe}`);
  await expect(results.form.getByLabel('Organization', { exact: true })).toHaveValue(orgId);
  const offer = `Data analyst offer ${id}`;
  await results.fill({ kind: 'Offer', title: offer });
  await results.save();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${offer}”` })).toBeVisible();
  await expect(results.row(offer)).toContainText(`Coffee with ${chloe}`);

  // The dashboard counts it.
  await navigateTo(page, 'Results');
  const dashboard = new ResultsDashboard(page);
  await expect(dashboard.count('Offers')).toHaveText(String(offersBefore + 1));
  await expect(dashboard.perOffer).toContainText(
    /[\d.]+\s*yours: \d+ conversations? held for \d+ offers? they led to/,
  );
  await expect(dashboard.perOffer).toContainText('about 12');
  await expect(dashboard.perOffer).toContainText('Caveat');

  // Chloé gets direct credit; Ben and Ana get it through the people they introduced.
  await person.goto(chloeId);
  await expect(network.credit(offer)).toContainText('Direct');
  await network.chain.getByRole('link', { name: ben }).click();
  await expect(person.heading(ben)).toBeVisible();
  await expect(network.credit(offer)).toContainText('Through people they introduced');
  await person.goto(anaId);
  await expect(network.credit(offer)).toContainText('Through people they introduced');
});

test('an organization shows its ways in, a former employee, and what coverage is missing', async ({
  page,
  request,
}) => {
  const id = unique();
  const orgName = `Northwind Robotics ${id}`;
  const orgId = await createOrganization(request, orgName);
  const insider = `Ivo Petrov ${id}`;
  const friend = `Farah Nasser ${id}`;
  const insiderId = await createPerson(request, { fullName: insider, organizationId: orgId });
  const friendId = await createPerson(request, { fullName: friend });
  // Farah introduced the user to Ivo: Ivo is a contact now, never someone to be introduced to again.
  await createIntroduction(request, friendId, insiderId);
  // Farah knows someone else there the user has never met: the warm path goes through her.
  const stranger = `Lena Moss ${id}`;
  const strangerId = await createPerson(request, { fullName: stranger, organizationId: orgId });
  await createIntroduction(request, friendId, strangerId, 'asked');

  // Someone who used to work there, recorded through the person form.
  const former = `Greta Lund ${id}`;
  const form = new PersonFormPage(page);
  await form.gotoNew();
  await form.fill({ name: former });
  await page.getByLabel('Former organizations').selectOption({ label: orgName });
  await expect(page.getByRole('list', { name: 'Former organizations chosen' })).toContainText(orgName);
  await form.save();
  await expect(new PersonPage(page).heading(former)).toBeVisible();
  await expect(page.getByText('Formerly at:')).toBeVisible();

  await page.getByRole('link', { name: orgName }).click();
  const org = new OrganizationNetworkSections(page);
  await expect(org.path(insider).first()).toContainText('Direct contact');
  await expect(org.path(friend)).toContainText(`You → ${friend} → ${stranger}`);
  await expect(org.waysIn).not.toContainText(`You → ${friend} → ${insider}`);
  await expect(org.path(friend)).toContainText('1 introduction away');
  await expect(org.path(friend)).toContainText(`Your relationship with ${friend}`);
  await expect(org.path(former)).toContainText('formerly there');

  await expect(org.coverage).toContainText('People you know here');
  await expect(org.nudges).toContainText('have not talked with anyone yet');
  await expect(org.nudges).toContainText('warm path');
});

test('a rejection can start a feedback conversation with the person who decided', async ({
  page,
  request,
}) => {
  const id = unique();
  const manager = `Lena Fischer ${id}`;
  await createPerson(request, { fullName: manager });
  const results = new OpportunitiesPage(page);
  await results.goto();
  await page.getByRole('button', { name: 'Record a result' }).first().click();
  const title = `Analytics lead at Orbit ${id}`;
  await results.fill({ kind: 'Rejection', title, people: [manager] });
  await expect(results.chosenSources).toContainText(manager);
  await results.save();

  const row = results.row(title);
  await row.getByRole('button', { name: 'Ask for feedback' }).click();
  await row.getByRole('button', { name: `Ask ${manager}` }).click();
  await row.getByRole('button', { name: 'Start the feedback conversation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Feedback on ${title}`);
  await expect(page.getByText('Feedback after a rejection')).toBeVisible();
});

test('a recorded result can be corrected, and is deleted only after confirming', async ({
  page,
  request,
}) => {
  const id = unique();
  const person = `Sofia Marin ${id}`;
  const personId = await createPerson(request, { fullName: person });
  const created = await request.post('/api/opportunities', {
    data: { kind: 'referral', title: `Referral ${id}`, occurredOn: utcDate(), sources: [{ personId }] },
  });
  expect(created.status()).toBe(201);

  const results = new OpportunitiesPage(page);
  await results.goto();
  const row = results.row(`Referral ${id}`);
  await row.getByRole('button', { name: `Edit Referral ${id}` }).click();
  const form = row.getByRole('form', { name: `Edit Referral ${id}` });
  await expect(form.getByRole('list', { name: 'Chosen sources' })).toContainText(person);
  await form.getByLabel('Kind').selectOption({ label: 'Job interview' });
  await form.getByLabel('Title').fill(`Interview ${id}`);
  await form.getByRole('button', { name: 'Save changes' }).click();

  const edited = results.row(`Interview ${id}`);
  await expect(edited).toContainText('Job interview');
  await expect(edited.getByRole('link', { name: person })).toBeVisible();

  await edited.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete “Interview ${id}”?` });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(edited).toBeVisible();
  await edited.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete result' }).click();
  await expect(edited).toHaveCount(0);
});
