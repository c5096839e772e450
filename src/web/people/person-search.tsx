import { useEffect, useId, useRef, useState } from 'react';
import { api, call } from '../api.js';
import { Alert } from '../ui/alert.js';
import { useLoad } from '../ui/use-load.js';
import type { PickedPerson } from './person-picker.js';

interface PersonSearchProps {
  /** The question the group answers, e.g. "Who introduced Maya?". */
  legend: string;
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  /** People who cannot be chosen, e.g. the person whose page this is. */
  excludeIds?: readonly string[];
  error?: string | undefined;
  /**
   * Offers to add the name typed as someone new, created when the form is saved: `name` is the
   * new person's name once chosen (and then no listed person is), `onChange` sets or clears it.
   */
  newPerson?: { name: string | null; onChange: (name: string | null) => void };
}

/** Chooses one person: type part of a name, then pick from the matches or add them as someone new. */
export function PersonSearch({
  legend,
  value,
  onChange,
  excludeIds = [],
  error,
  newPerson,
}: PersonSearchProps) {
  const searchId = useId();
  const errorId = useId();
  const [q, setQ] = useState('');
  const results = useLoad(`person-search:${q}`, () =>
    call(api.people.$get({ query: { q: q.trim() || undefined, limit: '8' } })),
  );
  const matches = results.data?.items.filter((p) => !excludeIds.includes(p.id)) ?? [];
  const typedName = q.trim().replace(/\s+/g, ' ').slice(0, 200);
  const chosenName = value?.fullName ?? newPerson?.name ?? null;
  const changeButton = useRef<HTMLButtonElement>(null);
  const picked = useRef(false);
  // The chosen radio disappears once picked, so focus moves to the button that undoes the choice.
  useEffect(() => {
    if (chosenName && picked.current) changeButton.current?.focus();
    picked.current = false;
  }, [chosenName]);

  return (
    <fieldset
      className={`person-search${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      {chosenName ? (
        <p className="person-search-chosen">
          <strong>{chosenName}</strong>{' '}
          {!value && <span className="muted small">(new: added when you save)</span>}{' '}
          <button
            ref={changeButton}
            type="button"
            className="button button-small button-quiet"
            onClick={() => (value ? onChange(null) : newPerson?.onChange(null))}
          >
            Choose someone else
          </button>
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={searchId}>Find a person</label>
            <input
              id={searchId}
              type="search"
              value={q}
              autoComplete="off"
              placeholder="Part of a name, title or organization"
              onChange={(e) => setQ(e.target.value)}
            />
          </div>
          {results.error && <Alert>{results.error.message}</Alert>}
          {results.data && matches.length === 0 && (
            <p className="muted small">
              {q ? `Nobody matches “${q}”.` : 'Nobody else is in your workspace yet.'}
              {newPerson && !typedName && ' Type their name to add them.'}
            </p>
          )}
          {matches.length > 0 && (
            <ul className="picker-results">
              {matches.map((p) => (
                <li key={p.id} className="picker-item">
                  <label className="check">
                    <input
                      type="radio"
                      name={searchId}
                      checked={false}
                      onChange={() => {
                        picked.current = true;
                        onChange({ id: p.id, fullName: p.fullName });
                      }}
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
          {newPerson && typedName && (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                picked.current = true;
                newPerson.onChange(typedName);
              }}
            >
              Add “{typedName}” as a new person
            </button>
          )}
        </>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
