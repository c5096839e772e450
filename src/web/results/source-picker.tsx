import { useId, useState } from 'react';
import { api, call } from '../api.js';
import { Alert } from '../ui/alert.js';
import { useLoad } from '../ui/use-load.js';
import { type PickedSource, sourceKey } from './opportunity-form-values.js';

interface SourcePickerProps {
  value: PickedSource[];
  onChange: (sources: PickedSource[]) => void;
  error?: string | undefined;
}

interface Option {
  source: PickedSource;
  detail: string;
}

function SearchList({
  label,
  placeholder,
  options,
  error,
  q,
  onQ,
  isChosen,
  onToggle,
}: {
  label: string;
  placeholder: string;
  options: Option[] | undefined;
  error: string | undefined;
  q: string;
  onQ: (q: string) => void;
  isChosen: (s: PickedSource) => boolean;
  onToggle: (s: PickedSource) => void;
}) {
  const id = useId();
  return (
    <div className="source-search">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="search"
          value={q}
          autoComplete="off"
          placeholder={placeholder}
          onChange={(e) => onQ(e.target.value)}
        />
      </div>
      {error && <Alert>{error}</Alert>}
      {options?.length === 0 && <p className="muted small">{q ? `Nothing matches “${q}”.` : 'None yet.'}</p>}
      {options && options.length > 0 && (
        <ul className="picker-results">
          {options.map((o) => (
            <li key={sourceKey(o.source)} className="picker-item">
              <label className="check">
                <input type="checkbox" checked={isChosen(o.source)} onChange={() => onToggle(o.source)} />
                <span>{o.source.label}</span>
                {o.detail && (
                  <span className="muted small" aria-hidden="true">
                    {o.detail}
                  </span>
                )}
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Chooses where an opportunity came from: conversations, people, or both, several at a time.
 * Whoever introduced these people is credited too, without being picked here.
 */
export function SourcePicker({ value, onChange, error }: SourcePickerProps) {
  const errorId = useId();
  const [convQ, setConvQ] = useState('');
  const [personQ, setPersonQ] = useState('');
  const conversations = useLoad(`source-conversations:${convQ}`, () =>
    call(api.conversations.$get({ query: { q: convQ.trim() || undefined, limit: '8' } })),
  );
  const people = useLoad(`source-people:${personQ}`, () =>
    call(api.people.$get({ query: { q: personQ.trim() || undefined, limit: '8' } })),
  );
  const chosen = new Set(value.map(sourceKey));
  const isChosen = (s: PickedSource) => chosen.has(sourceKey(s));
  const toggle = (s: PickedSource) =>
    onChange(isChosen(s) ? value.filter((v) => sourceKey(v) !== sourceKey(s)) : [...value, s]);

  return (
    <fieldset
      className={`source-picker${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>Where it came from</legend>
      <p className="hint">
        Pick the conversations and people that led to it — several are fine. Whoever introduced those people
        is credited as well.
      </p>
      {value.length > 0 ? (
        <ul className="chips" aria-label="Chosen sources">
          {value.map((s) => (
            <li key={sourceKey(s)} className="chip">
              <span className="muted small">{s.conversationId ? 'Conversation:' : 'Person:'}</span> {s.label}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${s.label}`}
                onClick={() => toggle(s)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No source chosen yet.</p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className="source-columns">
        <SearchList
          label="Find conversations"
          placeholder="Title, person or organization"
          q={convQ}
          onQ={setConvQ}
          error={conversations.error?.message}
          options={conversations.data?.items.map((c) => ({
            source: { conversationId: c.id, label: c.title },
            detail: c.organizationName ?? '',
          }))}
          isChosen={isChosen}
          onToggle={toggle}
        />
        <SearchList
          label="Find people"
          placeholder="Name, title or organization"
          q={personQ}
          onQ={setPersonQ}
          error={people.error?.message}
          options={people.data?.items.map((p) => ({
            source: { personId: p.id, label: p.fullName },
            detail: [p.title, p.organizationName].filter(Boolean).join(' · '),
          }))}
          isChosen={isChosen}
          onToggle={toggle}
        />
      </div>
    </fieldset>
  );
}
