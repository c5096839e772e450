import { expect, type Page, test } from '@playwright/test';
import { createConversation, createPerson, unique } from './api-helpers.js';
import { type AxisLabel, ResultsDashboard } from './pages/results-pages.js';

function overlap(a: AxisLabel['box'], b: AxisLabel['box']): boolean {
  // A pixel of anti-aliasing either side is not an overlap anyone can see.
  return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
}

/** Every axis label is large enough to read, inside its card, and clear of its neighbours. */
async function expectLegibleAxes(page: Page, dashboard: ResultsDashboard, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 600 ? 844 : 800 });
  await dashboard.goto();
  await expect(dashboard.meetings.locator('.recharts-xAxis-tick-labels text').first()).toBeVisible();
  const labels = await dashboard.axisLabels();
  expect(labels.length).toBeGreaterThan(10);
  for (const label of labels) {
    expect(label.fontSize, `"${label.text}" at ${width} px`).toBeGreaterThanOrEqual(12);
    expect(label.box.left, `"${label.text}" at ${width} px`).toBeGreaterThanOrEqual(label.card.left);
    expect(label.box.right, `"${label.text}" at ${width} px`).toBeLessThanOrEqual(label.card.right);
  }
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) {
      if (a.axis !== b.axis) continue;
      expect(overlap(a.box, b.box), `"${a.text}" and "${b.text}" overlap at ${width} px`).toBe(false);
    }
  }

  // The weeks are named as the table names them (the shared date formatter), the current one last.
  const weeks = (await dashboard.weekRows.allTextContents()).map((w) => w.trim());
  const ticks = labels.filter((l) => l.section === 'meetings-heading' && l.horizontal).map((l) => l.text);
  expect(ticks.length).toBeGreaterThan(0);
  for (const tick of ticks)
    expect(weeks.some((w) => w.startsWith(tick) || w.includes(` ${tick}`))).toBe(true);
  expect(weeks.at(-1)).toContain(ticks.at(-1)!);
}

test('the dashboard names what each result is credited to and charts only the weeks since the start', async ({
  page,
  request,
}) => {
  const id = unique();
  const person = `Noor Haddad ${id}`;
  const personId = await createPerson(request, { fullName: person });
  const title = `Coffee with ${person}`;
  const conversationId = await createConversation(request, { participantIds: [personId], title });
  const referral = `Referral to the platform team ${id}`;
  const credited = await request.post('/api/opportunities', {
    data: {
      kind: 'referral',
      title: referral,
      occurredOn: new Date().toISOString().slice(0, 10),
      sources: [{ conversationId }, { personId }],
    },
  });
  expect(credited.status()).toBe(201);
  const boardOffer = `Job board offer ${id}`;
  const uncredited = await request.post('/api/opportunities', {
    data: {
      kind: 'offer',
      title: boardOffer,
      occurredOn: new Date().toISOString().slice(0, 10),
      sources: [],
    },
  });
  expect(uncredited.status()).toBe(201);

  const dashboard = new ResultsDashboard(page);
  await dashboard.goto();
  const item = dashboard.credit(referral);
  await expect(item).toContainText(`Credited to ${title} and ${person}`);
  await expect(item.getByRole('link', { name: title })).toHaveAttribute(
    'href',
    `/conversations/${conversationId}`,
  );
  await expect(item.getByRole('link', { name: person, exact: true })).toHaveAttribute(
    'href',
    `/people/${personId}`,
  );
  await expect(dashboard.credit(boardOffer)).toContainText('Not credited to a conversation or a person yet.');

  // The workspace began with this run (the sample's first request is 11 days old): two or three
  // weeks, not eight with the first ones empty.
  const weeks = await dashboard.weekRows.count();
  expect(weeks).toBeGreaterThanOrEqual(2);
  expect(weeks).toBeLessThanOrEqual(3);

  // Following a credit opens what it names.
  await item.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('the dashboard charts have legible axis labels on a desktop and on a phone', async ({ page }) => {
  const dashboard = new ResultsDashboard(page);
  await expectLegibleAxes(page, dashboard, 1280);
  await expectLegibleAxes(page, dashboard, 390);
});
