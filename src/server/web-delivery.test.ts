import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { hc } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { createPerson } from '../services/people/people.js';
import { PAGE_SIZE } from '../web/people/people-first-page.js';
import { type ApiRoutes, createApp } from './app.js';

// A built web app in miniature: the page and one hashed script with its compressed copies.
const script = `console.log(${JSON.stringify('Rapport '.repeat(400))});`;
const webDir = mkdtempSync(join(tmpdir(), 'rapport-web-'));
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><html><body>Rapport</body></html>');
writeFileSync(join(webDir, 'assets', 'index-Ab12Cd34.js'), script);
writeFileSync(join(webDir, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(script));
writeFileSync(join(webDir, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(script));
// The build's manifest: the People page's code imports a shared file and the app's own script.
mkdirSync(join(webDir, '.vite'));
writeFileSync(
  join(webDir, '.vite', 'manifest.json'),
  JSON.stringify({
    'main.tsx': {
      file: 'assets/index-Ab12Cd34.js',
      isEntry: true,
      css: ['assets/index-Ee55Ff66.css'],
      dynamicImports: ['people/people-page.tsx'],
    },
    'people/people-page.tsx': {
      file: 'assets/people-page-Pp11Qq22.js',
      isDynamicEntry: true,
      imports: ['main.tsx', '_use-load-Ul33Vv44.js'],
    },
    '_use-load-Ul33Vv44.js': { file: 'assets/use-load-Ul33Vv44.js', imports: ['main.tsx'] },
  }),
);

let t: TestDb;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir });
});
afterAll(async () => {
  await t.close();
  rmSync(webDir, { recursive: true, force: true });
});

function get(path: string, acceptEncoding?: string) {
  return app.request(`http://localhost:4310${path}`, {
    headers: { host: 'localhost:4310', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
  });
}

describe('web delivery', () => {
  it('sends built scripts compressed, and lets the browser keep them for good', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-type')).toContain('javascript');
    expect(Number(br.headers.get('content-length'))).toBeLessThan(script.length / 4);

    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);

    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('has the page checked on every visit, and never caches a missing script as the page', async () => {
    const page = await get('/people');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('last-modified')).toBeTruthy();
    expect(await page.text()).toBe('<!doctype html><html><body>Rapport</body></html>');
    const missing = await get('/assets/index-Gone0000.js');
    expect(missing.headers.get('cache-control')).not.toContain('immutable');
  });

  it("names the app's first API requests in the page's Link header, written as the app writes them", async () => {
    const links = async (path: string) =>
      [
        ...((await get(path)).headers.get('link') ?? '').matchAll(
          /<([^>]+)>; rel=preload; as=fetch; crossorigin/g,
        ),
      ].map((m) => m[1]);
    // The URL the app's own client builds for the first People page, and for the third.
    const client = hc<ApiRoutes>('http://localhost:4310/api');
    const peopleUrl = (page: number) => {
      const url = client.people.$url({
        query: { q: undefined, limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) },
      });
      return `${url.pathname}${url.search}`;
    };
    expect(await links('/people')).toEqual(['/api/session', '/api/settings', peopleUrl(1)]);
    expect(await links('/people?page=3')).toEqual(['/api/session', '/api/settings', peopleUrl(3)]);
    // A search is typed by the user: the page asks for it itself.
    expect(await links('/people?q=ada')).toEqual(['/api/session', '/api/settings']);
    expect(await links('/conversations')).toEqual(['/api/session', '/api/settings']);
    expect((await get('/assets/index-Ab12Cd34.js')).headers.get('link')).toBeNull();
    // The People page's own code and what it imports load beside the app's script, not after it.
    const modules = async (path: string) =>
      [...((await get(path)).headers.get('link') ?? '').matchAll(/<([^>]+)>; rel=modulepreload/g)].map(
        (m) => m[1],
      );
    // The app's own script goes first, on every page: it is what the page waits for.
    expect(await modules('/people')).toEqual([
      '/assets/index-Ab12Cd34.js',
      '/assets/people-page-Pp11Qq22.js',
      '/assets/use-load-Ul33Vv44.js',
    ]);
    expect(await modules('/conversations')).toEqual(['/assets/index-Ab12Cd34.js']);
    const first = ((await get('/people')).headers.get('link') ?? '').split(', ').slice(0, 2);
    expect(first).toEqual([
      '</assets/index-Ab12Cd34.js>; rel=modulepreload',
      '</assets/index-Ee55Ff66.css>; rel=preload; as=style; crossorigin',
    ]);
    expect((await get('/api/settings')).headers.get('link')).toBeNull();
  });

  it('sends the API answers gzipped to clients that take it', async () => {
    for (let i = 0; i < 40; i++) {
      await createPerson({ ...t.ctx, input: { fullName: `Compressed Person ${i}`, title: 'Cartographer' } });
    }
    const res = await get('/api/people?limit=100', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString());
    expect(body.items).toHaveLength(40);
  });

  it('tells caches that an API answer depends on Accept-Encoding, and sends the security headers, compressed or not', async () => {
    for (const encoding of ['gzip', undefined]) {
      const res = await get('/api/people?limit=100', encoding);
      expect(res.headers.get('content-encoding')).toBe(encoding ?? null);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      const text = encoding ? gunzipSync(Buffer.from(await res.arrayBuffer())).toString() : await res.text();
      expect(JSON.parse(text).items.length).toBeGreaterThan(0);
    }
    const missing = await get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-frame-options')).toBe('DENY');
  });
});
