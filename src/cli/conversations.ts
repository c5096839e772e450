import type { Command } from 'commander';
import { CONVERSATION_STATUSES, CONVERSATION_TYPES, MEDIUMS } from '../domain/vocab.js';
import { CliError, type WithApi } from './api.js';
import { printJson, printRecord, printTable } from './format.js';

interface Conversation {
  id: string;
  title: string;
  type: string;
  status: string;
  organizationName: string | null;
  participants: { id: string; fullName: string }[];
  nextMeetingAt: string | null;
  goals?: { text: string }[];
  meeting?: {
    startsAt: string;
    timeZone: string;
    durationMinutes: number;
    medium: string;
    place: string | null;
  } | null;
  history?: { toStatus: string; at: string; note: string | null }[];
  allowedNext?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function formatInZone(iso: string, zone: string): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are named one by one.
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** `rapport conversations …` and `rapport notes add`. */
export function registerConversationCommands(program: Command, withApi: WithApi): void {
  const conv = program.command('conversations').alias('conv').description('informational interviews');
  conv
    .command('add')
    .description('create a conversation (starts as an idea)')
    .requiredOption('--with <personId>', 'participant id (repeatable)', collect)
    .option('--type <type>', CONVERSATION_TYPES.join(', '), 'explore_career')
    .option('--title <title>')
    .option('--goal <text>', 'a goal (repeatable)', collect)
    .option('--role <role>', 'the role or career it is about')
    .option('--json', 'print JSON')
    .action(
      (o: { with: string[]; type: string; title?: string; goal?: string[]; role?: string; json?: boolean }) =>
        withApi(async ({ call }) => {
          const c = await call<Conversation>('POST', '/api/conversations', {
            participantIds: o.with,
            type: o.type,
            title: o.title,
            goals: o.goal,
            role: o.role,
          });
          if (o.json) printJson(c);
          else console.log(`Created "${c.title}" (${c.id}), status: ${c.status}.`);
        }),
    );
  conv
    .command('list')
    .description('list conversations, most recently changed first')
    .option('--status <statuses>', `comma-separated: ${CONVERSATION_STATUSES.join(', ')}`)
    .option('--person <id>', 'only those with this person')
    .option('--json', 'print JSON')
    .action((o: { status?: string; person?: string; json?: boolean }) =>
      withApi(async ({ call }) => {
        const params = new URLSearchParams({ limit: '500' });
        if (o.status) params.set('status', o.status);
        if (o.person) params.set('personId', o.person);
        const list = await call<{ items: Conversation[]; total: number }>(
          'GET',
          `/api/conversations?${params}`,
        );
        if (o.json) return printJson(list);
        printTable(
          list.items.map((c) => ({
            ...c,
            with: c.participants.map((p) => p.fullName).join(', '),
            meeting: c.nextMeetingAt?.slice(0, 16).replace('T', ' '),
          })),
          ['id', 'title', 'status', 'with', 'meeting'],
          'No conversations yet. Create one with: rapport conversations add --with PERSON_ID',
        );
      }),
    );
  conv
    .command('show <id>')
    .description('show a conversation')
    .option('--json', 'print JSON')
    .action((id: string, o: { json?: boolean }) =>
      withApi(async ({ call }) => {
        const c = await call<Conversation>('GET', `/api/conversations/${encodeURIComponent(id)}`);
        if (o.json) return printJson(c);
        printRecord([
          ['Title', c.title],
          ['Type', c.type],
          ['Status', c.status],
          ['Organization', c.organizationName],
          ['With', c.participants.map((p) => p.fullName)],
          ['Goals', c.goals?.map((g) => g.text)],
          [
            'Meeting',
            c.meeting &&
              `${formatInZone(c.meeting.startsAt, c.meeting.timeZone)}, ${c.meeting.durationMinutes} min, ${c.meeting.medium}${
                c.meeting.place ? ` (${c.meeting.place})` : ''
              }`,
          ],
          ['Next steps', c.allowedNext],
        ]);
        if (c.history?.length) {
          console.log('\nHistory');
          for (const h of c.history)
            console.log(
              `  ${h.at.slice(0, 16).replace('T', ' ')}  ${h.toStatus}${h.note ? ` — ${h.note}` : ''}`,
            );
        }
      }),
    );
  conv
    .command('move <id> <status>')
    .description(`move to another status (${CONVERSATION_STATUSES.join(', ')})`)
    .option('--note <text>', 'why, for the history')
    .option('--json', 'print JSON')
    .action((id: string, status: string, o: { note?: string; json?: boolean }) =>
      withApi(async ({ call }) => {
        const c = await call<Conversation>('POST', `/api/conversations/${encodeURIComponent(id)}/move`, {
          to: status,
          note: o.note,
        });
        if (o.json) printJson(c);
        else console.log(`"${c.title}" is now ${c.status}.`);
      }),
    );
  conv
    .command('answer <id> <answer>')
    .description(
      'after a reply read from your mailbox: did they agree to talk? yes moves it to accepted, no to declined',
    )
    .option('--json', 'print JSON')
    .action((id: string, answer: string, o: { json?: boolean }) =>
      withApi(async ({ call }) => {
        const yes = ['yes', 'y'].includes(answer.toLowerCase());
        if (!yes && !['no', 'n'].includes(answer.toLowerCase())) {
          throw new CliError(`Answer yes or no, not "${answer}".`);
        }
        const c = await call<Conversation>(
          'POST',
          `/api/conversations/${encodeURIComponent(id)}/reply-answer`,
          { answer: yes ? 'yes' : 'no' },
        );
        if (o.json) printJson(c);
        else console.log(`"${c.title}" is now ${c.status}.`);
      }),
    );
  conv
    .command('schedule <id>')
    .description('schedule the meeting')
    .requiredOption('--at <datetime>', 'start with offset, e.g. 2026-12-01T14:30:00+01:00')
    .requiredOption('--tz <zone>', 'IANA time zone of the meeting, e.g. Europe/Paris')
    .option('--minutes <n>', 'duration in minutes', '30')
    .option('--medium <medium>', MEDIUMS.join(', '), 'video')
    .option('--place <text>', 'address, number or link')
    .option('--json', 'print JSON')
    .action(
      (
        id: string,
        o: { at: string; tz: string; minutes: string; medium: string; place?: string; json?: boolean },
      ) =>
        withApi(async ({ call }) => {
          const r = await call<{ conversation: Conversation; warnings: string[] }>(
            'PUT',
            `/api/conversations/${encodeURIComponent(id)}/meeting`,
            {
              startsAt: o.at,
              timeZone: o.tz,
              durationMinutes: Number(o.minutes),
              medium: o.medium,
              place: o.place,
            },
          );
          if (o.json) return printJson(r);
          console.log(`Scheduled "${r.conversation.title}".`);
          for (const w of r.warnings) console.log(`Warning: ${w}`);
        }),
    );

  program
    .command('notes')
    .description('notes')
    .command('add')
    .description('add a Markdown note to a person, organization or conversation')
    .option('--person <id>')
    .option('--org <id>')
    .option('--conversation <id>')
    .requiredOption('--body <text>', 'the note (Markdown)')
    .action((o: { person?: string; org?: string; conversation?: string; body: string }) =>
      withApi(async ({ call }) => {
        await call('POST', '/api/notes', {
          personId: o.person,
          organizationId: o.org,
          conversationId: o.conversation,
          body: o.body,
        });
        console.log('Note added.');
      }),
    );
}
