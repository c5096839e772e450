import { isEmbedded } from '../../db/client.js';
import { compact } from '../../db/maintenance.js';
import { AppError } from '../../domain/errors.js';
import type { Ctx } from '../context.js';

/**
 * Gives disk space back after large deletions (`rapport compact`). Only the embedded database
 * needs it: a PostgreSQL server reclaims space with its own autovacuum, and rewriting shared
 * tables is its administrator's call.
 */
export async function compactDatabase(ctx: Ctx) {
  if (!isEmbedded(ctx.db)) {
    throw new AppError('validation', {
      userMessage:
        'Compacting is for the embedded database; PostgreSQL reclaims space with its own autovacuum (ask its administrator for VACUUM FULL).',
    });
  }
  return compact(ctx.db);
}
