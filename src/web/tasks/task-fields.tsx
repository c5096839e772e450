import { useState } from 'react';
import { localDate } from '../../domain/business-days.js';
import { TASK_KINDS, type TaskKind } from '../../domain/vocab.js';
import { api, call } from '../api.js';
import { Field } from '../ui/field.js';
import { TASK_KIND_LABELS } from '../ui/labels.js';
import { useLoad } from '../ui/use-load.js';
import { useUnsavedChanges } from '../ui/use-unsaved-changes.js';
import { browserTimeZone } from '../ui/zoned-time.js';

export interface TaskValues {
  kind: TaskKind;
  title: string;
  dueOn: string;
}

interface TaskFieldsProps {
  values: TaskValues;
  onChange: (values: TaskValues) => void;
  fieldErrors: Record<string, string>;
  /** Marks the title "required" (the default); the conversation page's short form does not. */
  markTitleRequired?: boolean;
}

/** Kind, title and due date of a task, shared by the forms that add and edit one. */
export function TaskFields({ values, onChange, fieldErrors, markTitleRequired = true }: TaskFieldsProps) {
  // What was typed counts; the kind is one choice, kept by a form that adds several tasks in a row.
  // The forms empty the text once a task is added, or close once it is saved.
  const [opened] = useState(values);
  useUnsavedChanges(values.title !== opened.title || values.dueOn !== opened.dueOn);
  // "Today" on the user's clock as Settings set it, as the server counts overdue tasks.
  const settings = useLoad('settings', () => call(api.settings.$get()));
  const today = localDate(new Date(), settings.data?.timeZone ?? browserTimeZone());
  const passed = /^\d{4}-\d{2}-\d{2}$/.test(values.dueOn) && values.dueOn < today;
  return (
    <div className="form-grid">
      <Field label="Type of task" error={fieldErrors.kind}>
        {(c) => (
          <select
            {...c}
            value={values.kind}
            onChange={(e) => onChange({ ...values, kind: e.target.value as TaskKind })}
          >
            {TASK_KINDS.map((k) => (
              <option key={k} value={k}>
                {TASK_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Task or promise" error={fieldErrors.title} required={markTitleRequired}>
        {(c) => (
          <input
            {...c}
            maxLength={500}
            value={values.title}
            placeholder="e.g. Send Jonas the article on onboarding"
            onChange={(e) => onChange({ ...values, title: e.target.value })}
          />
        )}
      </Field>
      <Field
        label="Due date"
        error={fieldErrors.dueOn}
        hint={
          values.kind === 'report_back'
            ? 'Leave empty to use the report-back interval from Settings.'
            : 'Optional; dated tasks show on Today.'
        }
      >
        {(c) => (
          <input
            {...c}
            type="date"
            value={values.dueOn}
            onChange={(e) => onChange({ ...values, dueOn: e.target.value })}
          />
        )}
      </Field>
      <div aria-live="polite" className="live-warnings">
        {passed && (
          <p className="notice notice-warning">This date has passed; the task will show as overdue.</p>
        )}
      </div>
    </div>
  );
}
