import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';

// A built web app in miniature: the page, the worker, the manifest and an icon.
const webDir = mkdtempSync(join(tmpdir(), 'rapport-web-'));
mkdirSync(join(webDir, 'icons'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><html><head></head><body>Rapport</body></html>');
writeFileSync(join(webDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
writeFileSync(join(webDir, 'manifest.webmanifest'), '{"name":"Rapport","start_url":"/"}');
writeFileSync(join(webDir, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
afterAll(() => rmSync(webDir, { recursive: true, force: true }));

const app = createApp({
  context: () => {
    throw new Error('The installable app needs no database.');
  },
  webDir,
});

function get(path: string) {
  return app.request(`http://localhost:4310${path}`, { headers: { host: 'localhost:4310' } });
}

describe('installable app', () => {
  it('serves the manifest, icons and service worker from the app itself, with their own types', async () => {
    const manifest = await get('/manifest.webmanifest');
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    expect(await manifest.json()).toMatchObject({ name: 'Rapport', start_url: '/' });

    const icon = await get('/icons/icon-192.png');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/png');

    const worker = await get('/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toContain('javascript');
    // Checked on every visit, so a new build replaces the old worker at once.
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(worker.headers.get('content-security-policy')).toContain("worker-src 'self'");
  });

  it('answers a missing icon with 404, not the page, and still serves the page for app addresses', async () => {
    const missing = await get('/icons/nowhere.png');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).not.toContain('text/html');

    const page = await get('/people/123');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Rapport');
  });
});
