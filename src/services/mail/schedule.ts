import type { Ctx } from '../context.js';
import { currentAccount } from './account.js';
import { syncMail } from './sync.js';

/** How often the server reads the mailbox. */
export const SYNC_EVERY_MS = 5 * 60_000;

/**
 * Syncs the workspace's mailbox every few minutes while the server runs, when one is connected.
 * A failed sync is noted on the account (Settings shows it) and the next round tries again.
 */
export function scheduleMailSync(context: () => Ctx, everyMs = SYNC_EVERY_MS): () => void {
  let stopped = false;
  const round = async () => {
    const ctx = context();
    if (stopped || !(await currentAccount(ctx).catch(() => null))) return;
    await syncMail(ctx).catch(() => {});
  };
  const first = setTimeout(round, 5_000);
  const timer = setInterval(round, everyMs);
  first.unref();
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}
