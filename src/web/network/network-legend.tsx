import type { LegendEntry } from './network-graph-data.js';

function Entries({ entries, shape }: { entries: LegendEntry[]; shape: 'dot' | 'line' }) {
  return (
    <ul className="legend-list">
      {entries.map((e) => (
        <li key={e.key}>
          <span
            className={`legend-swatch legend-${shape}`}
            style={{ background: e.color }}
            aria-hidden="true"
          />
          <span>{e.label}</span> <span className="muted small">{e.count}</span>
        </li>
      ))}
    </ul>
  );
}

/** What the colors of the dots and arrows mean, with how many of each there are. */
export function NetworkLegend(props: {
  people: LegendEntry[];
  peopleTitle: string;
  introductions: LegendEntry[];
}) {
  return (
    <section className="network-legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="visually-hidden">
        Legend
      </h2>
      <h3>{props.peopleTitle}</h3>
      <Entries entries={props.people} shape="dot" />
      <h3>Introductions by stage</h3>
      <Entries entries={props.introductions} shape="line" />
    </section>
  );
}
