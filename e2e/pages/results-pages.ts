import type { Locator, Page } from '@playwright/test';

/** The results dashboard. */
export class ResultsDashboard {
  readonly funnel: Locator;
  readonly perOffer: Locator;
  readonly meetings: Locator;

  constructor(readonly page: Page) {
    this.funnel = page.getByRole('region', { name: 'From request to offer' });
    this.perOffer = page.getByRole('region', { name: 'Conversations per offer' });
    this.meetings = page.getByRole('region', { name: 'Conversations per week' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/results');
  }

  /** The count cell of one funnel stage, e.g. "Offers". */
  count(stage: string): Locator {
    return this.funnel
      .getByRole('row', { name: new RegExp(`^${stage}\\b`) })
      .getByRole('cell')
      .first();
  }
}

export interface ResultFields {
  kind: string;
  title: string;
  /** People to add as sources, by name. */
  people?: string[];
}

/** The list of opportunities and the form that records one. */
export class OpportunitiesPage {
  readonly form: Locator;
  readonly chosenSources: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Record a result' });
    this.chosenSources = this.form.getByRole('list', { name: 'Chosen sources' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/results/opportunities');
  }

  async fill(fields: ResultFields): Promise<void> {
    await this.form.getByLabel('Kind').selectOption({ label: fields.kind });
    await this.form.getByLabel('Title').fill(fields.title);
    for (const name of fields.people ?? []) {
      await this.form.getByLabel('Find people').fill(name);
      await this.form.getByRole('checkbox', { name }).check();
    }
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save result' }).click();
  }

  /** The rows of one opportunity in the list. */
  row(title: string): Locator {
    return this.page.getByRole('rowgroup').filter({ hasText: title });
  }
}
