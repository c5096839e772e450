import { Link } from 'react-router';
import { TARGET_STATUS_LABELS, TARGET_STATUSES, type TargetStatus } from '../../domain/lamp.js';
import type { Target, TargetPatch } from '../api.js';
import { ConfirmButton } from './confirm-button.js';

interface TargetRowProps {
  target: Target;
  busy: boolean;
  onChange: (target: Target, patch: TargetPatch) => void;
  onRemove: (target: Target) => Promise<void>;
}

const MOTIVATION_LABELS = ['0 · unfamiliar', '1 · some interest', '2 · keen', '3 · dream employer'];
const POSTING_LABELS: Record<number, string> = {
  1: '1 · nothing relevant',
  2: '2 · somewhat relevant',
  3: '3 · very relevant',
};

function advocacyValue(t: Target): string {
  if (t.advocacyOverride === null) return 'auto';
  return t.advocacyOverride ? 'yes' : 'no';
}

function autoLabel(t: Target): string {
  if (t.contacts === 0) return 'Auto: no (nobody known there)';
  return `Auto: yes (${t.contacts} ${t.contacts === 1 ? 'person' : 'people'} known)`;
}

/** One employer on the target list, with its scores and status editable in place. */
export function TargetRow({ target: t, busy, onChange, onRemove }: TargetRowProps) {
  const name = t.name;
  return (
    <tr className={t.working ? 'target-working' : undefined}>
      <td className="numeric">{t.rank}</td>
      <td>
        <Link to={`/organizations/${t.organizationId}`} className="strong-link">
          {name}
        </Link>
        {t.working && <span className="tag tag-working">Working now</span>}
        {t.caution && <p className="caution small">{t.caution}</p>}
      </td>
      <td>
        <select
          aria-label={`Advocacy at ${name}`}
          value={advocacyValue(t)}
          disabled={busy}
          onChange={(e) =>
            onChange(t, {
              advocacyOverride: e.target.value === 'auto' ? null : e.target.value === 'yes',
            })
          }
        >
          <option value="auto">{autoLabel(t)}</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </td>
      <td>
        <select
          aria-label={`Motivation for ${name}`}
          value={t.motivation}
          disabled={busy}
          onChange={(e) => onChange(t, { motivation: Number(e.target.value) })}
        >
          {MOTIVATION_LABELS.map((label, value) => (
            <option key={label} value={value}>
              {label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`Posting at ${name}`}
          value={t.posting}
          disabled={busy}
          onChange={(e) => onChange(t, { posting: Number(e.target.value) })}
        >
          {[1, 2, 3].map((value) => (
            <option key={value} value={value}>
              {POSTING_LABELS[value]}
            </option>
          ))}
        </select>
        <label className="check small">
          <input
            type="checkbox"
            checked={t.hasOpenPosting}
            disabled={busy}
            onChange={(e) => onChange(t, { hasOpenPosting: e.target.checked })}
          />
          Open posting now<span className="visually-hidden"> at {name}</span>
        </label>
      </td>
      <td>
        <select
          aria-label={`Status of ${name}`}
          value={t.status}
          disabled={busy}
          onChange={(e) => onChange(t, { status: e.target.value as TargetStatus })}
        >
          {TARGET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TARGET_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <ConfirmButton
          small
          label="Remove"
          question={`Take ${name} off your target list?`}
          detail={<p>Its scores are forgotten. The organization, its people and conversations stay.</p>}
          confirmLabel="Remove from list"
          busyLabel="Removing…"
          onConfirm={() => onRemove(t)}
        />
      </td>
    </tr>
  );
}
