/**
 * Builds the server and CLI into dist/cli/ as a few bundled files instead of hundreds of compiled
 * ones: a start then reads and links a handful of modules (Node spent about a second resolving,
 * reading and compiling ~500 small files before the first answer). What a start does not need
 * stays in chunks loaded on first use (the dynamic imports: hosted mode, MCP, PostgreSQL, mail,
 * PDF), and packages not listed in BUNDLED stay in node_modules, loaded as they are today: those
 * that find their own files next to their code (PGlite's wasm and data, pdfkit's fonts) must.
 *
 * Run by `npm run build` (after the web app) and by test/cli.ts when dist/ is older than src/.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages loaded at every start, bundled with our code (with what they import). Pure JavaScript
 * that never reads a file relative to itself.
 */
const BUNDLED = new Set([
  'hono',
  '@hono/node-server',
  '@hono/zod-openapi',
  'zod',
  'drizzle-orm',
  'commander',
  'csv-parse',
  'csv-stringify',
  'vcf',
  'fflate',
  '@fastify/busboy',
]);

/** Never bundled, even when a bundled package imports them: they load files beside their code, or are large and loaded late. */
const NEVER = new Set(['@electric-sql/pglite', 'pg', 'pg-boss', 'pdfkit', 'fontkit']);

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('esbuild').Plugin} */
const externals = {
  name: 'rapport-externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const name = packageName(args.path);
      if (NEVER.has(name)) return { external: true };
      // Inside a bundled package: its own imports come along.
      if (args.importer.includes('/node_modules/')) return undefined;
      return BUNDLED.has(name) ? undefined : { external: true };
    });
  },
};

export async function buildServer() {
  const dist = join(root, 'dist');
  mkdirSync(dist, { recursive: true });
  // Built beside dist/cli and swapped in whole: two test files may build at once, and a program
  // already running from dist/cli finds its lazy chunks under the same (content-hashed) names.
  const staging = mkdtempSync(join(dist, '.cli-'));
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    // Bundled CommonJS (commander, csv-*) calls require() for Node's own modules.
    banner: {
      js: "import { createRequire as __rapportRequire } from 'node:module'; const require = __rapportRequire(import.meta.url);",
    },
    plugins: [externals],
    legalComments: 'none',
    logLevel: 'warning',
  });
  chmodSync(staging, 0o755);
  chmodSync(join(staging, 'main.js'), 0o755);
  const old = `${staging}-old`;
  if (existsSync(join(dist, 'cli'))) renameSync(join(dist, 'cli'), old);
  renameSync(staging, join(dist, 'cli'));
  rmSync(old, { recursive: true, force: true });
  // What an earlier, unbundled build (tsc) left beside it would only mislead.
  for (const entry of readdirSync(dist, { withFileTypes: true })) {
    if (!['web', 'cli'].includes(entry.name) && !entry.name.startsWith('.cli-')) {
      rmSync(join(dist, entry.name), { recursive: true, force: true });
    }
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer();
}
