import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../network/network-api.js';
import { percent } from '../network/network-labels.js';
import { AXIS_TICK } from './chart-axis.js';

/** Requests sent → replies → conversations held → referrals → openings → job interviews → offers. */
export function FunnelSection({ funnel }: { funnel: Dashboard['funnel'] }) {
  const started = (funnel[0]?.count ?? 0) > 0;
  return (
    <section className="card results-card" aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">From request to offer</h2>
      <p className="muted small">
        Each stage counts what your conversations led to. A later stage can outnumber the one before it: one
        conversation often brings several referrals.
      </p>
      {!started && (
        <p className="muted">
          No request logged yet. Once you send requests for conversations (and log them), this shows how far
          they go.
        </p>
      )}
      <div className="chart" aria-hidden="true">
        <BarChart
          responsive
          style={{ width: '100%', height: 300 }}
          data={funnel}
          layout="vertical"
          margin={{ left: 8, right: 40 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
          <YAxis type="category" dataKey="label" width={150} tick={AXIS_TICK} interval={0} />
          <Tooltip />
          <Bar dataKey="count" name="Count" fill="#245b91" isAnimationActive={false}>
            <LabelList dataKey="count" position="right" />
          </Bar>
        </BarChart>
      </div>
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">The funnel in numbers</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col" className="numeric">
                Count
              </th>
              <th scope="col" className="numeric">
                From the stage before
              </th>
              <th scope="col" className="numeric">
                From requests sent
              </th>
            </tr>
          </thead>
          <tbody>
            {funnel.map((s) => (
              <tr key={s.stage} data-stage={s.stage}>
                <th scope="row">{s.label}</th>
                <td className="numeric" data-label="Count">
                  {s.count}
                </td>
                <td className="numeric" data-label="From the stage before">
                  {percent(s.rateFromPrevious)}
                </td>
                <td className="numeric" data-label="From requests sent">
                  {percent(s.rateFromStart)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
