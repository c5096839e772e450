import type { Locator, Page } from '@playwright/test';

export interface PersonFields {
  name?: string;
  title?: string;
  email?: string;
  organization?: string;
  newOrganization?: string;
  timeZone?: string;
  tags?: string;
  keepInTouch?: 'Yes' | 'No' | 'Not agreed yet';
}

/** The form that adds or edits a person. */
export class PersonFormPage {
  readonly name: Locator;
  readonly title: Locator;
  readonly email: Locator;
  readonly organization: Locator;
  readonly newOrganization: Locator;
  readonly timeZone: Locator;
  readonly tags: Locator;
  readonly keepInTouch: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Name', { exact: true });
    this.title = page.getByLabel('Title', { exact: true });
    this.email = page.getByLabel('E-mail', { exact: true });
    this.organization = page.getByLabel('Organization', { exact: true });
    this.newOrganization = page.getByLabel('New organization name');
    this.timeZone = page.getByLabel('Time zone');
    this.tags = page.getByLabel('Tags');
    this.keepInTouch = page.getByLabel('Keep in touch');
  }

  async gotoNew(): Promise<void> {
    await this.page.goto('/people/new');
  }

  async fill(fields: PersonFields): Promise<void> {
    if (fields.name !== undefined) await this.name.fill(fields.name);
    if (fields.title !== undefined) await this.title.fill(fields.title);
    if (fields.email !== undefined) await this.email.fill(fields.email);
    if (fields.organization !== undefined)
      await this.organization.selectOption({ label: fields.organization });
    if (fields.newOrganization !== undefined) {
      await this.organization.selectOption({ label: '+ New organization…' });
      await this.newOrganization.fill(fields.newOrganization);
    }
    if (fields.timeZone !== undefined) await this.timeZone.fill(fields.timeZone);
    if (fields.tags !== undefined) await this.tags.fill(fields.tags);
    if (fields.keepInTouch !== undefined) await this.keepInTouch.selectOption({ label: fields.keepInTouch });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Add person|Save changes)$/ }).click();
  }

  /** The error message shown under a field. */
  errorFor(field: Locator): Locator {
    return this.page.locator('.field', { has: field }).locator('.field-error');
  }
}
