import { type FormEvent, useId, useState } from 'react';
import { INTRODUCTION_STATES, type IntroductionState } from '../../domain/vocab.js';
import { api, bannerMessage, call, describeError, type Problem } from '../api.js';
import type { PickedPerson } from '../people/person-picker.js';
import { PersonSearch } from '../people/person-search.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { useLoad } from '../ui/use-load.js';
import { INTRODUCTION_STATE_HINTS, INTRODUCTION_STATE_LABELS, todayIso } from './network-labels.js';

type Direction = 'to' | 'by';

interface IntroductionFormProps {
  person: PickedPerson;
  onSaved: () => void;
  onCancel: () => void;
}

/** Records an introduction to or by one person: who, in which conversation, and how far it got. */
export function IntroductionForm({ person, onSaved, onCancel }: IntroductionFormProps) {
  const directionName = useId();
  const [direction, setDirection] = useState<Direction>('to');
  const [other, setOther] = useState<PickedPerson | null>(null);
  // Someone not in the workspace yet, added with the introduction.
  const [newName, setNewName] = useState<string | null>(null);
  const [via, setVia] = useState('');
  const [state, setState] = useState<IntroductionState>('made');
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const introducer = direction === 'to' ? other : person;
  // The introduction usually comes up in a conversation with the person who makes it.
  const conversations = useLoad(`intro-conversations:${introducer?.id ?? ''}`, () =>
    introducer
      ? call(api.conversations.$get({ query: { personId: introducer.id, limit: '100' } }))
      : Promise.resolve(null),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!other && !newName) {
      setProblem({
        status: 0,
        code: 'validation',
        message: 'Choose the other person first.',
        fieldErrors: { other: 'Choose a person from the list, or type a name to add someone new.' },
      });
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      await call(
        api.network.introductions.$post({
          json: {
            // The new person takes the place of the id left out.
            introducerId: direction === 'to' ? other?.id : person.id,
            introducedId: direction === 'to' ? person.id : other?.id,
            newPerson: other ? null : { fullName: newName ?? '' },
            viaConversationId: via || null,
            state,
            introducedOn: date || null,
            note: note.trim() || null,
          },
        }),
      );
      onSaved();
    } catch (err) {
      setProblem(describeError(err));
      setSaving(false);
    }
  };

  const errors = problem?.fieldErrors ?? {};
  const personError = errors.other ?? errors.newPerson ?? errors.introducerId ?? errors.introducedId;
  const banner = bannerMessage(problem, [
    'other',
    'newPerson',
    'introducerId',
    'introducedId',
    'viaConversationId',
    'state',
    'introducedOn',
    'note',
  ]);
  return (
    <form className="form introduction-form" onSubmit={submit} noValidate aria-label="Add introduction">
      {banner && <Alert>{banner}</Alert>}
      <fieldset className="choice-row">
        <legend>Which way</legend>
        <label className="check">
          <input
            type="radio"
            name={directionName}
            checked={direction === 'to'}
            onChange={() => setDirection('to')}
          />
          Someone introduced {person.fullName}
        </label>
        <label className="check">
          <input
            type="radio"
            name={directionName}
            checked={direction === 'by'}
            onChange={() => setDirection('by')}
          />
          {person.fullName} introduced someone
        </label>
      </fieldset>
      <PersonSearch
        legend={
          direction === 'to' ? `Who introduced ${person.fullName}?` : `Whom did ${person.fullName} introduce?`
        }
        value={other}
        onChange={(p) => {
          setOther(p);
          setNewName(null);
          setVia('');
        }}
        newPerson={{
          name: newName,
          onChange: (name) => {
            setNewName(name);
            setOther(null);
            setVia('');
          },
        }}
        excludeIds={[person.id]}
        error={personError}
      />
      <div className="form-grid">
        <Field
          label="In which conversation"
          error={errors.viaConversationId}
          hint={
            introducer
              ? undefined
              : newName
                ? `${newName} is new, so there are no conversations with them yet.`
                : 'Choose the person first to see their conversations.'
          }
        >
          {(c) => (
            <select {...c} value={via} onChange={(e) => setVia(e.target.value)}>
              <option value="">Outside any conversation</option>
              {conversations.data?.items.map((conv) => (
                <option key={conv.id} value={conv.id}>
                  {conv.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Stage" error={errors.state} hint={INTRODUCTION_STATE_HINTS[state]}>
          {(c) => (
            <select {...c} value={state} onChange={(e) => setState(e.target.value as IntroductionState)}>
              {INTRODUCTION_STATES.map((s) => (
                <option key={s} value={s}>
                  {INTRODUCTION_STATE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Date" error={errors.introducedOn}>
          {(c) => <input {...c} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
      </div>
      <Field label="Note (optional)" error={errors.note} hint="e.g. what they said about the person, or why.">
        {(c) => <input {...c} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save introduction'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
