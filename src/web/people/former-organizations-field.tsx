import { useId } from 'react';
import type { Organization } from '../api.js';

interface FormerOrganizationsFieldProps {
  organizations: Organization[];
  /** Ids of the organizations chosen so far. */
  value: string[];
  onChange: (ids: string[]) => void;
  /** Their current organization, which is not offered as a former one. */
  currentId?: string;
  error?: string | undefined;
}

/**
 * Where someone used to work: pick organizations one at a time from a list; each choice shows as a
 * chip that can be removed. People who left a target employer can still tell you how it works.
 */
export function FormerOrganizationsField(props: FormerOrganizationsFieldProps) {
  const { organizations, value, onChange, currentId, error } = props;
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const available = organizations.filter((o) => !value.includes(o.id) && o.id !== currentId);

  return (
    <div className={`field former-orgs${error ? ' field-invalid' : ''}`}>
      <div className="label-row">
        <label htmlFor={id}>Former organizations</label>
      </div>
      {value.length > 0 && (
        <ul className="chips" aria-label="Former organizations chosen">
          {value.map((orgId) => (
            <li key={orgId} className="chip">
              {names.get(orgId) ?? 'An organization'}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${names.get(orgId) ?? 'this organization'}`}
                onClick={() => onChange(value.filter((v) => v !== orgId))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <select
        id={id}
        value=""
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId : '', hintId].filter(Boolean).join(' ')}
        onChange={(e) => {
          if (e.target.value) onChange([...value, e.target.value]);
        }}
      >
        <option value="">
          {available.length ? 'Add an organization…' : 'No other organizations to add'}
        </option>
        {available.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="field-error">
          Former organizations: {error}
        </p>
      )}
      <p id={hintId} className="hint">
        Places they used to work. Someone who left a company you are looking at can still open a door there.
      </p>
    </div>
  );
}
