import { useState } from 'react';
import { Link } from 'react-router';
import { OPPORTUNITY_KIND_LABELS } from '../../domain/vocab.js';
import { api, call, type Organization } from '../api.js';
import type { Opportunity } from '../network/network-api.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatDay } from '../ui/format.js';
import { FeedbackForm } from './feedback-form.js';
import { OpportunityEditor } from './opportunity-editor.js';
import { opportunityToValues, sourceKey } from './opportunity-form-values.js';

interface OpportunityRowProps {
  opportunity: Opportunity;
  /** The row the address points at, e.g. from a person's credited results. */
  highlighted?: boolean;
  organizations: Organization[];
  /** The name of a source by its key ("c:…" or "p:…"), or undefined when not known here. */
  nameOf: (key: string) => string | undefined;
  onChanged: () => void;
  onOrganizationAdded: () => void;
}

const COLUMNS = 5;

/** One opportunity in the list, with its edit form or feedback form opening underneath. */
export function OpportunityRow({
  opportunity: o,
  highlighted,
  organizations,
  nameOf,
  onChanged,
  onOrganizationAdded,
}: OpportunityRowProps) {
  const [open, setOpen] = useState<'edit' | 'feedback' | null>(null);
  const organization = organizations.find((org) => org.id === o.organizationId);
  const label = (key: string) => nameOf(key) ?? (key.startsWith('c:') ? 'A conversation' : 'A person');
  const people = o.sources
    .filter((s) => s.personId)
    .map((s) => ({ id: s.personId!, fullName: label(sourceKey(s)) }));

  return (
    <tbody
      id={`opportunity-${o.id}`}
      className={`opportunity-row${highlighted ? ' opportunity-row-target' : ''}`}
    >
      <tr>
        <td>
          <span className={`tag kind-tag kind-${o.kind}`}>{OPPORTUNITY_KIND_LABELS[o.kind]}</span>
          <div className="strong">{o.title}</div>
          {o.notes && <div className="muted small opportunity-notes">{o.notes}</div>}
        </td>
        <td>
          {organization ? (
            <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td>{formatDay(o.occurredOn)}</td>
        <td>
          {o.sources.length === 0 ? (
            <span className="muted">Not recorded</span>
          ) : (
            <ul className="source-links">
              {o.sources.map((s) => (
                <li key={sourceKey(s)}>
                  <Link
                    to={s.conversationId ? `/conversations/${s.conversationId}` : `/people/${s.personId}`}
                  >
                    {label(sourceKey(s))}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </td>
        <td>
          <div className="actions actions-small">
            {o.kind === 'rejection' && (
              <button
                type="button"
                className="button button-small"
                aria-expanded={open === 'feedback'}
                onClick={() => setOpen(open === 'feedback' ? null : 'feedback')}
              >
                Ask for feedback
              </button>
            )}
            <button
              type="button"
              className="button button-small"
              aria-expanded={open === 'edit'}
              onClick={() => setOpen(open === 'edit' ? null : 'edit')}
            >
              Edit<span className="visually-hidden"> {o.title}</span>
            </button>
            <ConfirmButton
              small
              label="Delete"
              question={`Delete “${o.title}”?`}
              detail={<p>It stops counting on the dashboard and for the people it is credited to.</p>}
              confirmLabel="Delete result"
              onConfirm={async () => {
                await call(api.opportunities[':id'].$delete({ param: { id: o.id } }));
                onChanged();
              }}
            />
          </div>
        </td>
      </tr>
      {open && (
        <tr className="opportunity-open">
          <td colSpan={COLUMNS}>
            {open === 'edit' ? (
              <OpportunityEditor
                opportunity={o}
                initial={opportunityToValues(o, label)}
                organizations={organizations}
                onOrganizationAdded={onOrganizationAdded}
                onCancel={() => setOpen(null)}
                onReloadLatest={() => {
                  setOpen(null);
                  onChanged();
                }}
                onSaved={() => {
                  setOpen(null);
                  onChanged();
                }}
              />
            ) : (
              <FeedbackForm rejection={o} suggestions={people} onCancel={() => setOpen(null)} />
            )}
          </td>
        </tr>
      )}
    </tbody>
  );
}
