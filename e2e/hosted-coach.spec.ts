import { expect, test } from '@playwright/test';
import { unique } from './api-helpers.js';
import { navigateTo } from './pages/nav.js';
import { SignInPage } from './pages/sign-in-page.js';

// Runs only with playwright.hosted.config.ts (`npm run test:e2e:hosted`), against `serve --hosted`
// on PostgreSQL.

const PASSWORD = 'a long enough password';

test('an owner invites a coach, who reads, comments and suggests a task but cannot export, until the owner stops sharing', async ({
  page,
  browser,
}) => {
  // The owner signs up and has one conversation.
  await page.goto('/');
  await new SignInPage(page).signUp('Olive', `olive-${unique()}@example.org`, PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const headers = { origin: new URL(page.url()).origin };
  const person = await (
    await page.request.post('/api/people', { data: { fullName: 'Priya Natarajan' }, headers })
  ).json();
  const conversation = await (
    await page.request.post('/api/conversations', {
      data: { type: 'learn_role', participantIds: [person.id] },
      headers,
    })
  ).json();

  // Settings → Sharing: invite the coach by e-mail.
  const coachEmail = `carmen-${unique()}@example.org`;
  await navigateTo(page, 'Settings');
  const sharing = page.getByRole('region', { name: 'Sharing' });
  await sharing.getByLabel('Coach’s e-mail').fill(coachEmail);
  await sharing.getByRole('button', { name: 'Invite a coach' }).click();
  const link = await sharing.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/coaching\?code=rapport-coach-/);

  // The coach opens the link, makes an account, and takes up the invitation.
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await coach.goto(link);
  await new SignInPage(coach).signUp('Carmen', coachEmail, PASSWORD);
  await expect(coach.getByRole('heading', { name: 'Coaching', level: 1 })).toBeVisible();
  await coach.getByRole('button', { name: 'Take up the invitation' }).click();
  await expect(coach.getByRole('status').filter({ hasText: 'is now shared with you' })).toBeVisible();
  const row = coach.getByRole('row', { name: /Olive/ });
  await row.getByRole('button', { name: 'Open Olive’s workspace' }).click();
  const banner = coach.getByRole('status').filter({ hasText: 'You are coaching' });
  await expect(banner).toContainText('You are coaching Olive’s workspace');

  // The coach reads the conversation, comments on it and suggests a task.
  await coach.goto(`/conversations/${conversation.id}`);
  await expect(coach.getByRole('heading', { level: 1 })).toContainText('Priya Natarajan');
  const comments = coach.getByRole('region', { name: 'Comments' });
  await comments
    .getByLabel('Comment', { exact: true })
    .fill('Ask Priya about on-call before the offer stage.');
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByRole('list', { name: 'Comments' })).toContainText(
    'Ask Priya about on-call before the offer stage.',
  );
  await expect(comments.getByRole('list', { name: 'Comments' })).toContainText('Coach');
  const tasks = coach.getByRole('region', { name: 'Promises and tasks' });
  await tasks.getByLabel('Task or promise').fill('Send Priya the portfolio link');
  await tasks.getByRole('button', { name: 'Suggest task' }).click();
  await expect(tasks.getByRole('list', { name: 'Promises and tasks' })).toContainText('Suggested by Carmen');

  // Nothing else: no export, no new person.
  const coachHeaders = { origin: new URL(coach.url()).origin };
  expect((await coach.request.get('/api/exports/csv/people')).status()).toBe(403);
  expect((await coach.request.get('/api/backup')).status()).toBe(403);
  const refused = await coach.request.post('/api/people', {
    data: { fullName: 'Not allowed' },
    headers: coachHeaders,
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain('only its owner can change it');

  // The owner sees what the coach did, accepts the suggestion and stops sharing.
  await page.reload();
  await expect(sharing).toContainText('Carmen commented on');
  await expect(sharing).toContainText('Carmen suggested a task');
  await navigateTo(page, 'Tasks');
  await page.getByRole('button', { name: 'Accept “Send Priya the portfolio link”' }).click();
  await expect(page.getByRole('button', { name: 'Accept “Send Priya the portfolio link”' })).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText('Suggested by Carmen');
  await navigateTo(page, 'Settings');
  await sharing.getByRole('button', { name: 'Stop sharing' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Stop sharing' }).click();
  await expect(sharing).not.toContainText(coachEmail);

  // The coach is out at once.
  const after = await coach.request.get('/api/people');
  expect(after.status()).toBe(403);
  await coach.reload();
  await expect(coach.getByRole('status').filter({ hasText: 'no longer shared with you' })).toBeVisible();
  await coachContext.close();
});
