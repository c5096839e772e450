import { useState } from 'react';
import type { PickedPerson } from '../people/person-picker.js';
import { CreditedResults } from '../results/credited-results.js';
import { PersonIntroductions } from './person-introductions.js';

/**
 * The network cards of a person's page: their introductions and the results credited to them.
 * Credits follow introductions, so a change to one reloads the other.
 */
export function PersonNetwork({ person, onChanged }: { person: PickedPerson; onChanged?: () => void }) {
  const [version, setVersion] = useState(0);
  return (
    <>
      <PersonIntroductions
        person={person}
        onChanged={() => {
          setVersion((v) => v + 1);
          onChanged?.();
        }}
      />
      <CreditedResults person={person} refreshKey={version} />
    </>
  );
}
