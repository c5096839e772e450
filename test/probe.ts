/**
 * What a user working beside long work notices: another request is sent again and again, one
 * after another with a short gap, until the work settles, and each wait is noted. Shared by the
 * tests that check a large import, restore or export leaves the server answering.
 */

export interface Probe<T> {
  /** What the work gave. */
  result: T;
  /** How long each request waited, in ms. */
  waits: number[];
  /** The longest of them. */
  longest: number;
  /** Requests answered while `during` held (for instance: some rows written, not all). */
  answeredDuring: number;
  /** How long the work took, in ms. */
  took: number;
}

/**
 * Runs `ask` again and again, `gapMs` apart, while `work` runs (it is started here, so the
 * first request goes out as it starts), and returns the waits. A failed work fails the probe.
 */
export async function probeWhile<T>(
  work: () => Promise<T>,
  ask: () => Promise<unknown>,
  opts: { during?: () => boolean; gapMs?: number } = {},
): Promise<Probe<T>> {
  const { during = () => true, gapMs = 5 } = opts;
  let finished = false;
  const started = performance.now();
  const running = work().finally(() => {
    finished = true;
  });
  // A failure is reported by awaiting `running` below; here it only ends the probing.
  running.catch(() => undefined);
  const waits: number[] = [];
  let answeredDuring = 0;
  while (!finished) {
    const t0 = performance.now();
    await ask();
    waits.push(performance.now() - t0);
    if (during()) answeredDuring++;
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  const result = await running;
  return {
    result,
    waits,
    longest: Math.max(0, ...waits),
    answeredDuring,
    took: performance.now() - started,
  };
}

/**
 * A form as a browser sends it: its bytes with their length. (A FormData body given to an
 * in-process request streams through promises alone, which holds the test's own event loop.)
 */
export async function formBody(
  form: FormData,
): Promise<{ body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  return {
    body,
    headers: {
      'content-type': encoded.headers.get('content-type')!,
      'content-length': String(body.byteLength),
    },
  };
}
