// A process that imports a LinkedIn file into a data folder and kills itself with SIGKILL part-way,
// for the import's crash tests. Arguments: the folder, how many connections, and when to die:
// "staging" (once the first steps are staged, before the import is published) or "applying"
// (once some people are written, after it is published).
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import { parseLinkedInConnections } from '../src/domain/linkedin.js';
import { applyLinkedInImport } from '../src/services/imports/import-linkedin.js';
import { ensureDefaultWorkspace } from '../src/services/settings/workspaces.js';
import { connectionsCsv } from './linkedin-data.js';

const [dir = '', count = '0', when = 'applying'] = process.argv.slice(2);
const database = await openDatabase(loadConfig({ data: dir, port: 0 }, { ...process.env, DATABASE_URL: '' }));
const db = database.handle.db;
const { workspaceId, userId } = await ensureDefaultWorkspace(db);
const ctx = { db, workspaceId, userId, now: () => new Date('2026-11-23T09:00:00Z') };
const die = () => process.kill(process.pid, 'SIGKILL');

if (when === 'staging') {
  // Asks between two of the import's transactions, and dies as soon as some steps are staged.
  void (async () => {
    for (;;) {
      const result = await db.execute(sql`select count(*)::int as n from staged_steps`);
      if ((result as unknown as { rows: { n: number }[] }).rows[0]!.n > 0) die();
      // The next turn of the event loop, or the import, which waits for one, would never go on.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
}
await applyLinkedInImport(ctx, {
  ...parseLinkedInConnections(connectionsCsv(Number(count))),
  onProgress: (p) => {
    if (when === 'applying' && p.done > 0 && p.done < p.total) die();
  },
});
process.stdout.write('finished\n');
await database.close();
