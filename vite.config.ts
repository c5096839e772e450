import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Every icon in src/web/public/icons, which the service worker keeps with the built files. */
const ICONS = ['icon.svg', 'icon-192.png', 'icon-512.png', 'maskable-512.png', 'apple-touch-icon.png'];

/**
 * Writes sw.js, the service worker, with the list of built files it keeps for offline use; a new
 * build gets a new list and id, so the worker replaces the old files.
 */
function serviceWorker(): Plugin {
  return {
    name: 'rapport-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = [
        ...Object.keys(bundle)
          .filter((name) => name.startsWith('assets/'))
          .sort()
          .map((name) => `/${name}`),
        '/manifest.webmanifest',
        ...ICONS.map((name) => `/icons/${name}`),
      ];
      const id = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(new URL('src/web/service-worker.js', import.meta.url), 'utf8')
        .replace('self.__SHELL_FILES__', JSON.stringify(files))
        .replace('self.__BUILD_ID__', JSON.stringify(id));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), serviceWorker()],
  build: { outDir: '../../dist/web', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:4310' } },
});
