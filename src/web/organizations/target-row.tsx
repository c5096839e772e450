import { Link } from 'react-router';
import {
  ADVOCACY_RULE,
  TARGET_STATUS_LABELS,
  TARGET_STATUSES,
  type TargetStatus,
} from '../../domain/lamp.js';
import type { Target, TargetPatch } from '../api.js';
import { ConfirmButton } from '../ui/confirm-button.js';

interface TargetRowProps {
  target: Target;
  busy: boolean;
  onChange: (target: Target, patch: TargetPatch) => void;
  onRemove: (target: Target) => Promise<void>;
}

const MOTIVATION_LABELS = ['0 · unfamiliar', '1 · curious', '2 · keen', '3 · dream'];
const POSTING_LABELS: Record<number, string> = {
  1: '1 · none fits',
  2: '2 · some fit',
  3: '3 · strong fit',
};

function advocacyValue(t: Target): string {
  if (t.advocacyOverride === null) return 'auto';
  return t.advocacyOverride ? 'yes' : 'no';
}

/** Counts people there now or before, and how many of them know the user (ADVOCACY_RULE). */
function contactsText(t: Target): string {
  if (t.contacts === 0) return 'Nobody on file there yet';
  const onFile = `${t.contacts} ${t.contacts === 1 ? 'person' : 'people'} there now or before`;
  if (t.advocates === 0) return `${onFile}; none knows you yet`;
  return `${onFile}; ${t.advocates} ${t.advocates === 1 ? 'knows' : 'know'} you`;
}

/**
 * One employer on the target list, with its scores and status editable in place. Each target is
 * its own row group, so a caution about an open posting can run the full width under it.
 */
export function TargetRow({ target: t, busy, onChange, onRemove }: TargetRowProps) {
  const name = t.name;
  return (
    <tbody className={t.working ? 'target target-working' : 'target'}>
      <tr>
        <td className="numeric" data-label="Rank">
          {t.rank}
        </td>
        <td>
          <Link to={`/organizations/${t.organizationId}`} className="strong-link">
            {name}
          </Link>
          {t.working && <span className="tag tag-working">Working now</span>}
          <div className="muted small">{contactsText(t)}</div>
        </td>
        <td data-label="Advocacy">
          <select
            aria-label={`Advocacy at ${name}`}
            aria-describedby="advocacy-rule"
            title={ADVOCACY_RULE}
            value={advocacyValue(t)}
            disabled={busy}
            onChange={(e) =>
              onChange(t, {
                advocacyOverride: e.target.value === 'auto' ? null : e.target.value === 'yes',
              })
            }
          >
            <option value="auto">Auto: {t.advocacyComputed ? 'yes' : 'no'}</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </td>
        <td data-label="Motivation">
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
        <td data-label="Posting">
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
        <td data-label="Status">
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
      {t.caution && (
        <tr className="caution-row">
          <td />
          <td colSpan={6}>
            <p className="caution small">{t.caution}</p>
          </td>
        </tr>
      )}
    </tbody>
  );
}
