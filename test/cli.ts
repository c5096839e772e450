import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Temporary data folders for CLI tests, removed together at the end of a file. */
export function tempDirs(prefix: string) {
  const dirs: string[] = [];
  return {
    make: () => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    removeAll: () => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Runs the real CLI in a child process (stdin is not a terminal); resolves with output and exit code. */
export async function cli(dataDir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, RAPPORT_DATA: dataDir, DATABASE_URL: '' },
    });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** The newest modification time of the files the built program is made from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'web') newest = Math.max(newest, newestSource(path));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** The built CLI (dist/cli/main.js), bundled first when it is missing or older than the sources. */
export async function builtCli(): Promise<string> {
  const main = join('dist', 'cli', 'main.js');
  if (!existsSync(main) || statSync(main).mtimeMs < newestSource('src')) {
    // The bundle `npm run build` makes (scripts/build-server.mjs), so the tests run what users run.
    await run(process.execPath, [join('scripts', 'build-server.mjs')]);
  }
  return main;
}
