import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { cloneRawRequest } from 'hono/request';
import type { SignUpMode } from '../config.js';
import type { WorkspaceScope } from '../db/rls.js';
import type { Auth } from '../services/accounts/auth.js';
import { AUTH_BASE_PATH, CLIENT_ADDRESS_HEADER } from '../services/accounts/auth-paths.js';
import type { Ctx } from '../services/context.js';
import { coachAccess } from './coach-access.js';
import { compressApi } from './compress.js';
import type { AppEnv } from './env.js';
import { onError, validationHook } from './errors.js';
import { accountRoutes, sessionRoutes } from './routes/accounts/accounts.js';
import { coachingRoutes } from './routes/accounts/coaching.js';
import { agendaRoutes } from './routes/agenda/agenda.js';
import { backupRoutes } from './routes/backup/backup.js';
import { commentRoutes } from './routes/conversations/comments.js';
import { conversationRoutes } from './routes/conversations/conversations.js';
import { noteRoutes } from './routes/conversations/notes.js';
import { debriefRoutes } from './routes/debrief/debrief.js';
import { documentRoutes } from './routes/documents/documents.js';
import { exportVCardRoutes } from './routes/exports/export-vcard.js';
import { exportRoutes } from './routes/exports/exports.js';
import { importRoutes } from './routes/imports/imports.js';
import { knowledgeRoutes } from './routes/insights/knowledge.js';
import { mailImportRoutes } from './routes/mail/import.js';
import { mailRoutes } from './routes/mail/mail.js';
import { mcpEndpoint } from './routes/mcp/mcp.js';
import { calendarRoutes } from './routes/meetings/calendar.js';
import { preparationRoutes } from './routes/meetings/preparation.js';
import { networkRoutes } from './routes/network/network.js';
import { organizationRoutes } from './routes/organizations/organizations.js';
import { targetRoutes } from './routes/organizations/targets.js';
import { messageRoutes } from './routes/outreach/messages.js';
import { outreachRoutes } from './routes/outreach/outreach.js';
import { duplicateRoutes, mergeRoutes } from './routes/people/duplicates.js';
import { peopleRoutes } from './routes/people/people.js';
import { opportunityRoutes } from './routes/results/opportunities.js';
import { searchRoutes } from './routes/search/search.js';
import { settingsRoutes } from './routes/settings/settings.js';
import { workspaceRoutes } from './routes/settings/workspace.js';
import { suggestionRoutes } from './routes/tasks/suggestions.js';
import { taskRoutes } from './routes/tasks/tasks.js';
import { tokenRoutes } from './routes/tokens/tokens.js';
import {
  clientAddressOf,
  localOnly,
  publicOnly,
  refuseNulCharacters,
  securityHeaders,
  setHeadersInPlace,
} from './security.js';
import { sessionAuth } from './session-auth.js';
import { tokenAuth } from './token-auth.js';

/** What a hosted server (`serve --hosted`) adds: accounts, and the public address it answers on. */
export interface HostedOptions {
  auth: Auth;
  /** The public origin; the Host and Origin checks and the cookies follow it. */
  publicUrl: string;
  /** Take the client's address from X-Forwarded-For (behind a reverse proxy). */
  trustedProxy: boolean;
  signUp: SignUpMode;
  /** Whether the server can send its own mail (confirmation links, password resets). */
  sendsMail: boolean;
  /** Row-level security's per-request transaction (db/rls.ts), on PostgreSQL. */
  scope?: WorkspaceScope;
}

export interface AppOptions {
  /**
   * The context of a request: the database, the workspace and the clock. In hosted mode its
   * workspace is replaced by the signed-in account's.
   */
  context: () => Ctx;
  /** Present for a hosted server: every /api and /mcp request then needs a session or a token. */
  hosted?: HostedOptions;
  /** Host names besides the local ones that requests may name. */
  allowedHosts?: string[];
  /** Folder of the built web app; found next to the program when not given. */
  webDir?: string | null;
  /** Extra routes mounted before the API's fallback (the end-to-end tests' clock). */
  beforeRoutes?: (app: Hono<AppEnv>) => void;
}

/** The API routes, chained so their types flow to the web client. */
function apiRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .route('/session', sessionRoutes)
    .route('/accounts', accountRoutes)
    .route('/coaching', coachingRoutes)
    .route('/workspace', workspaceRoutes)
    .route('/organizations', organizationRoutes)
    .route('/people', peopleRoutes)
    .route('/conversations', conversationRoutes)
    .route('/conversations', commentRoutes)
    .route('/notes', noteRoutes)
    .route('/messages', messageRoutes)
    .route('/tasks', suggestionRoutes)
    .route('/tasks', taskRoutes)
    .route('/agenda', agendaRoutes)
    .route('/calendar', calendarRoutes)
    .route('/outreach', outreachRoutes)
    .route('/outreach', targetRoutes)
    .route('/settings', settingsRoutes)
    .route('/network', networkRoutes)
    .route('/opportunities', opportunityRoutes)
    .route('/search', searchRoutes)
    .route('/preparation', preparationRoutes)
    .route('/preparation', debriefRoutes)
    .route('/preparation', knowledgeRoutes)
    .route('/imports', importRoutes)
    .route('/exports/vcard', exportVCardRoutes)
    .route('/documents', documentRoutes)
    .route('/duplicates', duplicateRoutes)
    .route('/merges', mergeRoutes)
    .route('/backup', backupRoutes)
    .route('/exports', exportRoutes)
    .route('/mail/import', mailImportRoutes)
    .route('/mail', mailRoutes)
    .route('/tokens', tokenRoutes);
}

export type ApiRoutes = ReturnType<typeof apiRoutes>;

function findWebDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'dist', 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = resolve(dir, '..');
  }
  return null;
}

/**
 * How long a browser may keep the file a request was answered with, set once the file is known:
 * a request for a missing script falls through to the page, which must not be kept for good.
 */
const cachePolicy = new WeakMap<Request, string>();

function cacheFor(value: string) {
  return (_path: string, c: Context) => {
    cachePolicy.set(c.req.raw, value);
  };
}

/** People per page of the web app's list (PAGE_SIZE in web/people/people-first-page.ts). */
const PEOPLE_PAGE_SIZE = 100;

/**
 * The API answers the web app asks for as soon as it starts on `path`, named in the page's Link
 * header so the browser asks for them while the app's script is still on its way instead of after
 * it has run: the session and settings on every page, and the first People page on /people. Each
 * URL is written exactly as the app's client writes it, or the browser asks twice.
 */
export function earlyRequests(path: string, params: URLSearchParams): string[] {
  const urls = ['/api/session', '/api/settings'];
  if (path === '/people' && !params.get('q')) {
    const page = Math.max(1, Math.floor(Number(params.get('page')) || 1));
    urls.push(`/api/people?limit=${PEOPLE_PAGE_SIZE}&offset=${(page - 1) * PEOPLE_PAGE_SIZE}`);
  }
  return urls;
}

/** The page the web app shows first on a path, as its source file (app.tsx's firstPage). */
const FIRST_PAGES: Record<string, string> = {
  '/': 'agenda/home-page.tsx',
  '/people': 'people/people-page.tsx',
};

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
  css?: string[];
}

function readManifest(webDir: string): Record<string, ManifestChunk> | undefined {
  const file = join(webDir, '.vite', 'manifest.json');
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>)
    : undefined;
}

/**
 * The app's own script and stylesheet, as Link header entries that go first: every page needs
 * them, the script is the largest file, and named only in the page they were asked for once the
 * page's text had come, behind the page's other early requests (a browser opens six connections
 * to a server, and the People page asks for about twenty files). Empty without a manifest.
 */
export function entryLinks(webDir: string): string[] {
  const entry = Object.values(readManifest(webDir) ?? {}).find((chunk) => chunk.isEntry);
  if (!entry) return [];
  return [
    `</${entry.file}>; rel=modulepreload`,
    ...(entry.css ?? []).map((file) => `</${file}>; rel=preload; as=style; crossorigin`),
  ];
}

/**
 * The built files of each first page's code and what it imports, from the build's manifest:
 * named in the page's Link header, they load alongside the app's script instead of after it has
 * run. The app's own script, already named in the page, is left out. Empty without a manifest.
 */
export function pageModules(webDir: string): Map<string, string[]> {
  const modules = new Map<string, string[]>();
  const manifest = readManifest(webDir);
  if (!manifest) return modules;
  for (const [path, source] of Object.entries(FIRST_PAGES)) {
    const files = new Set<string>();
    const add = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || chunk.isEntry || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const imported of chunk.imports ?? []) add(imported);
    };
    add(source);
    if (files.size)
      modules.set(
        path,
        [...files].map((f) => `/${f}`),
      );
  }
  return modules;
}

/** The whole HTTP application: API, OpenAPI document and the web app. */
export function createApp(opts: AppOptions) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(onError);
  const hosted = opts.hosted;
  app.use('*', securityHeaders({ hsts: hosted?.publicUrl.startsWith('https://') ?? false }));
  app.use(
    '*',
    hosted
      ? publicOnly(hosted.publicUrl, { trustedProxy: hosted.trustedProxy })
      : localOnly(opts.allowedHosts),
  );
  app.use('/api/*', refuseNulCharacters());
  // JSON goes out gzipped when the client takes it (a People page of 100 is ~60 KB, ~8 KB gzipped).
  app.use('/api/*', compressApi());
  if (hosted) {
    // better-auth's own endpoints (sign-up, sign-in, sign-out, sessions, delete-user), answered
    // before any workspace is chosen. It reads the client's address, for throttling, from a
    // header set here: whatever a client sends under that name is replaced.
    app.on(['GET', 'POST'], `${AUTH_BASE_PATH}/*`, async (c) => {
      const headers = new Headers(c.req.raw.headers);
      headers.set(CLIENT_ADDRESS_HEADER, clientAddressOf(c, hosted.trustedProxy));
      // The body was read once already (refuseNulCharacters): a new request is made from its text.
      return hosted.auth.handler(new Request(await cloneRawRequest(c.req), { headers }));
    });
    const auth = sessionAuth({
      auth: hosted.auth,
      base: opts.context,
      signUp: hosted.signUp,
      sendsMail: hosted.sendsMail,
      scope: hosted.scope,
    });
    app.use('/api/*', auth);
    app.use('/mcp', auth);
  } else {
    const local: MiddlewareHandler<AppEnv> = async (c, next) => {
      c.set('ctx', opts.context());
      await next();
    };
    app.use('/api/*', local);
    app.use('/mcp', local);
  }
  app.use('/api/*', tokenAuth());
  if (hosted) {
    // What a coach may do in a client's workspace, in this one place.
    app.use('/api/*', coachAccess());
    app.use('/mcp', coachAccess());
  }
  app.route('/api', apiRoutes());
  app.all(
    '/mcp',
    mcpEndpoint((path, init) => app.request(path, init)),
  );
  opts.beforeRoutes?.(app);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Rapport API',
      version: '0.1.0',
      description: 'Informational interviews: people, organizations, conversations, meetings and notes.',
    },
  });
  app.all('/api/*', (c) =>
    c.json(
      { error: { code: 'not_found', message: `No API route ${c.req.method} ${c.req.path}.`, issues: [] } },
      404,
    ),
  );
  const webDir = opts.webDir === undefined ? findWebDir() : opts.webDir;
  if (webDir) {
    app.use('*', async (c, next) => {
      await next();
      const policy = cachePolicy.get(c.req.raw);
      if (policy) c.res.headers.set('Cache-Control', policy);
    });
    // Built files carry a hash of their content in their names: a browser may keep them for good.
    // The build writes .br and .gz beside each, served to browsers that take them.
    app.use(
      '/assets/*',
      serveStatic({
        root: webDir,
        precompressed: true,
        onFound: cacheFor('public, max-age=31536000, immutable'),
      }),
    );
    // The installable app: its manifest and icons, and the service worker that keeps the shell for
    // offline use. The worker is checked on every visit, so a new build replaces it at once.
    app.get('/manifest.webmanifest', serveStatic({ root: webDir, path: 'manifest.webmanifest' }));
    app.get('/icons/*', serveStatic({ root: webDir }));
    app.get(
      '/sw.js',
      async (c, next) => {
        await next();
        if (c.res.ok) c.header('Cache-Control', 'no-cache');
      },
      serveStatic({ root: webDir, path: 'sw.js' }),
    );
    app.on('GET', ['/manifest.webmanifest', '/sw.js', '/icons/*'], (c) => c.notFound());
    // The page names the current build's files, so it is checked on every visit.
    const modules = pageModules(webDir);
    const entry = entryLinks(webDir);
    app.get('*', async (c, next) => {
      await next();
      if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
      const links = [
        ...entry,
        ...earlyRequests(c.req.path, new URL(c.req.url).searchParams).map(
          (url) => `<${url}>; rel=preload; as=fetch; crossorigin`,
        ),
        ...(modules.get(c.req.path) ?? []).map((file) => `<${file}>; rel=modulepreload`),
      ];
      setHeadersInPlace(c, [['Link', links.join(', ')]]);
    });
    app.get('*', (c) => {
      // Read whole and sent in one piece with its headers (it is under 1 KB), where a file stream
      // sent the headers first and the text only after the twenty requests their Link header set
      // off had been answered: the browser met the page's script that much later. Read on every
      // visit, so a new build's page goes out at once.
      const page = join(webDir, 'index.html');
      cachePolicy.set(c.req.raw, 'no-cache');
      c.header('Last-Modified', statSync(page).mtime.toUTCString());
      return c.html(readFileSync(page, 'utf8'));
    });
  } else {
    app.get('/', (c) =>
      c.text('Rapport API is running. Build the web app with `npm run build` to use it here.'),
    );
  }
  return app;
}
