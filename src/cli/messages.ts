import type { Command } from 'commander';
import { CHANNELS } from '../domain/vocab.js';
import type { WithApi } from './api.js';
import { printJson, printTable } from './format.js';
import { type PageOptions, printMore, readListPage } from './paging.js';

interface Message {
  id: string;
  at: string;
  direction: 'in' | 'out';
  channel: string;
  purpose: string;
  subject: string | null;
  body: string;
  personName: string;
  conversationTitle: string | null;
}

function firstLine(m: Message): string {
  return m.subject?.trim() || (m.body.split('\n').find((l) => l.trim()) ?? '').trim();
}

/** `rapport messages list`: the whole message log, newest first, as on the Messages page. */
export function registerMessageCommands(program: Command, withApi: WithApi): void {
  const messages = program.command('messages').description('the log of messages sent and received');
  messages
    .command('list')
    .description('list logged messages, newest first')
    .option('--person <id>', 'only messages to or from this person')
    .option('--sent', 'only messages you sent')
    .option('--received', 'only messages you received')
    .option('--channel <channel>', CHANNELS.join(', '))
    .option('--limit <n>', 'how many', '100')
    .option('--offset <n>', 'how many to skip', '0')
    .option('--json', 'print JSON')
    .action(
      (
        o: PageOptions & {
          person?: string;
          sent?: boolean;
          received?: boolean;
          channel?: string;
          json?: boolean;
        },
      ) =>
        withApi(async ({ call }) => {
          const filters = new URLSearchParams();
          if (o.person) filters.set('personId', o.person);
          if (o.sent !== o.received) filters.set('direction', o.sent ? 'out' : 'in');
          if (o.channel) filters.set('channel', o.channel);
          const { items, nextOffset } = await readListPage<Message>(call, '/api/messages', filters, o);
          if (o.json) return printJson(items);
          printTable(
            items.map((m) => ({
              ...m,
              at: m.at.slice(0, 16).replace('T', ' '),
              direction: m.direction === 'out' ? 'sent' : 'received',
              person: m.personName,
              conversation: m.conversationTitle,
              text: firstLine(m),
            })),
            ['at', 'direction', 'channel', 'person', 'conversation', 'text'],
            'No messages logged yet. Log one with: rapport log PERSON_ID --channel email',
          );
          printMore(nextOffset);
        }),
    );
}
