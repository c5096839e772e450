import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../network/network-api.js';
import { formatDay } from '../ui/format.js';

/** "12 Oct" for "2026-10-12": the axis has no room for the year. */
function shortDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime())
    ? date
    : d.toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short' });
}

/** Conversations held in each of the last weeks, against the weekly goal from the settings. */
export function MeetingsSection({ meetings }: { meetings: Dashboard['meetingsPerWeek'] }) {
  const data = meetings.weeks.map((w) => ({ ...w, label: shortDay(w.weekStart) }));
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
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} domain={[0, Math.ceil(top)]} width={32} />
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
