/**
 * What a contributor and CI wait for before anything runs: `npm ci` (from the npm cache, in a
 * scratch copy of package.json and package-lock.json) and `npm run build` in the repository.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atMostSeconds, type Figure, progress, seconds } from './report.js';
import { repoRoot } from './server-process.js';

/** Goals proposed for the Foundation issue (architecture.md measured npm ci at about 15 s). */
const GOALS = { npmCiMs: 20_000, buildMs: 30_000 };

interface Timed {
  ms: number;
  code: number | null;
  /** The start of the output, to say why a run failed. */
  output: string;
}

function timeCommand(command: string, args: string[], cwd: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      if (output.length < 8000) output += chunk.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code) => resolve({ ms: performance.now() - started, code, output }));
  });
}

/** What went wrong, in one line, without npm's prefixes and its configuration warnings. */
function failureLine(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.replace(/^npm error\s*/, '').trim())
    .filter((l) => l && !l.startsWith('npm warn') && !l.startsWith('at ') && !/^code \w+$/.test(l));
  const first = lines.find((l) => /error|in sync/i.test(l)) ?? lines[0] ?? '';
  const short = first.length > 120 ? `${first.slice(0, 119)}…` : first;
  // npm ci lists each package the lock file lacks; name a few.
  const missing = lines
    .filter((l) => l.startsWith('Missing:'))
    .map((l) => l.split(' ')[1]?.replace(/@$/, ''));
  if (!missing.length) return short;
  return `${short} (${missing.length} missing from the lock file: ${missing.slice(0, 3).join(', ')}…)`;
}

function figure(label: string, run: Timed, goalMs: number): Figure {
  if (run.code !== 0) {
    return {
      label,
      value: 'failed',
      goal: atMostSeconds(goalMs),
      detail: `exit ${run.code} after ${seconds(run.ms)}: ${failureLine(run.output)}`,
    };
  }
  return { label, value: seconds(run.ms), goal: atMostSeconds(goalMs), withinGoal: run.ms <= goalMs };
}

/** Times `npm ci` (when asked: it is slow and needs the npm cache) and `npm run build`. */
export async function benchInstallBuild(opts: { npmCi: boolean }): Promise<Figure[]> {
  const root = repoRoot();
  const figures: Figure[] = [];
  if (opts.npmCi) {
    const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-ci-'));
    try {
      await copyFile(join(root, 'package.json'), join(dir, 'package.json'));
      await copyFile(join(root, 'package-lock.json'), join(dir, 'package-lock.json'));
      progress('npm ci in a scratch copy (uses the npm cache)');
      const run = await timeCommand('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
      figures.push(figure('npm ci --ignore-scripts (warm npm cache)', run, GOALS.npmCiMs));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } else {
    figures.push({
      label: 'npm ci --ignore-scripts (warm npm cache)',
      value: 'skipped (set BENCH_NPM_CI=1)',
      goal: atMostSeconds(GOALS.npmCiMs),
    });
  }
  progress('npm run build');
  const build = await timeCommand('npm', ['run', 'build', '--silent'], root);
  figures.push(figure('npm run build (web app + tsc)', build, GOALS.buildMs));
  return figures;
}
