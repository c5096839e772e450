import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { NetworkGraph } from './network-graph.js';
import { buildGraph, type ColorBy, edgeSummary, nodeColors, searchNodes } from './network-graph-data.js';
import { plural } from './network-labels.js';
import { NetworkLegend } from './network-legend.js';
import { NetworkPersonPanel } from './network-person-panel.js';
import './network-graph.css';
import { formatCount } from '../ui/format.js';

function loadNetwork() {
  return Promise.all([
    call(api.network.graph.$get()),
    call(api.organizations.$get({ query: { limit: '500' } })),
  ]).then(([graph, orgs]) => ({ graph, organizations: orgs.items }));
}

/** Who introduced whom, as an interactive graph with search and a panel for the chosen person. */
export function NetworkPage() {
  const network = useLoad('network', loadNetwork);
  const searchId = useId();
  const colorById = useId();
  const [colorBy, setColorBy] = useState<ColorBy>('organization');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const d = network.data;
  const graph = useMemo(() => (d ? buildGraph(d.graph) : null), [d]);
  const organizationNames = useMemo(() => new Map(d?.organizations.map((o) => [o.id, o.name])), [d]);
  const colors = useMemo(
    () => nodeColors(d?.graph.nodes ?? [], colorBy, organizationNames),
    [d, colorBy, organizationNames],
  );
  const matches = useMemo(() => searchNodes(d?.graph.nodes ?? [], q), [d, q]);

  const header = (
    <PageHeader
      title="Network"
      subtitle="Who put you in touch with whom. Each arrow runs from the person who made an introduction to the person they introduced."
    />
  );
  if (network.error) {
    return (
      <>
        {header}
        <Alert>{network.error.message}</Alert>
      </>
    );
  }
  if (!d || !graph) {
    return (
      <>
        {header}
        <Loading what="Loading your network" />
      </>
    );
  }
  if (d.graph.edges.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          title="No introductions yet"
          actions={
            <Link to="/people" className="button button-primary">
              Go to your people
            </Link>
          }
        >
          <p>
            Most good conversations end with “Who else should I talk to?”. When someone introduces you, record
            it on either person’s page — under Introductions — and your network grows here, showing which
            chains of people led you where.
          </p>
        </EmptyState>
      </>
    );
  }

  const description = `Graph of ${plural(graph.order, 'person', 'people')} and ${plural(graph.size, 'introduction', 'introductions')}. Search for a person beside it to see their introductions.`;
  return (
    <>
      {header}
      <p className="network-summary">
        {plural(graph.order, 'person', 'people')}, {plural(graph.size, 'introduction', 'introductions')}.
      </p>
      {d.graph.truncated && (
        <Notice>
          Showing the newest {formatCount(graph.size)} of {formatCount(d.graph.totalEdges)} introductions: a
          graph larger than this is too dense to read. Every introduction is still on each person’s page.
        </Notice>
      )}
      <div className="network-layout">
        <NetworkGraph
          graph={graph}
          colorOf={colors.colorOf}
          selectedId={selectedId}
          onSelect={setSelectedId}
          description={description}
        />
        <aside className="network-side" aria-label="Find and inspect people">
          <div className="field">
            <label htmlFor={searchId}>Find a person</label>
            <input
              id={searchId}
              type="search"
              value={q}
              autoComplete="off"
              placeholder="Part of a name"
              onChange={(e) => setQ(e.target.value)}
            />
          </div>
          {q.trim() && matches.length === 0 && (
            <p className="muted small">Nobody in the network matches “{q}”.</p>
          )}
          {matches.length > 0 && (
            <ul className="network-matches" aria-label="Matching people">
              {matches.map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setSelectedId(m.id);
                      setQ('');
                    }}
                  >
                    {m.fullName}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {selectedId && (
            <NetworkPersonPanel
              graph={graph}
              personId={selectedId}
              organizationNames={organizationNames}
              onSelect={setSelectedId}
            />
          )}
          <div className="field">
            <label htmlFor={colorById}>Color people by</label>
            <select id={colorById} value={colorBy} onChange={(e) => setColorBy(e.target.value as ColorBy)}>
              <option value="organization">Organization</option>
              <option value="seniority">Seniority</option>
            </select>
          </div>
          <NetworkLegend
            people={colors.legend}
            peopleTitle={colorBy === 'organization' ? 'Organizations' : 'Seniority'}
            introductions={edgeSummary(d.graph.edges)}
          />
        </aside>
      </div>
    </>
  );
}
