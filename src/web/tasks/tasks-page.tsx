import { useState } from 'react';
import { TASK_KINDS, type TaskKind } from '../../domain/vocab.js';
import { api, call, describeError, type Task } from '../api.js';
import { ExportCsvLink } from '../exports/export-csv-link.js';
import { PersonFilter, useFilterPerson } from '../people/person-filter.js';
import { Alert } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { TASK_KIND_LABELS } from '../ui/labels.js';
import { FilterChips, FilterSelect, useListFilters } from '../ui/list-filters.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { callPage, Pager, shownRange } from '../ui/pager.js';
import { UndoToast } from '../ui/undo-toast.js';
import { useLoad } from '../ui/use-load.js';
import { TaskAddForm } from './task-add-form.js';
import { TaskRow } from './task-row.js';
import '../ui/lists.css';

/** Tasks per page of the list. */
const PAGE_SIZE = 100;

const STATES = [
  { value: 'open', label: 'Open' },
  { value: 'done', label: 'Done' },
  { value: 'all', label: 'All' },
] as const;
type State = (typeof STATES)[number]['value'];

interface Toast {
  text: string;
  /** The task just ticked off or opened again, which Undo turns back. */
  undo?: { task: Task; done: boolean };
}

function readState(value: string | null): State {
  return STATES.find((s) => s.value === value)?.value ?? 'open';
}

function readKind(value: string | null): TaskKind | undefined {
  return TASK_KINDS.find((k) => k === value);
}

/** Every task and promise in the workspace, open ones first by due date, so nothing owed slips. */
export function TasksPage() {
  const { params, page, setFilter } = useListFilters();
  const state = readState(params.get('status'));
  const kind = readKind(params.get('kind'));
  const personId = params.get('person');
  const tasks = useLoad(`tasks:${state}:${kind ?? ''}:${personId ?? ''}:${page}`, () =>
    callPage(
      api.tasks.$get({
        query: {
          status: state,
          kind,
          personId: personId ?? undefined,
          limit: String(PAGE_SIZE),
          offset: String((page - 1) * PAGE_SIZE),
        },
      }),
    ),
  );
  const filterPerson = useFilterPerson(personId);
  const [adding, setAdding] = useState(false);
  const [toast, setToast] = useState<Toast | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const toggle = async (task: Task, done: boolean, undoing = false) => {
    setBusyId(task.id);
    setError(null);
    try {
      const saved = await call(
        api.tasks[':id'].$patch({ param: { id: task.id }, json: { done, version: task.version } }),
      );
      const text = done ? `Done: “${task.title}”.` : `Open again: “${task.title}”.`;
      const moves = state !== 'all';
      setToast({
        text: moves && !undoing ? `${text} It moved to ${done ? 'Done' : 'Open'}.` : text,
        ...(undoing ? {} : { undo: { task: { ...task, version: saved.version }, done: !done } }),
      });
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusyId(null);
      tasks.reload();
    }
  };

  const list = tasks.data;
  const filtered = state !== 'open' || kind !== undefined || personId !== null;
  const undo = toast?.undo;
  return (
    <>
      <PageHeader
        title="Tasks"
        subtitle="What you promised, what they promised, and when to report back."
        actions={
          <>
            <ExportCsvLink
              list="tasks"
              filter={{
                personId: personId ?? undefined,
                taskState: state === 'open' ? undefined : state,
                taskKind: kind,
              }}
            />
            <button
              type="button"
              className="button button-primary"
              aria-expanded={adding}
              onClick={() => setAdding((v) => !v)}
            >
              Add task
            </button>
          </>
        }
      />
      {adding && (
        <TaskAddForm
          key={filterPerson.data?.id ?? ''}
          person={filterPerson.data ?? null}
          onCancel={() => setAdding(false)}
          onAdded={(title) => {
            setToast({ text: `Added “${title}”.` });
            tasks.reload();
          }}
        />
      )}
      <div className="list-filters">
        <FilterChips
          legend="Show tasks"
          options={STATES}
          selected={state}
          onSelect={(value) => setFilter('status', value === 'open' ? null : value)}
        />
        <FilterSelect
          label="Type"
          anyLabel="Every type"
          values={TASK_KINDS}
          labels={TASK_KIND_LABELS}
          value={kind}
          onChange={(value) => setFilter('kind', value)}
        />
        <PersonFilter personId={personId} person={filterPerson} onChange={(id) => setFilter('person', id)} />
      </div>
      {toast && (
        <UndoToast
          text={toast.text}
          onUndo={undo ? () => void toggle(undo.task, undo.done, true) : undefined}
          undoDisabled={busyId !== null}
          onClose={() => setToast(null)}
        />
      )}
      {error && <Alert>{error}</Alert>}
      {tasks.error && <Alert>{tasks.error.message}</Alert>}
      {!list && tasks.loading && <Loading what="Loading tasks" />}
      {list && list.total === 0 && !filtered && (
        <EmptyState
          title="Nothing to do yet"
          actions={
            <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
              Add your first task
            </button>
          }
        >
          <p>
            Write down what you promise in a conversation (an article, an introduction), what they offer to do
            for you, and when you will tell them how their advice worked out. Dated tasks also show on Today.
          </p>
        </EmptyState>
      )}
      {list && list.total === 0 && filtered && (
        <p className="muted" role="status">
          {state === 'done' && !kind && !personId
            ? 'Nothing is marked done yet.'
            : 'No task matches these filters.'}
        </p>
      )}
      {list && list.total > 0 && (
        <>
          <p className="muted small" role="status">
            {list.total} {state === 'all' ? '' : `${state} `}
            {list.total === 1 ? 'task' : 'tasks'}
            {shownRange(page, PAGE_SIZE, list.items.length, list.total)}
          </p>
          <ul className="tasks task-list" aria-label="Tasks">
            {list.items.map((t) => (
              <TaskRow
                key={t.id}
                task={t}
                busy={busyId === t.id}
                onToggle={(task, done) => void toggle(task, done)}
                onChanged={tasks.reload}
              />
            ))}
          </ul>
          <Pager page={page} pageSize={PAGE_SIZE} total={list.total} label="Pages of tasks" params={params} />
        </>
      )}
    </>
  );
}
