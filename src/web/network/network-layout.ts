/**
 * Arranges the introduction graph with ForceAtlas2 without freezing the page: in a Web Worker
 * when the browser allows one, otherwise a few iterations per animation frame. Either way the
 * layout stops by itself after a while, so a network of thousands of people settles and the
 * computer goes quiet.
 */

import type { DirectedGraph } from 'graphology';
import forceAtlas2Module, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import FA2LayoutModule from 'graphology-layout-forceatlas2/worker.js';

// Both modules are CommonJS with ES-module typings: at run time the default import is the export itself.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;
const FA2Layout = FA2LayoutModule as unknown as typeof FA2LayoutModule.default;

/** Settings that suit a graph of `order` people (as the library suggests, Barnes–Hut sooner). */
export function layoutSettings(order: number): ForceAtlas2Settings {
  return {
    barnesHutOptimize: order > 1000,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 10,
    slowDown: 1 + Math.log(Math.max(1, order)),
  };
}

/** How long the layout runs before it stops by itself: longer for bigger graphs, 8 s at most. */
export function layoutDuration(order: number): number {
  return Math.min(8000, 1500 + order * 1.3);
}

export interface LayoutHandle {
  start: () => void;
  stop: () => void;
  /** Stops for good and frees the worker. */
  kill: () => void;
}

/** Networks above this size are arranged on a copy and redrawn only now and then. */
const LARGE = 1000;
/** How often a large network's picture takes the layout's latest positions. */
const REDRAW_EVERY_MS = 2000;

/** Gives `to` the positions `from` has reached, in one update (so one redraw). */
function copyPositions(from: DirectedGraph, to: DirectedGraph): void {
  to.updateEachNodeAttributes(
    (node, attributes) => {
      const at = from.getNodeAttributes(node);
      return { ...attributes, x: at.x, y: at.y };
    },
    { attributes: ['x', 'y'] },
  );
}

/** Starts arranging `graph` at once; `onRunning` hears when it starts and stops. */
export function startLayout(graph: DirectedGraph, onRunning: (running: boolean) => void): LayoutHandle {
  const settings = layoutSettings(graph.order);
  // Redrawing thousands of dots and arrows after every step would keep the page busy, so a large
  // network is arranged on a copy whose positions the picture takes every couple of seconds.
  const large = graph.order > LARGE;
  const target = large ? graph.copy() : graph;
  let worker: InstanceType<typeof FA2Layout> | null = null;
  try {
    worker = new FA2Layout(target, { settings });
  } catch {
    worker = null;
  }
  // Without a worker: as many iterations per frame as fit in a few milliseconds.
  const perFrame = Math.max(1, Math.floor(4000 / (graph.order + graph.size + 1)));
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let redraw: ReturnType<typeof setInterval> | undefined;
  let frame = 0;

  const step = () => {
    forceAtlas2.assign(target, { iterations: perFrame, settings });
    frame = requestAnimationFrame(step);
  };
  const stop = () => {
    if (!running) return;
    running = false;
    clearTimeout(timer);
    clearInterval(redraw);
    cancelAnimationFrame(frame);
    worker?.stop();
    if (large) copyPositions(target, graph);
    onRunning(false);
  };
  const start = () => {
    if (running || graph.order === 0) return;
    running = true;
    onRunning(true);
    timer = setTimeout(stop, layoutDuration(graph.order));
    if (large) redraw = setInterval(() => copyPositions(target, graph), REDRAW_EVERY_MS);
    if (worker) worker.start();
    else frame = requestAnimationFrame(step);
  };
  start();
  return {
    start,
    stop,
    kill: () => {
      stop();
      worker?.kill();
    },
  };
}
