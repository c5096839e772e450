/**
 * Restore of a large backup (issue 12, point 6): a data folder is seeded with generated people,
 * its backup is downloaded from one server, and restored through a second server on an empty
 * folder, as the web app sends it (asking for streamed progress), while the first page of people
 * is asked for again and again: how long did the longest-waiting user wait?
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formBody } from '../test/probe.js';
import { seedDataFolder } from './generate.js';
import { longWorkFigures, probeWhile, warmUp } from './linkedin-import.js';
import { count, type Figure, megabytes, progress, seconds } from './report.js';
import { startServerProcess } from './server-process.js';

/** Issue 12.6: other requests answer within 100 ms while a restore runs. */

interface RestoreRun {
  ms: number;
  rows: number;
  progressAt: number[];
}

/** Posts the backup as the web app does and notes when each progress line arrives. */
async function postRestore(url: string, zip: Uint8Array<ArrayBuffer>): Promise<RestoreRun> {
  const form = new FormData();
  form.set('file', new File([zip], 'rapport-backup.zip', { type: 'application/zip' }));
  // Encoded before it is sent, as the import's (see postImport).
  const { body, headers } = await formBody(form);
  const t0 = performance.now();
  const res = await fetch(`${url}/api/backup/restore`, {
    method: 'POST',
    body,
    headers: { ...headers, accept: 'application/x-ndjson' },
  });
  const progressAt: number[] = [];
  let rows: number | undefined;
  let failure = `status ${res.status}`;
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const event = JSON.parse(pending.slice(0, nl)) as {
        type: string;
        summary?: { totalRows?: number };
        error?: { message: string };
      };
      pending = pending.slice(nl + 1);
      if (event.type === 'progress') progressAt.push(performance.now() - t0);
      else if (event.type === 'result') rows = event.summary?.totalRows;
      else if (event.error) failure = event.error.message;
    }
  }
  const ms = performance.now() - t0;
  if (!res.ok || rows === undefined) throw new Error(`Restore failed: ${failure}`);
  return { ms, rows, progressAt };
}

/** Seeds `people` people, backs them up, and times their restore into an empty folder. */
export async function benchRestore(opts: { people: number }): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-restore-'));
  const source = join(dir, 'source');
  const target = join(dir, 'target');
  await mkdir(source);
  await mkdir(target);
  try {
    progress(`Restore: seeding ${count(opts.people)} people`);
    await seedDataFolder(source, { people: opts.people, messages: 0 });
    const from = await startServerProcess(source);
    let zip: Uint8Array<ArrayBuffer>;
    try {
      progress('Restore: downloading the backup');
      const res = await fetch(`${from.url}/api/backup`);
      if (!res.ok) throw new Error(`The backup answered ${res.status}.`);
      zip = new Uint8Array(await res.arrayBuffer());
    } finally {
      await from.stop();
    }
    const server = await startServerProcess(target);
    try {
      // Past the new folder's start-up work, so the restore is measured alone.
      await new Promise((r) => setTimeout(r, 3000));
      progress(`Restore: restoring ${megabytes(zip.byteLength)} while the first page of people is asked for`);
      await warmUp(server.url);
      const restoring = postRestore(server.url, zip);
      const [run, probe] = await Promise.all([restoring, probeWhile(server.url, restoring)]).catch(
        (err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          throw new Error(`${message}; the server said:\n${server.output()}`);
        },
      );
      return [
        {
          label: `Restore a backup of ${count(opts.people)} people into an empty folder`,
          value: seconds(run.ms),
          goal: '—',
          detail: `${count(run.rows)} rows, ${megabytes(zip.byteLength)}`,
        },
        ...longWorkFigures('restore', probe, run),
      ];
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
