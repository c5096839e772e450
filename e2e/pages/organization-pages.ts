import type { Locator, Page } from '@playwright/test';

/** The form that adds or edits an organization. */
export class OrganizationFormPage {
  readonly name: Locator;
  readonly industry: Locator;
  readonly location: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Name', { exact: true });
    this.industry = page.getByLabel('Industry');
    this.location = page.getByLabel('Location');
  }

  async gotoNew(): Promise<void> {
    await this.page.goto('/organizations/new');
  }

  async add(fields: { name: string; industry?: string; location?: string }): Promise<void> {
    await this.name.fill(fields.name);
    if (fields.industry) await this.industry.fill(fields.industry);
    if (fields.location) await this.location.fill(fields.location);
    await this.page.getByRole('button', { name: 'Add organization' }).click();
  }
}

/** One organization's page. */
export class OrganizationPage {
  readonly peopleSection: Locator;
  readonly conversationsSection: Locator;
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.peopleSection = page.getByRole('region', { name: 'People here' });
    this.conversationsSection = page.getByRole('region', { name: 'Conversations' });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }
}
