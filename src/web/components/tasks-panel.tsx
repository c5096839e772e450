import { type FormEvent, useState } from 'react';
import { TASK_KINDS, type TaskKind } from '../../domain/vocab.js';
import { api, call, describeError, type Problem, type Task } from '../api.js';
import { formatDay } from '../format.js';
import { TASK_KIND_LABELS } from '../labels.js';
import { useLoad } from '../use-load.js';
import { Alert } from './alert.js';
import { ConfirmButton } from './confirm-button.js';
import { Field } from './field.js';
import { Loading } from './loading.js';

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
  const [kind, setKind] = useState<TaskKind>('promise_mine');
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      await call(
        api.tasks.$post({
          json: { kind, title, dueOn: dueOn || null, conversationId, personId: personId ?? null },
        }),
      );
      setTitle('');
      setDueOn('');
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
              <label className="check">
                <input type="checkbox" checked={!!t.doneAt} onChange={(e) => toggle(t, e.target.checked)} />
                <span>{t.title}</span>
              </label>
              <span className="tag">{TASK_KIND_LABELS[t.kind]}</span>
              {t.dueOn && <span className="muted small">due {formatDay(t.dueOn)}</span>}
              <ConfirmButton
                small
                label="Remove"
                question="Remove this task?"
                detail={<p>“{t.title}” is deleted for good.</p>}
                confirmLabel="Remove task"
                busyLabel="Removing…"
                onConfirm={async () => {
                  await call(api.tasks[':id'].$delete({ param: { id: t.id } }));
                  tasks.reload();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <form className="task-form" onSubmit={add} noValidate>
        {problem && !problem.fieldErrors.title && <Alert>{problem.message}</Alert>}
        <div className="form-grid">
          <Field label="Type of task" error={problem?.fieldErrors.kind}>
            {(c) => (
              <select {...c} value={kind} onChange={(e) => setKind(e.target.value as TaskKind)}>
                {TASK_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {TASK_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Task or promise" error={problem?.fieldErrors.title}>
            {(c) => (
              <input
                {...c}
                value={title}
                placeholder="e.g. Send Jonas the article on onboarding"
                onChange={(e) => setTitle(e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Due date"
            error={problem?.fieldErrors.dueOn}
            hint={
              kind === 'report_back'
                ? 'Leave empty to use the report-back interval from Settings.'
                : 'Optional; dated tasks show on Today.'
            }
          >
            {(c) => <input {...c} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? 'Adding…' : 'Add task'}
          </button>
        </div>
      </form>
    </section>
  );
}
