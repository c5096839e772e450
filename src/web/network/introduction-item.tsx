import { useState } from 'react';
import { Link } from 'react-router';
import { INTRODUCTION_STATES } from '../../domain/vocab.js';
import { api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatDay } from '../ui/format.js';
import type { Introduction } from './network-api.js';
import { INTRODUCTION_STATE_LABELS, nextIntroductionState } from './network-labels.js';

interface IntroductionItemProps {
  introduction: Introduction;
  /** The person whose page this is; the item names the other one. */
  personId: string;
  onChanged: () => void;
}

/** One introduction: who, where it stands (asked → introduced → met → thanked), and the next step. */
export function IntroductionItem({ introduction: i, personId, onChanged }: IntroductionItemProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const theyIntroduced = i.introducerId === personId;
  const other = theyIntroduced
    ? { id: i.introducedId, fullName: i.introducedName }
    : { id: i.introducerId, fullName: i.introducerName };
  const next = nextIntroductionState(i.state);

  const moveOn = async () => {
    if (!next) return;
    setBusy(true);
    setError(null);
    try {
      await call(api.network.introductions[':id'].$patch({ param: { id: i.id }, json: { state: next } }));
      onChanged();
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="intro-item">
      <div className="intro-item-head">
        <Link to={`/people/${other.id}`} className="strong-link">
          {other.fullName}
        </Link>
        <ol className="intro-steps" aria-label={`Stage: ${INTRODUCTION_STATE_LABELS[i.state]}`}>
          {INTRODUCTION_STATES.map((s) => (
            <li
              key={s}
              aria-current={s === i.state ? 'step' : undefined}
              className={
                INTRODUCTION_STATES.indexOf(s) <= INTRODUCTION_STATES.indexOf(i.state)
                  ? 'intro-step-done'
                  : undefined
              }
            >
              {INTRODUCTION_STATE_LABELS[s]}
            </li>
          ))}
        </ol>
      </div>
      <p className="muted small intro-item-meta">
        {i.introducedOn && formatDay(i.introducedOn)}
        {i.viaConversationId && (
          <>
            {i.introducedOn && ' · '}
            <Link to={`/conversations/${i.viaConversationId}`}>came up in a conversation</Link>
          </>
        )}
        {i.note && (
          <>
            {(i.introducedOn || i.viaConversationId) && ' · '}
            {i.note}
          </>
        )}
      </p>
      {error && <Alert>{error}</Alert>}
      <div className="actions actions-small">
        {next && (
          <button type="button" className="button button-small" disabled={busy} onClick={moveOn}>
            {busy ? 'Saving…' : `Mark as ${INTRODUCTION_STATE_LABELS[next].toLowerCase()}`}
          </button>
        )}
        <ConfirmButton
          small
          label="Remove"
          question={`Remove the introduction of ${i.introducedName} by ${i.introducerName}?`}
          detail={
            <p>
              Results that came through {i.introducedName} will no longer count for {i.introducerName}. Both
              people stay in your list.
            </p>
          }
          confirmLabel="Remove introduction"
          busyLabel="Removing…"
          onConfirm={async () => {
            await call(api.network.introductions[':id'].$delete({ param: { id: i.id } }));
            onChanged();
          }}
        />
      </div>
    </li>
  );
}
