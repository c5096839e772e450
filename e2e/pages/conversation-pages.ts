import type { Locator, Page } from '@playwright/test';

/** The form that plans a new conversation. */
export class NewConversationPage {
  readonly type: Locator;
  readonly findPeople: Locator;
  readonly chosen: Locator;

  constructor(readonly page: Page) {
    this.type = page.getByLabel('Type', { exact: true });
    this.findPeople = page.getByLabel('Find people');
    this.chosen = page.getByRole('list', { name: 'Chosen people' });
  }

  async choosePerson(name: string): Promise<void> {
    await this.findPeople.fill(name);
    await this.page.getByRole('checkbox', { name }).check();
  }

  async setGoal(n: number, text: string): Promise<void> {
    await this.page.getByLabel(`Goal ${n}`, { exact: true }).fill(text);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save as an idea' }).click();
  }
}

export interface MeetingFields {
  /** The value of the date-time input, e.g. "2030-06-15T14:30". */
  local: string;
  timeZone: string;
  minutes: number;
  medium?: string;
  place?: string;
}

/** One conversation's page: status moves, the meeting and notes. */
export class ConversationPage {
  readonly status: Locator;
  readonly meeting: Locator;
  readonly notes: Locator;
  readonly messages: Locator;
  readonly tasks: Locator;
  readonly thankYous: Locator;
  readonly alert: Locator;
  /** "Did they agree to talk?", after a reply read from the mailbox. */
  readonly replyQuestion: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('region', { name: /^Status(?! history)/ });
    this.meeting = page.getByRole('region', { name: 'Meeting' });
    this.notes = page.getByRole('region', { name: 'Notes' });
    this.messages = page.getByRole('region', { name: 'Messages' });
    this.tasks = page.getByRole('region', { name: 'Promises and tasks' });
    this.thankYous = page.getByRole('region', { name: 'Thank-you notes' });
    this.alert = page.getByRole('alert');
    this.replyQuestion = page.getByRole('region', { name: /agree to talk\?$/ });
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/conversations/${id}`);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  badge(label: string): Locator {
    return this.status.getByRole('heading').getByText(label, { exact: true });
  }

  async moveTo(label: string): Promise<void> {
    await this.status
      .getByRole('group', { name: 'Move to' })
      .getByRole('button', { name: label, exact: true })
      .click();
  }

  async openScheduleForm(): Promise<void> {
    await this.meeting.getByRole('button', { name: /^(Schedule the meeting|Reschedule)$/ }).click();
  }

  async fillMeeting(fields: MeetingFields): Promise<void> {
    await this.meeting.getByLabel('Date and time').fill(fields.local);
    await this.meeting.getByLabel('Time zone').fill(fields.timeZone);
    await this.meeting.getByLabel('Duration (minutes)').fill(String(fields.minutes));
    if (fields.medium) await this.meeting.getByLabel('Medium').selectOption({ label: fields.medium });
    if (fields.place) await this.meeting.getByLabel('Place, link or phone number').fill(fields.place);
  }

  async submitMeeting(): Promise<void> {
    await this.meeting.getByRole('button', { name: /^(Schedule|Save new time)$/ }).click();
  }

  /** The question the form asks when the start has passed: is this a meeting that already happened? */
  pastStartQuestion(): Locator {
    return this.meeting.getByRole('group', {
      name: 'This time has passed. Are you recording a meeting that already happened?',
    });
  }

  /** Answers that question: Yes records the meeting as held; No goes back to the date. */
  async answerPastStart(answer: 'Yes' | 'No'): Promise<void> {
    await this.pastStartQuestion()
      .getByRole('button', { name: answer === 'Yes' ? 'Yes, it happened' : 'No, change the date' })
      .click();
  }

  async addNote(text: string): Promise<void> {
    await this.notes.getByLabel('New note').fill(text);
    await this.notes.getByRole('button', { name: 'Add note' }).click();
  }

  /** Logs a message through the "Log a message" form; by default a reply received by e-mail. */
  async logMessage(fields: {
    said: string;
    direction?: 'Received' | 'Sent';
    purpose?: string;
  }): Promise<void> {
    await this.messages.getByRole('button', { name: 'Log a message' }).click();
    if (fields.direction) {
      await this.messages
        .getByLabel('Sent or received')
        .selectOption(fields.direction === 'Sent' ? 'out' : 'in');
    }
    if (fields.purpose) await this.messages.getByLabel('Purpose').selectOption({ label: fields.purpose });
    await this.messages.getByLabel('What was said').fill(fields.said);
    await this.messages.getByRole('button', { name: 'Save to the log' }).click();
  }
}
