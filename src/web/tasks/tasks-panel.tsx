import { type FormEvent, useState } from 'react';
import { isCoaching } from '../accounts/coach-workspace.js';
import { api, call, describeError, type Problem, type Task } from '../api.js';
import { Alert } from '../ui/alert.js';
import { formatDay } from '../ui/format.js';
import { TASK_KIND_LABELS } from '../ui/labels.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';
import { TaskFields, type TaskValues } from './task-fields.js';
import { TaskCheckbox, TaskDeleteButton } from './task-row.js';
import { TaskSuggestion } from './task-suggestion.js';

interface TasksPanelProps {
  conversationId: string;
  /** The person a new task is about, when the conversation has just one. */
  personId?: string | null;
}

/** Promises made in a conversation — mine and theirs — and other tasks, with a box to tick each off. */
export function TasksPanel({ conversationId, personId }: TasksPanelProps) {
  const tasks = useLoad(`tasks:${conversationId}`, () =>
    call(api.tasks.$get({ query: { conversationId, includeDone: 'true' } })),
  );
  const [values, setValues] = useState<TaskValues>({ kind: 'promise_mine', title: '', dueOn: '' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const coaching = isCoaching();

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const json = {
        kind: values.kind,
        title: values.title,
        dueOn: values.dueOn || null,
        conversationId,
        personId: personId ?? null,
      };
      // A coach suggests; the owner adds.
      await call(coaching ? api.tasks.suggestions.$post({ json }) : api.tasks.$post({ json }));
      // The type stays, for the next promise of the same kind.
      setValues((v) => ({ ...v, title: '', dueOn: '' }));
      tasks.reload();
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  const toggle = async (t: Task, done: boolean) => {
    setError(null);
    try {
      await call(api.tasks[':id'].$patch({ param: { id: t.id }, json: { done, version: t.version } }));
    } catch (err) {
      setError(describeError(err).message);
    }
    tasks.reload();
  };

  const list = tasks.data;
  return (
    <section className="card" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Promises and tasks</h2>
      {error && <Alert>{error}</Alert>}
      {tasks.error && <Alert>{tasks.error.message}</Alert>}
      {!list && tasks.loading && <Loading what="Loading tasks" />}
      {list && list.length === 0 && (
        <p className="muted">
          Nothing yet. Write down what you promised (a link, an introduction) and what they offered, so
          nothing slips.
        </p>
      )}
      {list && list.length > 0 && (
        <ul className="tasks" aria-label="Promises and tasks">
          {list.map((t) => (
            <li key={t.id} className={t.doneAt ? 'task task-done' : 'task'}>
              <TaskCheckbox task={t} disabled={coaching} onToggle={toggle} />
              <span className="tag">{TASK_KIND_LABELS[t.kind]}</span>
              {t.dueOn && <span className="muted small">due {formatDay(t.dueOn)}</span>}
              <TaskSuggestion task={t} onChanged={tasks.reload} />
              {!coaching && <TaskDeleteButton task={t} verb="Remove" onDeleted={tasks.reload} />}
            </li>
          ))}
        </ul>
      )}
      <form className="task-form" onSubmit={add} noValidate>
        {problem && !problem.fieldErrors.title && <Alert>{problem.message}</Alert>}
        <TaskFields
          values={values}
          onChange={setValues}
          fieldErrors={problem?.fieldErrors ?? {}}
          markTitleRequired={false}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {coaching ? (saving ? 'Suggesting…' : 'Suggest task') : saving ? 'Adding…' : 'Add task'}
          </button>
        </div>
      </form>
    </section>
  );
}
