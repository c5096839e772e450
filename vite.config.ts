import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/** Files worth compressing: text, and big enough that the header is not most of it. */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|webmanifest|txt)$/;
const MIN_BYTES = 1024;

/**
 * Writes a .br and a .gz beside each built text file, compressed once and hard, so the server
 * sends the smaller one to browsers that take it without compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'rapport-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist/web';
      for (const [fileName, item] of Object.entries(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const data = Buffer.from(item.type === 'chunk' ? item.code : item.source);
        if (data.length < MIN_BYTES) continue;
        writeFileSync(join(dir, `${fileName}.gz`), gzipSync(data, { level: 9 }));
        writeFileSync(
          join(dir, `${fileName}.br`),
          brotliCompressSync(data, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        );
      }
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), serviceWorker(), precompress()],
  // The manifest (.vite/manifest.json) tells the server which files each page's code needs, so the
  // page's Link header can have the browser fetch them alongside the app's script.
  build: { outDir: '../../dist/web', emptyOutDir: true, manifest: true },
  server: { proxy: { '/api': 'http://127.0.0.1:4310' } },
});
