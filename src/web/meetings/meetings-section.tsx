import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../network/network-api.js';
import { AXIS_TICK } from '../results/chart-axis.js';
import { formatDay, formatDayMonth } from '../ui/format.js';

/**
 * Conversations held in each week since the workspace began (the last eight at most), against the
 * weekly goal from the settings.
 */
export function MeetingsSection({ meetings }: { meetings: Dashboard['meetingsPerWeek'] }) {
  const data = meetings.weeks.map((w) => ({ ...w, label: formatDayMonth(w.weekStart) }));
  const top = Math.max(meetings.goal, ...data.map((w) => w.count), 1);
  const thisWeek = data[data.length - 1];
  return (
    <section className="card results-card" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">Conversations per week</h2>
      <p className="muted small">
        Your goal is {meetings.goal} a week (change it in Settings). A steady rhythm beats a burst followed by
        silence.
        {thisWeek && ` This week so far: ${thisWeek.count}.`}
      </p>
      <div className="chart" aria-hidden="true">
        <BarChart responsive style={{ width: '100%', height: 240 }} data={data} accessibilityLayer={false}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          {/* Evenly spaced labels that never collide, always naming the current week. */}
          <XAxis dataKey="label" tick={AXIS_TICK} interval="equidistantPreserveEnd" minTickGap={12} />
          <YAxis allowDecimals={false} domain={[0, Math.ceil(top)]} width={32} tick={AXIS_TICK} />
          <Tooltip />
          <Bar dataKey="count" name="Conversations held" fill="#245b91" isAnimationActive={false} />
          <ReferenceLine
            y={meetings.goal}
            stroke="#a3261f"
            strokeDasharray="6 4"
            label={{ value: `Goal: ${meetings.goal}`, position: 'insideTopRight', fill: '#a3261f' }}
          />
        </BarChart>
      </div>
      <table className="table table-compact">
        <caption className="visually-hidden">
          Conversations held per week, against a goal of {meetings.goal}
        </caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col" className="numeric">
              Held
            </th>
            <th scope="col">Against the goal</th>
          </tr>
        </thead>
        <tbody>
          {meetings.weeks.map((w) => (
            <tr key={w.weekStart}>
              <th scope="row">{formatDay(w.weekStart)}</th>
              <td className="numeric">{w.count}</td>
              <td>{w.count >= meetings.goal ? 'Goal met' : `${meetings.goal - w.count} short`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
