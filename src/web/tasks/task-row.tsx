import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, call, type Task } from '../api.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatDay } from '../ui/format.js';
import { TASK_KIND_LABELS } from '../ui/labels.js';
import { StaleNotice } from '../ui/stale-notice.js';
import { useVersionedSave } from '../ui/use-versioned-save.js';
import { TaskFields, type TaskValues } from './task-fields.js';
import { TaskSuggestion } from './task-suggestion.js';

interface TaskRowProps {
  task: Task;
  /** Ticks the task off, or opens it again. */
  onToggle: (task: Task, done: boolean) => void;
  /** The task was edited or deleted: load the list again. */
  onChanged: () => void;
  busy?: boolean;
}

function DueDate({ task }: { task: Task }) {
  if (!task.dueOn) return <span className="muted">No date</span>;
  return (
    <span className="task-due">
      {task.overdue && <span className="tag tag-overdue">Overdue</span>}
      {task.dueToday && <span className="tag tag-due-today">Due today</span>}
      <span className={task.overdue || task.dueToday ? undefined : 'muted'}>due {formatDay(task.dueOn)}</span>
    </span>
  );
}

/** The task's title as the label of the box that ticks it off. */
export function TaskCheckbox({
  task,
  disabled,
  onToggle,
}: {
  task: Task;
  disabled?: boolean | undefined;
  onToggle: (task: Task, done: boolean) => void;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={!!task.doneAt}
        disabled={disabled}
        onChange={(e) => onToggle(task, e.target.checked)}
      />
      <span>{task.title}</span>
    </label>
  );
}

const DELETING: Record<'Delete' | 'Remove', string> = { Delete: 'Deleting…', Remove: 'Removing…' };

/** Deletes a task for good after asking; `verb` is the word the list uses for it. */
export function TaskDeleteButton({
  task,
  verb,
  onDeleted,
}: {
  task: Task;
  verb: 'Delete' | 'Remove';
  onDeleted: () => void;
}) {
  return (
    <ConfirmButton
      small
      label={verb}
      question={`${verb} this task?`}
      detail={<p>“{task.title}” is deleted for good.</p>}
      confirmLabel={`${verb} task`}
      busyLabel={DELETING[verb]}
      onConfirm={async () => {
        await call(api.tasks[':id'].$delete({ param: { id: task.id } }));
        onDeleted();
      }}
    />
  );
}

/** Edits the title, kind and due date of a task where it stands in the list. */
function TaskEditForm({ task, onDone }: { task: Task; onDone: (saved: boolean) => void }) {
  const [values, setValues] = useState<TaskValues>({
    kind: task.kind,
    title: task.title,
    dueOn: task.dueOn ?? '',
  });
  const { saving, problem, stale, save } = useVersionedSave(async (overwrite) => {
    await call(
      api.tasks[':id'].$patch({
        param: { id: task.id },
        json: {
          kind: values.kind,
          title: values.title,
          dueOn: values.dueOn || null,
          version: overwrite ? undefined : task.version,
        },
      }),
    );
    onDone(true);
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  const fieldErrors = problem?.fieldErrors ?? {};
  return (
    <form className="task-edit-form" onSubmit={submit} noValidate aria-label={`Edit “${task.title}”`}>
      {stale && (
        <StaleNotice
          message={stale}
          busy={saving}
          onReload={() => onDone(true)}
          onOverwrite={() => save(true)}
        />
      )}
      {problem && Object.keys(fieldErrors).length === 0 && <Alert>{problem.message}</Alert>}
      <TaskFields values={values} onChange={setValues} fieldErrors={fieldErrors} />
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small" disabled={saving}>
          {saving ? 'Saving…' : 'Save task'}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** One task in the list of every task: tick it off, see whom it concerns, edit or delete it. */
export function TaskRow({ task, onToggle, onChanged, busy }: TaskRowProps) {
  const [editing, setEditing] = useState(false);
  const classes = ['task', 'task-row', task.doneAt ? 'task-done' : '', task.overdue ? 'task-overdue' : ''];
  return (
    <li className={classes.filter(Boolean).join(' ')}>
      <div className="task-main">
        <TaskCheckbox task={task} disabled={busy} onToggle={onToggle} />
        <div className="task-meta small">
          <span className="tag">{TASK_KIND_LABELS[task.kind]}</span>
          <DueDate task={task} />
          {task.personId && <Link to={`/people/${task.personId}`}>{task.personName}</Link>}
          {task.conversationId && (
            <Link to={`/conversations/${task.conversationId}`}>{task.conversationTitle}</Link>
          )}
          <TaskSuggestion task={task} onChanged={onChanged} />
        </div>
      </div>
      <span className="actions actions-small">
        <button
          type="button"
          className="button button-small button-quiet"
          aria-expanded={editing}
          aria-label={`Edit “${task.title}”`}
          onClick={() => setEditing((v) => !v)}
        >
          Edit
        </button>
        <TaskDeleteButton task={task} verb="Delete" onDeleted={onChanged} />
      </span>
      {editing && (
        <TaskEditForm
          task={task}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onChanged();
          }}
        />
      )}
    </li>
  );
}
