import type { DirectedGraph } from 'graphology';
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import { Alert } from '../ui/alert.js';
import type { EdgeAttributes, NodeAttributes } from './network-graph-data.js';
import { type LayoutHandle, startLayout } from './network-layout.js';

type Graph = DirectedGraph<NodeAttributes, EdgeAttributes>;

interface NetworkGraphProps {
  graph: Graph;
  colorOf: (node: NodeAttributes) => string;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** What the picture shows, for people who cannot see it. */
  description: string;
}

const FADED = '#ebecee';

/**
 * The introduction graph drawn with WebGL. Names appear when zoomed in or on hover (always for a
 * small network); a chosen person is centred with their introductions highlighted.
 */
export function NetworkGraph({ graph, colorOf, selectedId, onSelect, description }: NetworkGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const layoutRef = useRef<LayoutHandle | null>(null);
  const view = useRef({ colorOf, selectedId, neighbours: new Set<string>() });
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const [arranging, setArranging] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const small = graph.order <= 150;
    let sigma: Sigma<NodeAttributes, EdgeAttributes>;
    try {
      sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, el, {
        defaultEdgeType: 'arrow',
        renderEdgeLabels: false,
        hideEdgesOnMove: graph.size > 3000,
        labelFont: 'system-ui, sans-serif',
        labelSize: 13,
        // Room for the names of people at the edge of the picture.
        stagePadding: small ? 110 : 40,
        labelColor: { color: '#1d2125' },
        // Names only once a dot is big on screen (zoomed in), except in a small network.
        labelRenderedSizeThreshold: small ? 0 : 11,
        labelDensity: small ? 1 : 0.5,
        zIndex: true,
        nodeReducer: (node, data) => {
          const v = view.current;
          const color = v.colorOf(data);
          if (!v.selectedId) return { ...data, color };
          if (node === v.selectedId)
            return { ...data, color, highlighted: true, forceLabel: true, zIndex: 2 };
          if (v.neighbours.has(node)) return { ...data, color, forceLabel: true, zIndex: 1 };
          return { ...data, color: FADED, label: null, size: data.size * 0.45, zIndex: 0 };
        },
        edgeReducer: (edge, data) => {
          const v = view.current;
          if (!v.selectedId) return data;
          const touches = graph.source(edge) === v.selectedId || graph.target(edge) === v.selectedId;
          return touches ? { ...data, size: 3, zIndex: 1 } : { ...data, hidden: true };
        },
      });
    } catch {
      setFailure(
        'This browser could not draw the graph (it needs WebGL, which may be switched off). The search and the details still work.',
      );
      return;
    }
    sigmaRef.current = sigma;
    sigma.on('clickNode', ({ node }) => onSelectRef.current(node));
    sigma.on('clickStage', () => onSelectRef.current(null));
    sigma.on('enterNode', () => el.classList.add('network-canvas-pointer'));
    sigma.on('leaveNode', () => el.classList.remove('network-canvas-pointer'));
    layoutRef.current = startLayout(graph, setArranging);
    return () => {
      layoutRef.current?.kill();
      layoutRef.current = null;
      sigma.kill();
      sigmaRef.current = null;
    };
  }, [graph]);

  useEffect(() => {
    const previous = view.current.selectedId;
    const neighbours = new Set<string>(
      selectedId && graph.hasNode(selectedId) ? graph.neighbors(selectedId) : [],
    );
    view.current = { colorOf, selectedId, neighbours };
    const sigma = sigmaRef.current;
    if (!sigma) return;
    sigma.refresh({ skipIndexation: true });
    if (selectedId && selectedId !== previous) {
      const at = sigma.getNodeDisplayData(selectedId);
      if (at)
        void sigma
          .getCamera()
          .animate({ x: at.x, y: at.y, ratio: Math.min(sigma.getCamera().ratio, 0.5) }, { duration: 400 });
    }
  }, [graph, colorOf, selectedId]);

  const camera = () => sigmaRef.current?.getCamera();
  return (
    <div className="network-graph">
      {failure && <Alert tone="warning">{failure}</Alert>}
      <div className="network-toolbar" role="toolbar" aria-label="Graph view">
        <button
          type="button"
          className="button button-small"
          onClick={() => camera()?.animatedZoom({ duration: 250 })}
        >
          Zoom in
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => camera()?.animatedUnzoom({ duration: 250 })}
        >
          Zoom out
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => camera()?.animatedReset({ duration: 300 })}
        >
          Show everyone
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          disabled={!!failure}
          onClick={() => (arranging ? layoutRef.current?.stop() : layoutRef.current?.start())}
        >
          {arranging ? 'Stop arranging' : 'Arrange again'}
        </button>
        <span className="muted small" aria-live="polite">
          {arranging ? 'Arranging the graph…' : ''}
        </span>
      </div>
      <div ref={container} className="network-canvas" role="img" aria-label={description} />
    </div>
  );
}
