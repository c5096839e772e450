/**
 * Work written as steps (a generator that yields between two pieces of it), run either in one go
 * or with a pause between pieces, so a server doing it answers other requests meanwhile. The
 * same code then serves the command line (in one go) and the server (in turns).
 */

/** Lets the event loop run: a request that waited is read and answered before the work goes on. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs stepwise work to its end in one go. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The longest the work runs between two pauses. Steps differ in cost (16 KB of a backup's
 * compressed JSON inflated a few hundred kilobytes, and took 1-4 ms), so a count of steps alone
 * let one turn run for 55 ms while every other request waited.
 */
export const TURN_MS = 8;

/** Runs stepwise work, awaiting `pause` after every `every` steps, or sooner once TURN_MS have passed. */
export async function runStepsInTurns<T>(
  steps: Generator<void, T>,
  pause: () => Promise<void>,
  every = 1,
): Promise<T> {
  let since = performance.now();
  for (let n = 1; ; n++) {
    const next = steps.next();
    if (next.done) return next.value;
    if (n % every === 0 || performance.now() - since >= TURN_MS) {
      await pause();
      n = 0;
      since = performance.now();
    }
  }
}
