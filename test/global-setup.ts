import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';

/**
 * Builds one migrated PGlite database and saves it as a tarball; each test file starts from a
 * copy (about 1 s) instead of running initdb and the migrations again (about 4 s).
 */
export default async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const handle = await openPglite({});
  await migrate(handle);
  const dump = await handle.pglite!.dumpDataDir('none');
  await handle.close();
  const path = join(tmpdir(), `rapport-template-${process.pid}.tar`);
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', path);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
