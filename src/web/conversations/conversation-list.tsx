import { Link } from 'react-router';
import { CONVERSATION_TYPE_LABELS } from '../../domain/vocab.js';
import type { ConversationSummary } from '../api.js';
import { formatDate, formatDateTime } from '../ui/format.js';
import { StatusBadge } from './status-badge.js';

interface ConversationListProps {
  items: ConversationSummary[];
  /** Hide the organization column on an organization's own page. */
  hideOrganization?: boolean;
  /** Hide the people column on a person's own page. */
  hidePeople?: boolean;
  caption?: string;
}

/** Conversations as a table: title, status, people, organization, meeting and last change. */
export function ConversationList({ items, hideOrganization, hidePeople, caption }: ConversationListProps) {
  return (
    <div className="table-wrap">
      <table className="table table-stack">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">Conversation</th>
            <th scope="col">Status</th>
            {!hidePeople && <th scope="col">With</th>}
            {!hideOrganization && <th scope="col">Organization</th>}
            <th scope="col">Meeting</th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/conversations/${c.id}`} className="strong-link">
                  {c.title}
                </Link>
                <div className="muted small">{CONVERSATION_TYPE_LABELS[c.type]}</div>
              </td>
              <td data-label="Status">
                <StatusBadge status={c.status} />
              </td>
              {!hidePeople && (
                <td data-label="With">
                  {c.participants.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && ', '}
                      <Link to={`/people/${p.id}`}>{p.fullName}</Link>
                    </span>
                  ))}
                </td>
              )}
              {!hideOrganization && (
                <td data-label="Organization">
                  {c.organizationId ? (
                    <Link to={`/organizations/${c.organizationId}`}>{c.organizationName}</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              )}
              <td data-label="Meeting">
                {c.nextMeetingAt ? formatDateTime(c.nextMeetingAt) : <span className="muted">—</span>}
              </td>
              <td data-label="Last change">{formatDate(c.statusChangedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
