/**
 * Work written as steps (a generator that yields between two pieces of it), run either in one go
 * or with a pause between pieces, so a server doing it answers other requests meanwhile. The
 * same code then serves the command line (in one go) and the server (in turns).
 */

/** Runs stepwise work to its end in one go. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs stepwise work, awaiting `pause` after every `every` steps. */
export async function runStepsInTurns<T>(
  steps: Generator<void, T>,
  pause: () => Promise<void>,
  every = 1,
): Promise<T> {
  for (let n = 1; ; n++) {
    const next = steps.next();
    if (next.done) return next.value;
    if (n % every === 0) await pause();
  }
}
