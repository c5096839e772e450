import type { Command } from 'commander';
import { TASK_KINDS } from '../domain/vocab.js';
import type { WithApi } from './api.js';
import { printJson, printTable } from './format.js';
import { type PageOptions, printMore, readListPage } from './paging.js';

interface Task {
  id: string;
  kind: string;
  title: string;
  dueOn: string | null;
  doneAt: string | null;
  personName: string | null;
  conversationTitle: string | null;
  overdue: boolean;
  dueToday: boolean;
}

function due(t: Task): string {
  if (!t.dueOn) return '';
  if (t.overdue) return `${t.dueOn} (overdue)`;
  if (t.dueToday) return `${t.dueOn} (today)`;
  return t.dueOn;
}

/** `rapport tasks add` and `rapport tasks list` (the same list and filters as the Tasks page). */
export function registerTaskCommands(program: Command, withApi: WithApi): void {
  const tasks = program.command('tasks').description('tasks, promises and report-backs');
  tasks
    .command('add <title>')
    .description('note a task, a promise or a report-back')
    .option('--kind <kind>', TASK_KINDS.join(', '), 'custom')
    .option('--due <date>', 'due date, e.g. 2026-12-01 (a report-back defaults to the interval in Settings)')
    .option('--person <id>', 'the person it is about')
    .option('--json', 'print the created task as JSON')
    .action((title: string, o: { kind: string; due?: string; person?: string; json?: boolean }) =>
      withApi(async ({ call }) => {
        const task = await call<Task>('POST', '/api/tasks', {
          title,
          kind: o.kind,
          dueOn: o.due,
          personId: o.person,
        });
        if (o.json) printJson(task);
        else console.log(`Added "${task.title}"${task.dueOn ? `, due ${task.dueOn}` : ''} (${task.id}).`);
      }),
    );
  tasks
    .command('list')
    .description('list open tasks by due date (or done ones, or all)')
    .option('--done', 'only tasks already done')
    .option('--all', 'open and done tasks')
    .option('--kind <kind>', TASK_KINDS.join(', '))
    .option('--person <id>', 'only tasks about this person')
    .option('--limit <n>', 'how many', '100')
    .option('--offset <n>', 'how many to skip', '0')
    .option('--json', 'print JSON')
    .action(
      (o: PageOptions & { done?: boolean; all?: boolean; kind?: string; person?: string; json?: boolean }) =>
        withApi(async ({ call }) => {
          const status = o.all ? 'all' : o.done ? 'done' : 'open';
          const filters = new URLSearchParams({ status });
          if (o.kind) filters.set('kind', o.kind);
          if (o.person) filters.set('personId', o.person);
          const { items, nextOffset } = await readListPage<Task>(call, '/api/tasks', filters, o);
          if (o.json) return printJson(items);
          printTable(
            items.map((t) => ({
              ...t,
              due: due(t),
              done: t.doneAt?.slice(0, 10),
              person: t.personName,
              conversation: t.conversationTitle,
            })),
            status === 'open'
              ? ['id', 'due', 'kind', 'title', 'person', 'conversation']
              : ['id', 'due', 'done', 'kind', 'title', 'person', 'conversation'],
            status === 'open'
              ? 'Nothing open. Promises you note on a conversation or in a debrief show up here.'
              : 'No tasks match.',
          );
          printMore(nextOffset);
        }),
    );
}
