/**
 * Compressing the API's answers. A JSON answer is text the route has already built, so it is
 * gzipped in one go, on the spot: hono's compress pipes every answer through a CompressionStream,
 * whose work is handed to another thread and comes back a few turns of the event loop later, and
 * on the embedded database each of those turns could be one more statement of an import or a
 * restore that the answer waited behind. Through a 30,000-row import the first page of people
 * waited up to 105-126 ms with the stream and 61 ms without (restore: 143 -> 39 ms). Other
 * answers (a CSV export that streams) keep hono's stream.
 */

import { gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { parseAccept } from 'hono/utils/accept';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import type { AppEnv } from './env.js';
import { setHeadersInPlace } from './security.js';

/** Answers shorter than this go out as they are: gzip would save a few bytes at best. */
export const COMPRESS_ABOVE_BYTES = 1024;
/**
 * JSON longer than this is left to the stream, on another thread: gzip at LEVEL took 8 ms a
 * megabyte here (a 560 KB list of 2,000 people: 4.4 ms), too long to hold every other request
 * for. A page of 100 people is about 60 KB.
 */
const GZIP_AT_ONCE_BYTES = 512 * 1024;
/**
 * zlib's level 4: on that list 22.8% of the size in 4.4 ms, where the default (6) gave 22.1% in
 * 6.9 ms and level 1 23.8% in 3.3 ms.
 */
const LEVEL = 4;

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
const VARY_ACCEPT_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;
const JSON_TYPE = /^\s*application\/json\b/i;
/** Answers that never carry a body (an answer with these may not be given one). */
const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Whether the client takes gzip (`gzip`, or else `*`, with a weight above zero), as hono's compress reads it. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const accepts = parseAccept(header);
  const weight = (type: string) => accepts.find((a) => a.type.toLowerCase() === type)?.q;
  return (weight('gzip') ?? weight('*') ?? 0) > 0;
}

export function compressApi(): MiddlewareHandler<AppEnv> {
  const streamed = compress();
  /** hono's compress (a CompressionStream), on the answer the route has made. */
  const stream = (c: Context<AppEnv>) => streamed(c, async () => {});
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return;
    const vary = res.headers.get('Vary');
    if (vary !== '*' && !(vary && VARY_ACCEPT_ENCODING.test(vary))) {
      setHeadersInPlace(c, [['Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding']]);
    }
    if (
      !JSON_TYPE.test(type) ||
      NO_BODY_STATUSES.has(res.status) ||
      res.status === 206 ||
      c.req.method === 'HEAD' ||
      res.headers.has('Content-Encoding') ||
      NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '') ||
      !acceptsGzip(c.req.header('Accept-Encoding'))
    ) {
      return stream(c);
    }
    // JSON is in memory already: its text is read here, and gzipped at once when it is short.
    const text = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    if (text.byteLength > GZIP_AT_ONCE_BYTES) {
      replaceAnswer(c, new Response(text, { status: res.status, headers }));
      return stream(c);
    }
    if (text.byteLength < COMPRESS_ABOVE_BYTES) {
      replaceAnswer(c, new Response(text, { status: res.status, headers }));
      return;
    }
    const gzipped = gzipSync(text, { level: LEVEL });
    const etag = headers.get('ETag');
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
    headers.set('Content-Encoding', 'gzip');
    headers.set('Content-Length', String(gzipped.byteLength));
    replaceAnswer(c, new Response(gzipped, { status: res.status, headers }));
  };
}

/**
 * Puts `answer` in place of the route's. Assigning `c.res` over an answer copies the new one into
 * a third whose body is a stream (hono merges the old headers in), which the Node server then
 * streams instead of writing its bytes at once; `answer` already carries every header.
 */
function replaceAnswer(c: Context<AppEnv>, answer: Response): void {
  c.res = undefined;
  c.res = answer;
}
