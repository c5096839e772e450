import { describe, expect, it } from 'vitest';
import { runSteps, runStepsInTurns, TURN_MS } from './steps.js';

/** Work of `n` steps that each keep the thread busy for `ms`, returning how many ran. */
function* busySteps(n: number, ms: number): Generator<void, number> {
  for (let i = 0; i < n; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // busy, as inflating or parsing is
    }
    if (i < n - 1) yield;
  }
  return n;
}

describe('work in turns', () => {
  it('pauses once its time is up, however many steps it was told to take between pauses', async () => {
    let pauses = 0;
    const pause = () => {
      pauses++;
      return new Promise<void>((resolve) => setImmediate(resolve));
    };
    // 40 steps of 3 ms, with a pause asked for every 16 steps: 2 pauses by count alone, each
    // after ~48 ms of work; by time, one after every ~TURN_MS.
    const done = await runStepsInTurns(busySteps(40, 3), pause, 16);
    expect(done).toBe(40);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor((40 * 3) / (TURN_MS + 3)) - 1);
  });

  it('still pauses every `every` steps when the steps are quick', async () => {
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    expect(await runStepsInTurns(busySteps(10, 0), pause, 2)).toBe(10);
    expect(pauses).toBe(4);
    expect(runSteps(busySteps(10, 0))).toBe(10);
  });
});
