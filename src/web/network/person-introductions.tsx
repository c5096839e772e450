import { useState } from 'react';
import { api, call } from '../api.js';
import type { PickedPerson } from '../people/person-picker.js';
import { Alert } from '../ui/alert.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';
import { IntroductionChain } from './introduction-chain.js';
import { IntroductionForm } from './introduction-form.js';
import { IntroductionItem } from './introduction-item.js';

interface PersonIntroductionsProps {
  person: PickedPerson;
  /** Called after an introduction was added, moved on or removed. */
  onChanged?: () => void;
}

/** A person's place in the network: how they reached you, who introduced them, whom they introduced. */
export function PersonIntroductions({ person, onChanged }: PersonIntroductionsProps) {
  const [attempt, setAttempt] = useState(0);
  const [adding, setAdding] = useState(false);
  const key = `${person.id}:${attempt}`;
  const chain = useLoad(`chain:${key}`, () =>
    call(api.network.chain[':id'].$get({ param: { id: person.id } })),
  );
  const intros = useLoad(`introductions:${key}`, () =>
    call(api.network.introductions.$get({ query: { personId: person.id } })),
  );
  const changed = () => {
    setAttempt((n) => n + 1);
    onChanged?.();
  };
  const to = intros.data?.filter((i) => i.introducedId === person.id) ?? [];
  const by = intros.data?.filter((i) => i.introducerId === person.id) ?? [];

  return (
    <section className="card" aria-labelledby="introductions-heading">
      <h2 id="introductions-heading">Introductions</h2>
      {chain.error && <Alert>{chain.error.message}</Alert>}
      {chain.data && <IntroductionChain chain={chain.data} personId={person.id} />}
      {intros.error && <Alert>{intros.error.message}</Alert>}
      {!intros.data && intros.loading && <Loading what="Loading introductions" />}
      {intros.data && (
        <div className="intro-lists">
          <div>
            <h3 id="introduced-by-heading">Introduced by</h3>
            {to.length === 0 ? (
              <p className="muted small">Nobody on record.</p>
            ) : (
              <ul className="intro-list" aria-labelledby="introduced-by-heading">
                {to.map((i) => (
                  <IntroductionItem key={i.id} introduction={i} personId={person.id} onChanged={changed} />
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 id="introduced-others-heading">They introduced</h3>
            {by.length === 0 ? (
              <p className="muted small">
                Nobody yet. When {person.fullName} puts you in touch with someone, record it here so the
                results that follow are credited to them too.
              </p>
            ) : (
              <ul className="intro-list" aria-labelledby="introduced-others-heading">
                {by.map((i) => (
                  <IntroductionItem key={i.id} introduction={i} personId={person.id} onChanged={changed} />
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      {adding ? (
        <IntroductionForm
          person={person}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            changed();
          }}
        />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add introduction
        </button>
      )}
    </section>
  );
}
