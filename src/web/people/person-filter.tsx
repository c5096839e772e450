import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../api.js';
import { type Loaded, useLoad } from '../ui/use-load.js';
import type { PickedPerson } from './person-picker.js';
import { PersonSearch } from './person-search.js';

/** The person a list is narrowed to (from the address), loaded for their name. */
export function useFilterPerson(personId: string | null): Loaded<PickedPerson | null> {
  return useLoad(`filter-person:${personId ?? ''}`, async () => {
    if (!personId) return null;
    const p = await call(api.people[':id'].$get({ param: { id: personId } }));
    return { id: p.id, fullName: p.fullName };
  });
}

interface PersonFilterProps {
  /** The person the list is narrowed to, if any. */
  personId: string | null;
  /** Their name, from useFilterPerson. */
  person: Loaded<PickedPerson | null>;
  onChange: (personId: string | null) => void;
}

/** Narrows a list to one person: shows who is chosen, or a search to choose someone. */
export function PersonFilter({ personId, person, onChange }: PersonFilterProps) {
  const [choosing, setChoosing] = useState(false);

  if (personId) {
    return (
      <div className="person-filter">
        <span>
          Only{' '}
          {person.data ? (
            <Link to={`/people/${personId}`} className="strong">
              {person.data.fullName}
            </Link>
          ) : person.error ? (
            'a person who is no longer here'
          ) : (
            'one person'
          )}
        </span>
        <button type="button" className="button button-small button-quiet" onClick={() => onChange(null)}>
          Show everyone
        </button>
      </div>
    );
  }
  if (!choosing) {
    return (
      <div className="person-filter">
        <button type="button" className="button button-small" onClick={() => setChoosing(true)}>
          Show one person only…
        </button>
      </div>
    );
  }
  return (
    <div className="person-filter person-filter-open">
      <PersonSearch
        legend="Show one person only"
        value={null}
        onChange={(p) => {
          setChoosing(false);
          if (p) onChange(p.id);
        }}
      />
      <button type="button" className="button button-small button-quiet" onClick={() => setChoosing(false)}>
        Cancel
      </button>
    </div>
  );
}
