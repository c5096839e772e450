import type { Locator, Page } from '@playwright/test';

/** The results dashboard. */
export class ResultsDashboard {
  readonly funnel: Locator;
  readonly perOffer: Locator;
  readonly meetings: Locator;
  readonly credits: Locator;
  /** The rows of the weekly table, one a week, each headed by the week's Monday. */
  readonly weekRows: Locator;

  constructor(readonly page: Page) {
    this.funnel = page.getByRole('region', { name: 'From request to offer' });
    this.perOffer = page.getByRole('region', { name: 'Conversations per offer' });
    this.meetings = page.getByRole('region', { name: 'Conversations per week' });
    this.credits = page.getByRole('region', { name: 'Where your results came from' });
    this.weekRows = this.meetings.getByRole('table').getByRole('rowheader');
  }

  /** One result in the list of what results are credited to. */
  credit(title: string): Locator {
    return this.credits.getByRole('listitem').filter({ hasText: title });
  }

  async goto(): Promise<void> {
    await this.page.goto('/results');
  }

  /**
   * Every label on every chart axis of the dashboard: its text, its font size in pixels, its box,
   * which axis it belongs to and the box of the card it sits in.
   */
  async axisLabels(): Promise<AxisLabel[]> {
    return this.page.locator('.recharts-cartesian-axis-tick-labels').evaluateAll((axes) =>
      axes.flatMap((axis, index) => {
        const card = axis.closest('section')!.getBoundingClientRect();
        const section = axis.closest('section')!.getAttribute('aria-labelledby') ?? '';
        return [...axis.querySelectorAll('.recharts-cartesian-axis-tick-value')].map((label) => {
          const box = label.getBoundingClientRect();
          return {
            axis: index,
            section,
            horizontal: axis.classList.contains('recharts-xAxis-tick-labels'),
            text: label.textContent ?? '',
            fontSize: Number.parseFloat(getComputedStyle(label).fontSize),
            box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
            card: { left: card.left, right: card.right },
          };
        });
      }),
    );
  }

  /** The count cell of one funnel stage, e.g. "Offers". */
  count(stage: string): Locator {
    return this.funnel
      .getByRole('row', { name: new RegExp(`^${stage}\\b`) })
      .getByRole('cell')
      .first();
  }
}

export interface AxisLabel {
  axis: number;
  /** The id of the heading of the card the chart is in, e.g. "meetings-heading". */
  section: string;
  horizontal: boolean;
  text: string;
  fontSize: number;
  box: { left: number; right: number; top: number; bottom: number };
  card: { left: number; right: number };
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
