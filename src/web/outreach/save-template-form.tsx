import { type FormEvent, useState } from 'react';
import { api, call, describeError, type Problem, type Template } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import type { OutgoingPurpose } from './compose-helpers.js';

interface SaveTemplateFormProps {
  purpose: OutgoingPurpose;
  subject: string;
  body: string;
  onSaved: (template: Template) => void;
}

/** Keeps the current text as a template of the user's own, for the next message like it. */
export function SaveTemplateForm({ purpose, subject, body, onSaved }: SaveTemplateFormProps) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    setSaved(null);
    try {
      // The purpose is stored as the kind, so the template is suggested for the same purpose later.
      const template = await call(
        api.outreach.templates.$post({ json: { name, kind: purpose, subject, body } }),
      );
      setSaved(`Saved “${template.name}”. It is in the template list now.`);
      setName('');
      onSaved(template);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <details className="save-template">
      <summary>Save as a new template</summary>
      <form onSubmit={submit} noValidate>
        <p className="hint">
          Placeholders such as {'{{firstName}}'} or {'{{interestNarrow}}'} stay blanks to fill next time;
          replace names you typed with them before saving.
        </p>
        {problem && !problem.fieldErrors.name && <Alert>{problem.message}</Alert>}
        {saved && <Notice tone="success">{saved}</Notice>}
        <div className="form-row">
          <Field label="Template name" error={problem?.fieldErrors.name} className="field-grow">
            {(c) => <input {...c} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <button type="submit" className="button" disabled={saving || body.trim() === ''}>
            {saving ? 'Saving…' : 'Save template'}
          </button>
        </div>
      </form>
    </details>
  );
}
