/**
 * Runs in its own process so its peak memory is the mail work's alone (bench/mail.ts spawns it):
 *   seed <dataDir> <imapHost|''> <n>  adds n known contacts and, given a host, connects
 *                                     bench@rapport.test;
 *   mail-sync <dataDir>               syncs, then syncs again with nothing new;
 *   mbox-import <dataDir> <file>      imports the .mbox file.
 * Prints one line of JSON with the timings and the process's peak RSS.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { openPglite } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { people } from '../src/db/schema.js';
import type { Ctx } from '../src/services/context.js';
import { connectMail } from '../src/services/mail/account.js';
import { importMailFile } from '../src/services/mail/import.js';
import { syncMail } from '../src/services/mail/sync.js';
import { ensureDefaultWorkspace } from '../src/services/settings/workspaces.js';
import { bulkInsert } from './bulk-insert.js';
import { contactAddress } from './mail-data.js';

const [mode, dataDir, arg, contactsRaw] = process.argv.slice(2);
// The parent's key, so the password sealed while seeding opens in the next process.
const key = Buffer.from(process.env.BENCH_SECRET_KEY ?? '', 'hex');
const handle = await openPglite({ dataDir });
try {
  await migrate(handle);
  const { workspaceId, userId } = await ensureDefaultWorkspace(handle.db);
  const ctx: Ctx = { db: handle.db, workspaceId, userId, now: () => new Date(), secretKey: () => key };
  const out: Record<string, number> = {};
  if (mode === 'seed') {
    // A fresh folder's first opening peaks far above the database at rest: done in a process of its own.
    await bulkInsert(
      handle.db,
      people,
      Array.from({ length: Number(contactsRaw) }, (_, i) => ({
        id: randomUUID(),
        workspaceId,
        fullName: `Known Contact ${i}`,
        email: contactAddress(i),
      })),
    );
    if (arg) {
      await connectMail({
        ...ctx,
        input: {
          address: 'bench@rapport.test',
          provider: 'custom',
          servers: {
            imapHost: arg,
            imapPort: 143,
            imapSecurity: 'none',
            smtpHost: arg,
            smtpPort: 587,
            smtpSecurity: 'none',
          },
          secret: process.env.BENCH_MAIL_PASSWORD ?? 'rapport-test',
        },
      });
    }
  } else if (mode === 'mail-sync') {
    out.openRssBytes = process.memoryUsage().rss;
    let t0 = performance.now();
    const first = await syncMail(ctx);
    out.firstMs = performance.now() - t0;
    out.firstStored = first.stored;
    out.firstScanned = first.folders.reduce((n, f) => n + f.scanned, 0);
    out.firstRssBytes = process.resourceUsage().maxRSS * 1024;
    t0 = performance.now();
    const again = await syncMail(ctx);
    out.againMs = performance.now() - t0;
    out.againStored = again.stored;
  } else {
    out.openRssBytes = process.memoryUsage().rss;
    const bytes = await readFile(arg!);
    const t0 = performance.now();
    const summary = await importMailFile({ ...ctx, bytes, fileName: 'bench.mbox' });
    out.importMs = performance.now() - t0;
    out.total = summary.total;
    out.stored = summary.stored;
    out.bytes = bytes.length;
  }
  out.peakRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify(out));
} finally {
  await handle.close();
}
