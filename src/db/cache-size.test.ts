import { closeSync, mkdtempSync, openSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, sharedBuffersMb } from './client.js';

const dir = mkdtempSync(join(tmpdir(), 'rapport-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;

async function cacheOf(dataDir: string): Promise<string> {
  const handle = await openPglite({ dataDir });
  try {
    const result = await handle.db.execute(sql`show shared_buffers`);
    return (result as unknown as { rows: { shared_buffers: string }[] }).rows[0]!.shared_buffers;
  } finally {
    await handle.close();
  }
}

describe('the embedded database’s page cache', () => {
  it('is PGlite’s 128 MB, and 256 MB for a folder with more than 384 MB of tables', () => {
    expect(sharedBuffersMb(0)).toBe(128);
    expect(sharedBuffersMb(268 * MB)).toBe(128);
    expect(sharedBuffersMb(384 * MB)).toBe(128);
    expect(sharedBuffersMb(384 * MB + 1)).toBe(256);
    expect(sharedBuffersMb(5000 * MB)).toBe(256);
  });

  it('is sized from the folder each time it starts', async () => {
    const data = join(dir, 'data');
    expect(await cacheOf(data)).toBe('128MB');
    // 400 MB more under base/, as a large workspace's tables would take (a sparse file: no disk used).
    const filler = join(data, 'base', 'filler');
    closeSync(openSync(filler, 'w'));
    truncateSync(filler, 400 * MB);
    expect(await cacheOf(data)).toBe('256MB');
    rmSync(filler);
    expect(await cacheOf(data)).toBe('128MB');
  }, 120_000);
});
