import type { Locator, Page } from '@playwright/test';

/** The first page of a hosted server for someone signed out: sign in, or create an account. */
export class SignInPage {
  readonly heading: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.error = page.getByRole('alert');
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password').fill(password);
    // With the keyboard, as someone who types and presses Enter.
    await this.page.getByLabel('Password').press('Enter');
  }

  async signUp(name: string, email: string, password: string) {
    await this.page.getByRole('button', { name: 'No account yet? Create one' }).click();
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }
}
