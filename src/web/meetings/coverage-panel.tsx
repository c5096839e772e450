import type { ReactNode } from 'react';
import {
  CONVERSATION_STATUS_LABELS,
  CONVERSATION_STATUSES,
  SENIORITY_LABELS,
  type Seniority,
} from '../../domain/vocab.js';
import { api, call } from '../api.js';
import { plural } from '../network/network-labels.js';
import { Alert } from '../ui/alert.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';

function levelLabel(level: string): string {
  return SENIORITY_LABELS[level as Seniority] ?? level;
}

function Chips({ items, tone, none }: { items: string[]; tone: 'heard' | 'missing'; none: string }) {
  if (items.length === 0) return <span className="muted">{none}</span>;
  return (
    <ul className="coverage-chips">
      {items.map((i) => (
        <li key={i} className={`coverage-chip coverage-chip-${tone}`}>
          {i}
        </li>
      ))}
    </ul>
  );
}

/**
 * Whom the user has heard from at an organization — how many people, which levels and functions —
 * where the conversations there stand, and nudges toward the voices still missing.
 */
export function CoveragePanel({ organizationId }: { organizationId: string }) {
  const coverage = useLoad(`coverage:${organizationId}`, () =>
    call(api.network.coverage[':id'].$get({ param: { id: organizationId } })),
  );
  const c = coverage.data;
  const stages = c
    ? CONVERSATION_STATUSES.filter((s) => (c.stages[s] ?? 0) > 0).map(
        (s) => `${CONVERSATION_STATUS_LABELS[s]}: ${c.stages[s]}`,
      )
    : [];
  const rows: [string, ReactNode][] = c
    ? [
        ['People you know here', c.people],
        ['Heard from', c.people ? `${c.heardFrom} of ${plural(c.people, 'person', 'people')}` : '—'],
        [
          'Levels heard',
          <Chips key="heard" items={c.levelsHeard.map(levelLabel)} tone="heard" none="None yet" />,
        ],
        [
          'Levels not heard yet',
          <Chips key="missing" items={c.levelsNotHeard.map(levelLabel)} tone="missing" none="Every level" />,
        ],
        [
          'Functions heard',
          <Chips key="fn" items={c.functionsHeard} tone="heard" none="None recorded yet" />,
        ],
        ['Conversations by stage', stages.length ? stages.join(' · ') : 'None yet'],
        ['Open warm paths', c.openPaths],
      ]
    : [];

  return (
    <section className="card" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Coverage</h2>
      {coverage.error && <Alert>{coverage.error.message}</Alert>}
      {!c && coverage.loading && <Loading what="Loading coverage" />}
      {c && c.nudges.length > 0 && (
        <div className="nudges" role="note" aria-labelledby="nudges-heading">
          <h3 id="nudges-heading">{c.nudges.length === 1 ? 'Next step here' : 'Next steps here'}</h3>
          <ul>
            {c.nudges.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {c && (
        <dl className="details coverage-stats">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
