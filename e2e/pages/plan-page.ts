import type { Locator, Page } from '@playwright/test';

/** A conversation's plan: goals, the timed agenda and the question bank picker. */
export class PlanPage {
  readonly agenda: Locator;
  readonly propose: Locator;
  readonly addQuestion: Locator;

  constructor(readonly page: Page) {
    this.agenda = page.getByRole('region', { name: 'Agenda' });
    this.propose = page.getByRole('region', { name: 'Propose a plan' });
    this.addQuestion = page.getByRole('region', { name: 'Add a question' });
  }

  async goto(conversationId: string): Promise<void> {
    await this.page.goto(`/conversations/${conversationId}/plan`);
  }

  goal(label: string): Locator {
    return this.propose.getByRole('checkbox', { name: label });
  }

  async proposePlan(): Promise<void> {
    await this.propose.getByRole('button', { name: /^Propose a (new )?plan$/ }).click();
  }

  section(label: string): Locator {
    return this.agenda.getByRole('region', { name: label, exact: true });
  }

  /** The agenda line whose wording contains `text`. */
  item(text: string): Locator {
    return this.agenda.getByRole('listitem').filter({ hasText: text });
  }

  /** The wording of each line of a section, in order. */
  async texts(sectionLabel: string): Promise<string[]> {
    return this.section(sectionLabel).locator('.plan-item-text').allTextContents();
  }

  async addTyped(text: string): Promise<void> {
    await this.addQuestion.getByLabel('Your question').fill(text);
    await this.addQuestion.getByRole('button', { name: 'Add to the plan' }).click();
  }
}
