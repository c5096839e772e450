import type { DirectedGraph } from 'graphology';
import { Link } from 'react-router';
import { SENIORITY_LABELS, type Seniority } from '../../domain/vocab.js';
import type { EdgeAttributes, NodeAttributes } from './network-graph-data.js';
import { INTRODUCTION_STATE_LABELS } from './network-labels.js';

interface NetworkPersonPanelProps {
  graph: DirectedGraph<NodeAttributes, EdgeAttributes>;
  personId: string;
  organizationNames: ReadonlyMap<string, string>;
  onSelect: (id: string | null) => void;
}

interface Neighbour {
  id: string;
  name: string;
  state: string;
}

/**
 * The person chosen in the graph: where they work, who introduced them and whom they introduced.
 * Each name moves the focus to that person, so the network can be walked with the keyboard too.
 */
export function NetworkPersonPanel({
  graph,
  personId,
  organizationNames,
  onSelect,
}: NetworkPersonPanelProps) {
  if (!graph.hasNode(personId)) return null;
  const node = graph.getNodeAttributes(personId);
  const from: Neighbour[] = graph.mapInEdges(personId, (_e, attrs, source) => ({
    id: source,
    name: graph.getNodeAttribute(source, 'label'),
    state: INTRODUCTION_STATE_LABELS[attrs.state],
  }));
  const to: Neighbour[] = graph.mapOutEdges(personId, (_e, attrs, _source, target) => ({
    id: target,
    name: graph.getNodeAttribute(target, 'label'),
    state: INTRODUCTION_STATE_LABELS[attrs.state],
  }));
  const facts = [
    node.organizationId ? (organizationNames.get(node.organizationId) ?? 'An organization') : null,
    node.seniority ? (SENIORITY_LABELS[node.seniority as Seniority] ?? node.seniority) : null,
  ].filter(Boolean);

  const list = (people: Neighbour[], headingId: string) => (
    <ul className="network-neighbours" aria-labelledby={headingId}>
      {people.map((p) => (
        <li key={p.id}>
          <button type="button" className="link-button" onClick={() => onSelect(p.id)}>
            {p.name}
          </button>{' '}
          <span className="muted small">({p.state.toLowerCase()})</span>
        </li>
      ))}
    </ul>
  );

  return (
    <section className="card network-panel" aria-labelledby="network-person-heading">
      <h2 id="network-person-heading">{node.label}</h2>
      {facts.length > 0 && <p className="muted">{facts.join(' · ')}</p>}
      <h3 id="network-from-heading">Introduced by</h3>
      {from.length ? list(from, 'network-from-heading') : <p className="muted small">Nobody on record.</p>}
      <h3 id="network-to-heading">Introduced</h3>
      {to.length ? list(to, 'network-to-heading') : <p className="muted small">Nobody yet.</p>}
      <div className="actions">
        <Link to={`/people/${personId}`} className="button button-primary">
          Open {node.label}’s page
        </Link>
        <button type="button" className="button button-quiet" onClick={() => onSelect(null)}>
          Close
        </button>
      </div>
    </section>
  );
}
