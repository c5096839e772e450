import type { Locator, Page } from '@playwright/test';

/** The list of every task, with its filters, the form to add one and the rows to tick off. */
export class TasksListPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly count: Locator;
  readonly toast: Locator;
  readonly addButton: Locator;
  readonly addForm: Locator;
  readonly kindFilter: Locator;
  readonly exportLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Tasks' });
    this.list = page.getByRole('list', { name: 'Tasks' });
    this.count = page.getByRole('status').filter({ hasText: /\d+ .*tasks?$/ });
    this.toast = page.locator('.toast');
    this.addButton = page.getByRole('button', { name: 'Add task', exact: true }).first();
    this.addForm = page.getByRole('form', { name: 'Add a task' });
    this.kindFilter = page.getByLabel('Type', { exact: true });
    this.exportLink = page.getByRole('link', { name: 'Export CSV' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/tasks${query}`);
  }

  /** Open, Done or All. */
  async show(state: 'Open' | 'Done' | 'All'): Promise<void> {
    await this.page.getByRole('button', { name: state, exact: true }).click();
  }

  /** Narrows the list to one person, chosen by part of their name. */
  async onlyPerson(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Show one person only…' }).click();
    await this.page.getByLabel('Find a person').fill(name);
    await this.page.getByRole('radio', { name }).click();
  }

  row(title: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('checkbox', { name: title }) });
  }

  checkbox(title: string): Locator {
    return this.list.getByRole('checkbox', { name: title });
  }

  async add(task: { title: string; kind?: string; dueOn?: string; person?: string }): Promise<void> {
    if (!(await this.addForm.isVisible())) await this.addButton.click();
    if (task.kind) await this.addForm.getByLabel('Type of task').selectOption({ label: task.kind });
    await this.addForm.getByLabel('Task or promise').fill(task.title);
    if (task.dueOn) await this.addForm.getByLabel('Due date').fill(task.dueOn);
    if (task.person) {
      await this.addForm.getByLabel('Find a person').fill(task.person);
      await this.addForm.getByRole('radio', { name: task.person }).click();
    }
    await this.addForm.getByRole('button', { name: 'Add task' }).click();
  }

  /** Opens the dialog of a row's Delete button; the caller confirms or cancels. */
  async askToDelete(title: string): Promise<Locator> {
    await this.row(title).getByRole('button', { name: 'Delete' }).click();
    return this.page.getByRole('dialog', { name: 'Delete this task?' });
  }
}

/** The whole message log with its filters. */
export class MessagesListPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Messages' });
    this.table = page.getByRole('table', { name: 'Message log' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/messages${query}`);
  }

  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }
}
