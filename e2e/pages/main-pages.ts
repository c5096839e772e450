import { type APIRequestContext, expect, type Page } from '@playwright/test';

/** Records of the sample workspace that the record pages show. */
interface SampleIds {
  person: string;
  organization: string;
  conversation: string;
}

/** Every main page of the app; record pages open a record of the sample workspace. */
export const MAIN_PAGES: { name: string; path: (ids: SampleIds) => string }[] = [
  { name: 'Home', path: () => '/' },
  { name: 'People', path: () => '/people' },
  { name: 'A person', path: (ids) => `/people/${ids.person}` },
  { name: 'New person', path: () => '/people/new' },
  { name: 'Duplicates', path: () => '/people/duplicates' },
  { name: 'Organizations', path: () => '/organizations' },
  { name: 'An organization', path: (ids) => `/organizations/${ids.organization}` },
  { name: 'Conversations', path: () => '/conversations' },
  { name: 'New conversation', path: () => '/conversations/new' },
  { name: 'A conversation', path: (ids) => `/conversations/${ids.conversation}` },
  { name: 'Plan', path: (ids) => `/conversations/${ids.conversation}/plan` },
  { name: 'Brief', path: (ids) => `/conversations/${ids.conversation}/brief` },
  { name: 'Debrief', path: (ids) => `/conversations/${ids.conversation}/debrief` },
  { name: 'Tasks', path: () => '/tasks' },
  { name: 'Messages', path: () => '/messages' },
  { name: 'Compose', path: () => '/compose' },
  { name: 'Targets', path: () => '/targets' },
  { name: 'Results', path: () => '/results' },
  { name: 'Opportunities', path: () => '/results/opportunities' },
  { name: 'Network', path: () => '/network' },
  { name: 'Search', path: () => '/search?q=maya' },
  { name: 'Questions', path: () => '/questions' },
  { name: 'Roles', path: () => '/roles' },
  { name: 'Documents', path: () => '/documents' },
  { name: 'Import', path: () => '/import' },
  { name: 'Backup', path: () => '/backup' },
  { name: 'Settings', path: () => '/settings' },
  { name: 'Mail settings', path: () => '/settings/mail' },
];

async function firstId(request: APIRequestContext, url: string): Promise<string | undefined> {
  const res = await request.get(url);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { items: { id: string }[] }).items[0]?.id;
}

let ids: SampleIds | undefined;

/** Maya Okafor, her held conversation and Brightpath Learning from the sample (loaded by the screenshot project). */
export async function sampleIds(request: APIRequestContext): Promise<SampleIds> {
  if (ids) return ids;
  // Normally loaded already; a run of this project alone (--no-deps) loads it here.
  const summary = (await (await request.get('/api/workspace')).json()) as { counts: { people: number } };
  if (summary.counts.people === 0) expect((await request.post('/api/workspace/sample')).status()).toBe(201);
  const person =
    (await firstId(request, '/api/people?q=Maya%20Okafor')) ?? (await firstId(request, '/api/people'));
  const organization =
    (await firstId(request, '/api/organizations?q=Brightpath')) ??
    (await firstId(request, '/api/organizations'));
  const conversation =
    (await firstId(request, '/api/conversations?status=held')) ??
    (await firstId(request, '/api/conversations'));
  if (!person || !organization || !conversation) throw new Error('The sample workspace is not loaded.');
  ids = { person, organization, conversation };
  return ids;
}

/** Opens a page and waits until its data has arrived. */
export async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
}
