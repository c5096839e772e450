import type { FormEvent } from 'react';
import { Field } from '../ui/field.js';

export interface OrganizationFormValues {
  name: string;
  website: string;
  industry: string;
  location: string;
  notes: string;
}

interface OrganizationFormProps {
  values: OrganizationFormValues;
  onChange: (values: OrganizationFormValues) => void;
  onSubmit: () => void;
  onCancel: () => void;
  fieldErrors: Record<string, string>;
  saving: boolean;
  submitLabel: string;
}

/** The fields of an organization, each error shown under its field. */
export function OrganizationForm({ values, onChange, fieldErrors: errors, ...props }: OrganizationFormProps) {
  const text = (key: keyof OrganizationFormValues) => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => onChange({ ...values, [key]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field label="Name" required error={errors.name}>
        {(c) => <input {...c} autoComplete="off" autoFocus maxLength={200} {...text('name')} />}
      </Field>
      <div className="form-grid">
        <Field label="Website" error={errors.website}>
          {(c) => <input {...c} type="url" placeholder="https://…" maxLength={2000} {...text('website')} />}
        </Field>
        <Field label="Industry" error={errors.industry}>
          {(c) => (
            <input {...c} placeholder="e.g. Education technology" maxLength={200} {...text('industry')} />
          )}
        </Field>
        <Field label="Location" error={errors.location}>
          {(c) => <input {...c} placeholder="City, region or Remote" maxLength={200} {...text('location')} />}
        </Field>
      </div>
      <Field
        label="About"
        error={errors.notes}
        hint="What they do, why they interest you, news worth mentioning. Markdown works."
      >
        {(c) => <textarea {...c} rows={5} maxLength={50000} {...text('notes')} />}
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
