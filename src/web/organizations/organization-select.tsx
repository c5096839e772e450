import type { Organization } from '../api.js';
import { Field } from '../ui/field.js';
import { NEW_ORGANIZATION } from './organization-choice.js';

interface OrganizationSelectProps {
  organizations: Organization[];
  /** An organization id, '' for none, or NEW_ORGANIZATION. */
  value: string;
  newName: string;
  onChange: (value: string) => void;
  onNewNameChange: (name: string) => void;
  error?: string | undefined;
  newNameError?: string | undefined;
  /** The text of the "no organization" option. */
  noneLabel?: string;
}

/** Picks an organization, or names a new one that is created when the form is saved. */
export function OrganizationSelect(props: OrganizationSelectProps) {
  const { organizations, value, newName, onChange, onNewNameChange } = props;
  return (
    <>
      <Field label="Organization" error={props.error}>
        {(control) => (
          <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{props.noneLabel ?? 'No organization'}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
            <option value={NEW_ORGANIZATION}>+ New organization…</option>
          </select>
        )}
      </Field>
      {value === NEW_ORGANIZATION && (
        <Field
          label="New organization name"
          error={props.newNameError}
          hint="It is added to your organizations when you save."
        >
          {(control) => (
            <input {...control} value={newName} autoFocus onChange={(e) => onNewNameChange(e.target.value)} />
          )}
        </Field>
      )}
    </>
  );
}
