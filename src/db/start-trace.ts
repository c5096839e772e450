/**
 * RAPPORT_DEBUG_START=1 prints each phase of a start to stderr with the time since the process
 * began (performance.now() counts from Node's own start), so a slow start can be told apart:
 * loading the program, opening PGlite, migrations, the staged-work check, the first answer.
 */
const enabled = process.env.RAPPORT_DEBUG_START === '1';

/** Notes that `phase` has just finished; does nothing unless RAPPORT_DEBUG_START=1. */
export function traceStart(phase: string): void {
  if (!enabled) return;
  process.stderr.write(`rapport start: ${performance.now().toFixed(0).padStart(6)} ms  ${phase}\n`);
}

/** Runs `work` and notes when it finished and how long it took, when tracing. */
export async function traced<T>(phase: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const started = performance.now();
  const result = await work();
  traceStart(`${phase} (${(performance.now() - started).toFixed(0)} ms)`);
  return result;
}
