import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { SENIORITY_LABELS } from '../../domain/vocab.js';
import type { Person } from '../api.js';
import { formatDay } from '../ui/format.js';
import { channelLabel, KEEP_IN_TOUCH_LABELS } from '../ui/labels.js';
import { Markdown } from '../ui/markdown.js';

function keepInTouchText(p: Person): string {
  const parts = [KEEP_IN_TOUCH_LABELS[p.keepInTouch]];
  if (p.keepInTouchEveryDays) parts.push(`every ${p.keepInTouchEveryDays} days`);
  if (p.preferredChannel) parts.push(`by ${channelLabel(p.preferredChannel).toLowerCase()}`);
  return parts.join(', ');
}

/** A person's details as a definition list; empty fields are left out. */
export function PersonDetails({ person: p }: { person: Person }) {
  const rows: [string, ReactNode][] = [
    ['Title', p.title],
    ['Function', p.function],
    ['Seniority', p.seniority ? SENIORITY_LABELS[p.seniority] : null],
    [
      'Organization',
      p.organizationId && <Link to={`/organizations/${p.organizationId}`}>{p.organizationName}</Link>,
    ],
    ['E-mail', p.email && <a href={`mailto:${p.email}`}>{p.email}</a>],
    ['Phone', p.phone && <a href={`tel:${p.phone}`}>{p.phone}</a>],
    [
      'LinkedIn',
      p.linkedinUrl && (
        <a href={p.linkedinUrl} target="_blank" rel="noopener noreferrer">
          {p.linkedinUrl.replace(/^https?:\/\/(www\.)?/, '')}
        </a>
      ),
    ],
    ['Location', p.location],
    ['Time zone', p.timeZone],
    ['How we know each other', p.howWeKnow],
    [
      'Introduced by',
      p.introducedBy && <Link to={`/people/${p.introducedBy.id}`}>{p.introducedBy.fullName}</Link>,
    ],
    ['Connected on', p.connectedOn && formatDay(p.connectedOn)],
    [
      'Tags',
      p.tags.length > 0 && (
        <ul className="tags">
          {p.tags.map((t) => (
            <li key={t} className="tag">
              {t}
            </li>
          ))}
        </ul>
      ),
    ],
    ['Keep in touch', keepInTouchText(p)],
  ];
  return (
    <>
      <dl className="details">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {p.notes.trim() && (
        <div className="background">
          <h3>Background</h3>
          <Markdown text={p.notes} />
        </div>
      )}
    </>
  );
}
