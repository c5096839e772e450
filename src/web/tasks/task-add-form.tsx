import { type FormEvent, useState } from 'react';
import { api, call, describeError, type Problem } from '../api.js';
import type { PickedPerson } from '../people/person-picker.js';
import { PersonSearch } from '../people/person-search.js';
import { Alert } from '../ui/alert.js';
import { useFocusFirstInvalid } from '../ui/use-focus-invalid.js';
import { TaskFields, type TaskValues } from './task-fields.js';

interface TaskAddFormProps {
  /** Who a new task is about at first, e.g. the person the list is narrowed to. */
  person: PickedPerson | null;
  onAdded: (title: string) => void;
  onCancel: () => void;
}

const EMPTY: TaskValues = { kind: 'promise_mine', title: '', dueOn: '' };

/** Adds a task, a promise or a report-back, about someone or about nobody in particular. */
export function TaskAddForm({ person: initialPerson, onAdded, onCancel }: TaskAddFormProps) {
  const [values, setValues] = useState(EMPTY);
  const [person, setPerson] = useState<PickedPerson | null>(initialPerson);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  useFocusFirstInvalid(problem);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const task = await call(
        api.tasks.$post({
          json: {
            kind: values.kind,
            title: values.title,
            dueOn: values.dueOn || null,
            personId: person?.id ?? null,
          },
        }),
      );
      setValues(EMPTY);
      onAdded(task.title);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  const fieldErrors = problem?.fieldErrors ?? {};
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return (
    <form className="card task-form task-add-form" onSubmit={add} noValidate aria-label="Add a task">
      <h2>Add a task</h2>
      {problem && !hasFieldErrors && <Alert>{problem.message}</Alert>}
      <TaskFields values={values} onChange={setValues} fieldErrors={fieldErrors} />
      <PersonSearch
        legend="About whom (optional)"
        value={person}
        onChange={setPerson}
        error={fieldErrors.personId}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add task'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
