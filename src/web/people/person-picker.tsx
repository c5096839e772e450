import { useId, useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../api.js';
import { Alert } from '../ui/alert.js';
import { useLoad } from '../ui/use-load.js';

export interface PickedPerson {
  id: string;
  fullName: string;
}

interface PersonPickerProps {
  selected: PickedPerson[];
  onChange: (selected: PickedPerson[]) => void;
  error?: string | undefined;
}

/** Chooses one or more people: search, tick the boxes, and see who is chosen above the list. */
export function PersonPicker({ selected, onChange, error }: PersonPickerProps) {
  const searchId = useId();
  const errorId = useId();
  const [q, setQ] = useState('');
  const results = useLoad(`picker:${q}`, () =>
    call(api.people.$get({ query: { q: q.trim() || undefined, limit: '30' } })),
  );
  const isSelected = (id: string) => selected.some((p) => p.id === id);
  const toggle = (person: PickedPerson) =>
    onChange(isSelected(person.id) ? selected.filter((p) => p.id !== person.id) : [...selected, person]);

  return (
    <fieldset
      className={`person-picker${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        People to talk to <span className="required">required</span>
      </legend>
      {selected.length > 0 ? (
        <ul className="chips" aria-label="Chosen people">
          {selected.map((p) => (
            <li key={p.id} className="chip">
              {p.fullName}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${p.fullName}`}
                onClick={() => toggle(p)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">
          Nobody chosen yet. One person is typical; add more for a group conversation.
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={searchId}>Find people</label>
        <input
          id={searchId}
          type="search"
          value={q}
          autoComplete="off"
          placeholder="Name, title or organization"
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      {results.error && <Alert>{results.error.message}</Alert>}
      {results.data && results.data.items.length === 0 && (
        <p className="muted small">
          {q ? `Nobody matches “${q}”.` : 'There is nobody in your workspace yet.'}{' '}
          <Link to="/people/new">Add a person</Link> first.
        </p>
      )}
      {results.data && results.data.items.length > 0 && (
        <ul className="picker-results">
          {results.data.items.map((p) => (
            <li key={p.id} className="picker-item">
              <label className="check">
                <input
                  type="checkbox"
                  checked={isSelected(p.id)}
                  onChange={() => toggle({ id: p.id, fullName: p.fullName })}
                />
                <span>{p.fullName}</span>
                {(p.title || p.organizationName) && (
                  <span className="muted small" aria-hidden="true">
                    {[p.title, p.organizationName].filter(Boolean).join(' · ')}
                  </span>
                )}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
