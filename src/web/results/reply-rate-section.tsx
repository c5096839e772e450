import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard, ReplyRate } from '../network/network-api.js';
import { percent } from '../network/network-labels.js';
import { channelLabel } from '../ui/labels.js';
import { AXIS_TICK, axisLabel } from './chart-axis.js';

const GROUPS: { key: keyof Dashboard['replyRate']; title: string; column: string }[] = [
  { key: 'byChannel', title: 'By channel', column: 'Channel' },
  { key: 'byTemplate', title: 'By template', column: 'Template' },
  { key: 'warmVsCold', title: 'Warm or cold', column: 'Contact' },
  { key: 'byIntroducer', title: 'By who introduced you', column: 'Introduced by' },
];

function keyLabel(group: keyof Dashboard['replyRate'], key: string): string {
  if (group === 'byChannel') return key === 'not logged' ? 'Channel not logged' : channelLabel(key);
  if (group === 'warmVsCold') return key === 'warm' ? 'Warm (you share a connection)' : 'Cold';
  if (group === 'byTemplate' && key === 'no template') return 'No template';
  return key;
}

function RateBlock({
  group,
  title,
  column,
  rows,
}: {
  group: keyof Dashboard['replyRate'];
  title: string;
  column: string;
  rows: ReplyRate[];
}) {
  const data = rows.map((r) => ({
    ...r,
    label: keyLabel(group, r.key),
    percent: r.rate === null ? 0 : Math.round(r.rate * 100),
  }));
  return (
    <div className="rate-block">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted small">Nothing to compare yet.</p>
      ) : (
        <>
          <div className="chart" aria-hidden="true">
            <BarChart
              responsive
              style={{ width: '100%', height: 40 + data.length * 44 }}
              data={data}
              layout="vertical"
              margin={{ left: 8, right: 24 }}
              accessibilityLayer={false}
            >
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" domain={[0, 100]} unit=" %" tick={AXIS_TICK} />
              {/* Every bar keeps its name: two lines fit each row, and a long one is cut short. */}
              <YAxis
                type="category"
                dataKey="label"
                width={140}
                tick={AXIS_TICK}
                interval={0}
                tickFormatter={(v: string) => axisLabel(v)}
              />
              <Tooltip formatter={(v) => `${v} %`} />
              <Bar dataKey="percent" name="Reply rate" fill="#1f6b3b" isAnimationActive={false} />
            </BarChart>
          </div>
          <table className="table table-compact">
            <caption className="visually-hidden">Reply rate {title.toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">{column}</th>
                <th scope="col" className="numeric">
                  Sent
                </th>
                <th scope="col" className="numeric">
                  Replied
                </th>
                <th scope="col" className="numeric">
                  Rate
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="numeric">{r.sent}</td>
                  <td className="numeric">{r.replied}</td>
                  <td className="numeric">{percent(r.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** Which ways of asking get answers, and how long answers take. */
export function ReplyRateSection({
  replyRate,
  medianDays,
}: {
  replyRate: Dashboard['replyRate'];
  medianDays: number | null;
}) {
  return (
    <section className="card results-card" aria-labelledby="reply-heading">
      <h2 id="reply-heading">Who answers</h2>
      <p className="stat">
        <span className="stat-value">
          {medianDays === null
            ? '—'
            : `${Math.round(medianDays * 10) / 10} ${medianDays === 1 ? 'day' : 'days'}`}
        </span>{' '}
        <span className="stat-label">
          median time to a reply
          {medianDays === null && ' (no reply to a logged request yet)'}
        </span>
      </p>
      <div className="rate-grid">
        {GROUPS.map((g) => (
          <RateBlock key={g.key} group={g.key} title={g.title} column={g.column} rows={replyRate[g.key]} />
        ))}
      </div>
    </section>
  );
}
