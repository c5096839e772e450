/**
 * What the file-taking and destructive commands share: reading a local file, uploading it,
 * following the server's progress lines, and asking before anything is written.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { type Progress, readProgressStream } from '../domain/progress-stream.js';
import { type ApiClient, CliError } from './api.js';

/** Reads a file the user named; a missing or oversized file is a clear error. */
export async function readLocalFile(file: string, maxBytes: number, tooLarge: string): Promise<Uint8Array> {
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new CliError(
      err.code === 'ENOENT' ? `There is no file at ${file}.` : `Cannot read ${file}: ${err.message}`,
    );
  });
  if (bytes.length > maxBytes) throw new CliError(tooLarge);
  return bytes;
}

/** Sends the file as the `file` field of a form (with any other fields); an error answer stops here. */
export async function uploadFile(
  api: ApiClient,
  path: string,
  file: string,
  bytes: Uint8Array,
  opts: { what: string; accept?: string; type?: string; fields?: Record<string, string> },
): Promise<Response> {
  const form = new FormData();
  // readFile's buffers are never shared memory.
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], basename(file), { type: opts.type ?? '' }));
  for (const [name, value] of Object.entries(opts.fields ?? {})) form.set(name, value);
  const res = await api.send(path, {
    method: 'POST',
    body: form,
    headers: opts.accept ? { accept: opts.accept } : {},
  });
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new CliError(data.error?.message ?? `${opts.what} failed with status ${res.status}.`);
  }
  return res;
}

/**
 * Shows progress on stderr: one line rewritten on a terminal, a line per tenth otherwise.
 * `verb` and `unit` make the words: "Importing: 40% (400 of 1000 people)".
 */
function progressPrinter(verb: string, unit: string): { update: (p: Progress) => void; end: () => void } {
  let lastShown = -1;
  let drawn = false;
  return {
    update: ({ done, total }) => {
      if (!total) return;
      const percent = Math.floor((done / total) * 100);
      const text = `${verb}: ${percent}% (${done} of ${total} ${unit})`;
      if (process.stderr.isTTY) {
        process.stderr.write(`\r${text}`);
        drawn = true;
      } else if (Math.floor(percent / 10) > Math.floor(lastShown / 10) || lastShown < 0) {
        process.stderr.write(`${text}\n`);
      }
      lastShown = percent;
    },
    end: () => {
      if (drawn) process.stderr.write('\n');
    },
  };
}

/**
 * Reads an answer streamed one JSON object a line (`Accept: application/x-ndjson`): progress
 * while the server works, then the result or an error. `stopped` is said if the stream ends early.
 */
export async function followProgress<T>(
  res: Response,
  words: { verb: string; unit: string; stopped: string },
): Promise<T> {
  const progress = progressPrinter(words.verb, words.unit);
  try {
    return await readProgressStream<T>(res.body!, {
      onProgress: (p) => progress.update(p),
      onError: (error) => new CliError(error.message),
      onEnd: () => new CliError(words.stopped),
    });
  } finally {
    progress.end();
  }
}

/**
 * Asks before a change that writes: `--yes` goes ahead, no terminal is refused (exit code 2,
 * with `refusal` saying how to go on), and anything but "y" or "yes" stops with `declined`.
 */
export async function confirmed(opts: {
  yes?: boolean;
  question: string;
  refusal: string;
  declined: string;
}): Promise<boolean> {
  if (opts.yes) return true;
  if (!process.stdin.isTTY) throw new CliError(opts.refusal, 2);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    if (/^y(es)?$/i.test((await rl.question(opts.question)).trim())) return true;
  } finally {
    rl.close();
  }
  console.log(opts.declined);
  return false;
}
