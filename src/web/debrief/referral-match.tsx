import { useEffect, useState } from 'react';
import { api, call } from '../api.js';
import { useLoad } from '../ui/use-load.js';
import { type ReferralRow, referralLookup } from './debrief-form-values.js';

/** Waits until typing pauses, so the contacts are not searched on every key. */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** "Priya Shah at Brightpath". */
function described(p: { fullName: string; organizationName: string | null }): string {
  return p.organizationName ? `${p.fullName} at ${p.organizationName}` : p.fullName;
}

/**
 * Under a referral row: someone already in the contacts who may be the person referred, with the
 * choice to link them or to add a new person anyway; once chosen, what will happen and a way back.
 */
export function ReferralMatch({
  row,
  set,
}: {
  row: ReferralRow;
  set: (patch: Partial<ReferralRow>) => void;
}) {
  const query = useSettled(JSON.stringify(referralLookup(row)));
  const matches = useLoad(`referral-match:${query}`, async () => {
    const q = JSON.parse(query) as ReturnType<typeof referralLookup>;
    return q ? call(api.preparation['referral-matches'].$get({ query: q })) : [];
  });

  if (row.personId) {
    return (
      <div className="referral-match span-2" role="status">
        <p>
          Linked to <strong>{row.linkedName}</strong>, who is already in your contacts: saving records the
          introduction and adds no new person.
        </p>
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => set({ personId: '', linkedName: '', createNew: true })}
        >
          Add a new person instead
        </button>
      </div>
    );
  }
  if (row.createNew) {
    return (
      <div className="referral-match span-2" role="status">
        <p>A new person will be added, even if someone in your contacts looks the same.</p>
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => set({ createNew: false })}
        >
          Check my contacts again
        </button>
      </div>
    );
  }
  const found = matches.data ?? [];
  if (!found.length) return null;
  const certain = found.find((m) => !m.likely);
  return (
    <div className="referral-match span-2" role="status">
      <ul className="referral-match-list">
        {found.map((m) => (
          <li key={m.id}>
            Already in your contacts: <strong>{described(m)}</strong>{' '}
            <span className="muted">({m.label})</span>{' '}
            <button
              type="button"
              className="button button-small"
              onClick={() => set({ personId: m.id, linkedName: described(m), createNew: false })}
            >
              Link to this person
            </button>
          </li>
        ))}
      </ul>
      <p className="muted small">
        {certain
          ? `Saving links ${described(certain)} unless you choose otherwise.`
          : 'Saving adds a new person unless you link one of them.'}{' '}
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => set({ createNew: true })}
        >
          It is someone else: add a new person
        </button>
      </p>
    </div>
  );
}
