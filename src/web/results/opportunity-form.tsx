import type { FormEvent } from 'react';
import { OPPORTUNITY_KIND_LABELS, OPPORTUNITY_KINDS, type OpportunityKind } from '../../domain/vocab.js';
import type { Organization } from '../api.js';
import { OrganizationSelect } from '../organizations/organization-select.js';
import { Field } from '../ui/field.js';
import type { OpportunityFormValues } from './opportunity-form-values.js';
import { SourcePicker } from './source-picker.js';

interface OpportunityFormProps {
  values: OpportunityFormValues;
  onChange: (values: OpportunityFormValues) => void;
  onSubmit: () => void;
  onCancel: () => void;
  organizations: Organization[];
  fieldErrors: Record<string, string>;
  saving: boolean;
  submitLabel: string;
  /** Names the form for assistive technology, e.g. "Record a result". */
  label: string;
}

const KIND_HINTS: Record<OpportunityKind, string> = {
  unadvertised_opening: 'A role you heard about before (or without) a posting.',
  referral: 'Someone passed your name on for a role.',
  application: 'You applied, helped by what you learned or by whom you met.',
  job_interview: 'A real job interview came of it.',
  offer: 'You were offered the job.',
  rejection: 'A no. Asking the hiring manager what was missing is worth a short call.',
};

/** The fields of an opportunity: what kind, what it is, where, when, and where it came from. */
export function OpportunityForm(props: OpportunityFormProps) {
  const { values, onChange, fieldErrors: errors } = props;
  const set =
    <K extends keyof OpportunityFormValues>(key: K) =>
    (value: OpportunityFormValues[K]) =>
      onChange({ ...values, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <form className="form opportunity-form" onSubmit={submit} noValidate aria-label={props.label}>
      <div className="form-grid">
        <Field label="Kind" required error={errors.kind} hint={KIND_HINTS[values.kind]}>
          {(c) => (
            <select
              {...c}
              value={values.kind}
              onChange={(e) => set('kind')(e.target.value as OpportunityKind)}
            >
              {OPPORTUNITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {OPPORTUNITY_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Date" required error={errors.occurredOn}>
          {(c) => (
            <input
              {...c}
              type="date"
              value={values.occurredOn}
              onChange={(e) => set('occurredOn')(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        label="Title"
        required
        error={errors.title}
        hint="e.g. Product designer role, or the team and role."
      >
        {(c) => (
          <input {...c} value={values.title} maxLength={300} onChange={(e) => set('title')(e.target.value)} />
        )}
      </Field>
      <OrganizationSelect
        organizations={props.organizations}
        value={values.organizationChoice}
        newName={values.newOrganizationName}
        onChange={set('organizationChoice')}
        onNewNameChange={set('newOrganizationName')}
        error={errors.organizationId}
        newNameError={errors.newOrganizationName}
      />
      <SourcePicker value={values.sources} onChange={set('sources')} error={errors.sources} />
      <Field label="Notes" error={errors.notes} hint="Anything worth remembering: who to thank, next steps.">
        {(c) => (
          <textarea {...c} rows={3} value={values.notes} onChange={(e) => set('notes')(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={props.saving}>
          {props.saving ? 'Saving…' : props.submitLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
