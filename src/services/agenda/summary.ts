import { sql } from 'drizzle-orm';
import { conversations, organizations, people, workspaces } from '../../db/schema.js';
import type { Ctx } from '../context.js';

/**
 * Counts past this are shown as "more than 10,000". Counting every row of a large workspace is
 * the cost of the whole request: 200,000 people took 40 ms of the embedded database's only
 * connection on a quiet machine, a wait every other request (and an export's next page) sat
 * behind, at every visit to the home page. Ten thousand take about 2 ms; past them the number
 * tells the user nothing more.
 */
export const SUMMARY_COUNT_CAP = 10_000;

/** What the home page needs to tell an empty workspace from a working one. */
export async function workspaceSummary(ctx: Ctx) {
  const capped = (table: typeof people | typeof organizations | typeof conversations) =>
    sql`(select count(*)::int from (select 1 from ${table} where ${table.workspaceId} = ${ctx.workspaceId}
      limit ${SUMMARY_COUNT_CAP + 1}) s)`;
  // One statement, not four: on the embedded database each statement waits its turn on the one
  // connection, and a long task in between (an export's page) would be waited for again.
  const result = await ctx.db.execute(sql`
    select (select ${workspaces.name} from ${workspaces} where ${workspaces.id} = ${ctx.workspaceId}) as name,
      ${capped(people)} as people, ${capped(organizations)} as organizations,
      ${capped(conversations)} as conversations`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  const count = (v: unknown) => Math.min(Number(v ?? 0), SUMMARY_COUNT_CAP);
  const more = (v: unknown) => Number(v ?? 0) > SUMMARY_COUNT_CAP;
  return {
    name: (row.name as string | null) ?? 'My workspace',
    counts: {
      people: count(row.people),
      organizations: count(row.organizations),
      conversations: count(row.conversations),
    },
    /** Which counts stopped at SUMMARY_COUNT_CAP: the workspace holds more than that. */
    countsAreCapped: {
      people: more(row.people),
      organizations: more(row.organizations),
      conversations: more(row.conversations),
    },
  };
}
