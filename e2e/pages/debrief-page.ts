import type { Locator, Page } from '@playwright/test';

/** The debrief form of a held conversation. */
export class DebriefPage {
  readonly alert: Locator;
  readonly saved: Locator;

  constructor(readonly page: Page) {
    this.alert = page.getByRole('alert');
    this.saved = page.getByRole('region', { name: 'Debrief saved' });
  }

  async goto(conversationId: string): Promise<void> {
    await this.page.goto(`/conversations/${conversationId}/debrief`);
  }

  group(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  /** Adds an insight row and fills it; returns the row. */
  async addInsight(
    n: number,
    fields: { topic: string; body: string; skills?: string; role?: string; by?: string },
  ) {
    await this.page.getByRole('button', { name: 'Add an insight' }).click();
    const row = this.group(`Insight ${n}`);
    await row.getByLabel('Topic').selectOption({ label: fields.topic });
    if (fields.by) await row.getByLabel('Who said it').selectOption({ label: fields.by });
    await row.getByLabel('What you learned').fill(fields.body);
    if (fields.skills) await row.getByLabel('Skills they mentioned').fill(fields.skills);
    if (fields.role !== undefined) await row.getByLabel('Role or career it is about').fill(fields.role);
    return row;
  }

  async addReferral(
    n: number,
    fields: { name: string; title?: string; organization?: string; email?: string; by?: string },
  ) {
    await this.page.getByRole('button', { name: 'Add a referral' }).click();
    const row = this.group(`Referral ${n}`);
    await row.getByLabel('Name').fill(fields.name);
    if (fields.by) await row.getByLabel('Referred by').selectOption({ label: fields.by });
    if (fields.title) await row.getByLabel('Their title').fill(fields.title);
    if (fields.organization) await row.getByLabel('Their organization').fill(fields.organization);
    if (fields.email !== undefined) await row.getByLabel('E-mail').fill(fields.email);
    return row;
  }

  /** Adds a promise row; `mine` is "I did", `with` the participant it was made to. */
  async addPromise(n: number, fields: { title: string; mine?: boolean; with?: string }) {
    await this.page.getByRole('button', { name: 'Add a promise' }).click();
    const row = this.group(`Promise ${n}`);
    await row
      .getByLabel('Who promised')
      .selectOption({ label: fields.mine === false ? 'They did' : 'I did' });
    if (fields.with) await row.getByLabel('With').selectOption({ label: fields.with });
    await row.getByLabel('The promise').fill(fields.title);
    return row;
  }

  async fillSummary(text: string): Promise<void> {
    await this.page.getByLabel('How it went and how it fits you').fill(text);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save the debrief' }).click();
  }
}
