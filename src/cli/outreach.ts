import type { Command } from 'commander';
import { CHANNELS, MESSAGE_PURPOSES } from '../domain/vocab.js';
import type { WithApi } from './api.js';
import { printJson, printTable } from './format.js';

interface AgendaItem {
  key: string;
  kind: string;
  title: string;
  detail: string;
  dueDate: string;
  overdue: boolean;
  answers: string[];
  conversationId: string | null;
  people: { id: string; fullName: string }[];
}
interface Target {
  rank: number;
  name: string;
  motivation: number;
  posting: number;
  advocacy: boolean;
  status: string;
  working: boolean;
  caution: string | null;
}

const KIND_LABEL: Record<string, string> = {
  meeting: 'Meeting',
  meeting_outcome: 'Happened?',
  reply_answer: 'Yes or no?',
  confirm_meeting: 'Confirm',
  thank_you: 'Thank-you',
  follow_up: 'Follow-up',
  second_contact: '2nd contact',
  report_back: 'Report back',
  task: 'Task',
  keep_in_touch: 'Keep in touch',
  reconnect: 'Reconnect',
};

/** Today's items, each with its key and, for a meeting that is over, how to answer it. */
function printDue(items: AgendaItem[]): void {
  for (const i of items) {
    const flag = i.overdue ? ` (overdue since ${i.dueDate})` : '';
    console.log(`${(KIND_LABEL[i.kind] ?? i.kind).padEnd(13)} ${i.title}${flag}`);
    if (i.detail) console.log(`${' '.repeat(14)}${i.detail}`);
    if (i.kind === 'reconnect') {
      for (const p of i.people) console.log(`${' '.repeat(14)}- ${p.fullName} (${p.id})`);
    }
    console.log(`${' '.repeat(14)}key: ${i.key}`);
    if (i.kind === 'reply_answer' && i.conversationId) {
      console.log(`${' '.repeat(14)}answer: rapport conversations answer ${i.conversationId} yes|no`);
    }
    // A meeting that is over is answered, not ticked off.
    if (i.answers.length) {
      console.log(`${' '.repeat(14)}answer: rapport ${i.answers.join('|')} ${i.key}  (moved needs --at)`);
    }
  }
}

/** `rapport today`, `rapport done|snooze|dismiss`, `rapport log` and `rapport targets`. */
export function registerOutreachCommands(program: Command, withApi: WithApi): void {
  program
    .command('today')
    .description('everything due or overdue today, then what comes up in the week after')
    .option('--json', 'print JSON')
    .option('--all', 'every item of every group (a long group shows its first 50 otherwise)')
    .action((o: { json?: boolean; all?: boolean }) =>
      withApi(async ({ call }) => {
        const agenda = await call<{
          today: string;
          timeZone: string;
          items: AgendaItem[];
          upcoming: AgendaItem[];
          totals: Record<string, number>;
        }>('GET', `/api/agenda${o.all ? '?full=all' : ''}`);
        if (o.json) return printJson(agenda);
        console.log(`Today, ${agenda.today} (${agenda.timeZone})\n`);
        if (!agenda.items.length) console.log('Nothing due. A good day to reach out to someone new.');
        printDue(agenda.items);
        const shown = new Map<string, number>();
        for (const i of agenda.items) shown.set(i.kind, (shown.get(i.kind) ?? 0) + 1);
        for (const [kind, n] of shown) {
          const more = (agenda.totals[kind] ?? n) - n;
          if (more > 0) console.log(`… and ${more} more (${KIND_LABEL[kind] ?? kind}): rapport today --all`);
        }
        if (agenda.upcoming.length) {
          console.log('\nComing up this week\n');
          for (const i of agenda.upcoming) {
            console.log(`${i.dueDate}  ${(KIND_LABEL[i.kind] ?? i.kind).padEnd(13)} ${i.title}`);
          }
          const more = (agenda.totals.upcoming ?? 0) - agenda.upcoming.length;
          if (more > 0) console.log(`… and ${more} more this week: rapport today --all`);
        }
      }),
    );
  for (const action of ['done', 'snooze', 'dismiss'] as const) {
    program
      .command(`${action} <key>`)
      .description(`${action} an item of today's agenda (its key is shown by "rapport today")`)
      .action((key: string) =>
        withApi(async ({ call }) => {
          await call('POST', '/api/agenda/answer', { key, action });
          console.log(
            action === 'snooze' ? 'Snoozed until tomorrow.' : action === 'done' ? 'Done.' : 'Dismissed.',
          );
        }),
      );
  }
  program
    .command('log <personId>')
    .description('log a message sent to or received from a person')
    .option('--conversation <id>', 'the conversation it belongs to')
    .option('--channel <channel>', CHANNELS.join(', '), 'email')
    .option('--in', 'a message you received (default: one you sent)')
    .option('--purpose <purpose>', MESSAGE_PURPOSES.join(', '), 'other')
    .option('--subject <text>')
    .option('--body <text>', 'the text', '')
    .action(
      (
        personId: string,
        o: {
          conversation?: string;
          channel: string;
          in?: boolean;
          purpose: string;
          subject?: string;
          body: string;
        },
      ) =>
        withApi(async ({ call }) => {
          const r = await call<{ statusChangedTo: string | null }>('POST', '/api/messages', {
            personId,
            conversationId: o.conversation,
            channel: o.channel,
            direction: o.in ? 'in' : 'out',
            purpose: o.purpose,
            subject: o.subject,
            body: o.body,
          });
          console.log(`Logged.${r.statusChangedTo ? ` The conversation is now ${r.statusChangedTo}.` : ''}`);
        }),
    );
  program
    .command('targets')
    .description('the LAMP target list, ranked')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withApi(async ({ call }) => {
        const list = await call<Target[]>('GET', '/api/outreach/targets');
        if (o.json) return printJson(list);
        printTable(
          list.map((t) => ({
            ...t,
            A: t.advocacy ? 'yes' : 'no',
            M: t.motivation,
            P: t.posting,
            now: t.working ? 'working' : '',
          })),
          ['rank', 'name', 'A', 'M', 'P', 'status', 'now'],
          'No target organizations yet. Add some in the web app (Targets) to rank them.',
        );
      }),
    );
}
