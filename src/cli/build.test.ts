/**
 * The built program (`npm run build`, scripts/build-server.mjs) is a few bundled files, and a
 * start loads only what serving needs: each module Node resolves, reads and compiles adds to the
 * wait before the first page. What one command or hosted mode needs loads on first use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from '../../test/cli.js';

/** Static imports of one built file: relative ones (our chunks) and packages. */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(
    /^(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm,
  )) {
    found.push((m[1] ?? m[2])!);
  }
  return found;
}

/** Every file and package a start loads before running: the static import graph from main.js. */
function loadedAtStart(main: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else if (!isBuiltin(spec))
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(main);
  return { files, packages };
}

describe('the built program', () => {
  let main: string;
  beforeAll(async () => {
    main = await builtCli();
  }, 120_000);

  it('starts from a handful of bundled files, with only the embedded database loaded from node_modules', () => {
    const { files, packages } = loadedAtStart(main);
    // 565 compiled files and packages' own modules before the bundle.
    expect(files.size).toBeLessThanOrEqual(20);
    // PGlite finds its wasm and data files beside its code; the folder lock is a native addon.
    const unbundled = ['@electric-sql/pglite', 'fs-native-extensions'];
    expect([...packages].filter((p) => !unbundled.includes(p))).toEqual([]);
  });

  it('leaves hosted mode, MCP, PostgreSQL, mail and PDF to chunks loaded on first use', () => {
    const { files } = loadedAtStart(main);
    const chunks = readdirSync(join(dirname(main), 'chunks')).map((f) => join(dirname(main), 'chunks', f));
    const imports = (f: string) => [
      ...staticImports(f),
      ...[...readFileSync(f, 'utf8').matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!),
    ];
    const importersOf = (pkg: string) =>
      [main, ...chunks].filter((f) => imports(f).some((spec) => spec === pkg || spec.startsWith(`${pkg}/`)));
    for (const lazy of [
      'better-auth',
      '@modelcontextprotocol/sdk',
      'pg',
      'pg-boss',
      'imapflow',
      'mailparser',
      'pdfkit',
    ]) {
      const importers = importersOf(lazy);
      expect(importers.length, `a chunk that loads ${lazy}`).toBeGreaterThan(0);
      const atStart = [...files].filter((f) =>
        staticImports(f).some((spec) => spec === lazy || spec.startsWith(`${lazy}/`)),
      );
      expect(atStart, `${lazy} loaded at start`).toEqual([]);
    }
  });

  it("leaves the calendar's packages out of what `serve` loads before its first answer", () => {
    // serve loads the app's routes (chunks/app-*.js) while the database opens; the calendar's
    // time zones are 2 MB of JavaScript, for the few who download an .ics file.
    const chunks = join(dirname(main), 'chunks');
    const app = readdirSync(chunks).find((f) => /^app-[\w-]+\.js$/.test(f));
    expect(app).toBeDefined();
    const atServe = new Set([...loadedAtStart(main).packages, ...loadedAtStart(join(chunks, app!)).packages]);
    expect([...atServe].filter((p) => p.includes('ical'))).toEqual([]);
  });
});
