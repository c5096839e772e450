import { useState } from 'react';
import type { MergeField } from '../../domain/templates.js';
import { api, call, describeError, type Template } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { blanksToFill, MERGE_FIELD_LABELS } from '../ui/labels.js';
import { type OutgoingPurpose, templateFields, templateFits } from './compose-helpers.js';

export interface Draft {
  templateId: string;
  subject: string;
  body: string;
}

interface DraftPanelProps {
  templates: Template[];
  purpose: OutgoingPurpose;
  templateId: string;
  onTemplateChange: (id: string) => void;
  fields: Partial<Record<MergeField, string>>;
  onFieldsChange: (fields: Partial<Record<MergeField, string>>) => void;
  personId: string;
  onDrafted: (draft: Draft) => void;
}

const FIELD_HINTS: Partial<Record<MergeField, string>> = {
  interestNarrow: 'e.g. how the learning team decides what to build',
  interestBroad: 'e.g. learning design',
  myBackground: 'e.g. eight years of teaching secondary science',
  school: 'e.g. Riverside University',
  myContact: 'e.g. ana@example.com or +1 555 0100',
};

/** Picks a template, fills its blanks and asks the server for a draft to edit. */
export function DraftPanel(props: DraftPanelProps) {
  const { templates, purpose, templateId, fields, onFieldsChange } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const template = templates.find((t) => t.id === templateId);
  const used = template ? templateFields(template) : [];
  const fitting = templates.filter((t) => templateFits(t, purpose));
  const others = templates.filter((t) => !templateFits(t, purpose));

  const fill = async () => {
    if (!template) return;
    setBusy(true);
    setError(null);
    try {
      const filled = Object.fromEntries(Object.entries(fields).filter(([, v]) => v?.trim()));
      const draft = await call(
        api.outreach.draft.$post({
          json: { templateId: template.id, personId: props.personId || undefined, fields: filled },
        }),
      );
      setMissing(draft.missing);
      props.onDrafted({ templateId: draft.templateId, subject: draft.subject, body: draft.body });
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const option = (t: Template) => (
    <option key={t.id} value={t.id}>
      {t.name}
      {t.builtIn ? '' : ' (yours)'}
    </option>
  );

  return (
    <fieldset className="draft-panel">
      <legend>Start from a template</legend>
      {error && <Alert>{error}</Alert>}
      <Field label="Template">
        {(c) => (
          <select
            {...c}
            value={templateId}
            onChange={(e) => {
              setMissing([]);
              props.onTemplateChange(e.target.value);
            }}
          >
            <option value="">No template — I will write it myself</option>
            {fitting.length > 0 && (
              <optgroup label="Suggested for this purpose">{fitting.map(option)}</optgroup>
            )}
            {others.length > 0 && <optgroup label="Other templates">{others.map(option)}</optgroup>}
          </select>
        )}
      </Field>
      {used.length > 0 && (
        <div className="form-grid">
          {used.map((name) => (
            <Field key={name} label={MERGE_FIELD_LABELS[name]} hint={FIELD_HINTS[name]}>
              {(c) => (
                <input
                  {...c}
                  value={fields[name] ?? ''}
                  onChange={(e) => onFieldsChange({ ...fields, [name]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </div>
      )}
      {template && (
        <div className="form-actions">
          <button type="button" className="button" disabled={busy} onClick={fill}>
            {busy ? 'Drafting…' : 'Fill draft'}
          </button>
          <span className="hint">Replaces the subject and message below with the filled template.</span>
        </div>
      )}
      {missing.length > 0 && (
        <p className="notice notice-warning" role="status">
          {blanksToFill(missing)} Type it in the fields above and draft again, or edit the message directly.
        </p>
      )}
    </fieldset>
  );
}
