import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call, describeError } from '../api.js';
import type { Opportunity } from '../network/network-api.js';
import type { PickedPerson } from '../people/person-picker.js';
import { PersonSearch } from '../people/person-search.js';
import { Alert } from '../ui/alert.js';

interface FeedbackFormProps {
  rejection: Opportunity;
  /** People linked to the rejection, offered first. */
  suggestions: PickedPerson[];
  onCancel: () => void;
}

/**
 * After a rejection: start a short conversation with the hiring manager (or whoever decided) about
 * what was missing, then go straight to it.
 */
export function FeedbackForm({ rejection, suggestions, onCancel }: FeedbackFormProps) {
  const navigate = useNavigate();
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!person) {
      setError('Choose whom to ask first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const conversation = await call(
        api.opportunities[':id']['feedback-conversation'].$post({
          param: { id: rejection.id },
          json: { personId: person.id },
        }),
      );
      navigate(`/conversations/${conversation.id}`);
    } catch (err) {
      setError(describeError(err).message);
      setBusy(false);
    }
  };

  return (
    <form className="form feedback-form" onSubmit={submit} noValidate aria-label="Ask for feedback">
      <p>
        A no is still worth a conversation. Ask the person who decided, in a short call, which qualifications
        were missing and what would make you a stronger candidate next time. It starts as an idea you can plan
        and send.
      </p>
      {error && <Alert>{error}</Alert>}
      {!person && suggestions.length > 0 && (
        <div className="actions actions-small">
          <span className="muted small">Linked to this result:</span>
          {suggestions.map((s) => (
            <button key={s.id} type="button" className="button button-small" onClick={() => setPerson(s)}>
              Ask {s.fullName}
            </button>
          ))}
        </div>
      )}
      <PersonSearch legend="Whom to ask for feedback?" value={person} onChange={setPerson} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Starting…' : 'Start the feedback conversation'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
