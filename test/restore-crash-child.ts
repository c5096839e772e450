// A process that restores a backup into a data folder and kills itself with SIGKILL once some rows
// are written, for the restore's crash test. Arguments: the folder and the backup file.
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import { applyRestore } from '../src/services/backup/restore.js';
import { ensureDefaultWorkspace } from '../src/services/settings/workspaces.js';

const [dir = '', file = ''] = process.argv.slice(2);
const database = await openDatabase(loadConfig({ data: dir, port: 0 }, { ...process.env, DATABASE_URL: '' }));
const db = database.handle.db;
const { workspaceId, userId } = await ensureDefaultWorkspace(db);
await applyRestore({
  db,
  workspaceId,
  userId,
  now: () => new Date('2026-11-23T09:00:00Z'),
  bytes: readFileSync(file),
  onProgress: (p) => {
    if (p.done > 0 && p.done < p.total) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('finished\n');
await database.close();
