import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { meetings } from '../../db/schema.js';
import type { Ctx } from '../context.js';
import { listTargets } from '../organizations/targets.js';
import { loadSampleWorkspace } from './sample.js';
import { updateSettings } from './settings.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

/** The weekday and hour:minute an instant reads on a clock in `timeZone`. */
function onClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday'), minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

async function sampleIn(timeZone: string, now: string): Promise<Ctx> {
  t.clock.set(new Date(now));
  const ws = await t.otherWorkspace();
  await updateSettings({ ...ws, input: { timeZone } });
  await loadSampleWorkspace(ws);
  return ws;
}

describe('sample workspace', () => {
  // Late at night, on a weekend and on a weekday, in zones far apart.
  const cases = [
    { timeZone: 'Europe/Paris', now: '2026-11-23T02:10:00Z' },
    { timeZone: 'America/Los_Angeles', now: '2026-11-28T11:00:00Z' },
    { timeZone: 'Asia/Tokyo', now: '2026-11-25T18:45:00Z' },
    { timeZone: 'Pacific/Auckland', now: '2026-12-06T14:00:00Z' },
  ];

  for (const { timeZone, now } of cases) {
    it(`puts every meeting on a working day at office hours in ${timeZone}, counted from now`, async () => {
      const ws = await sampleIn(timeZone, now);
      const rows = await ws.db
        .select({ startsAt: meetings.startsAt })
        .from(meetings)
        .where(and(eq(meetings.workspaceId, ws.workspaceId), isNull(meetings.cancelledAt)));
      expect(rows).toHaveLength(3);
      const nowMs = new Date(now).getTime();
      const starts = rows.map((r) => r.startsAt.getTime()).sort((a, b) => a - b);
      // Two already held, one coming up, all within a few weeks of now.
      expect(starts.filter((s) => s < nowMs)).toHaveLength(2);
      expect(starts.filter((s) => s > nowMs)).toHaveLength(1);
      for (const s of starts) expect(Math.abs(s - nowMs)).toBeLessThan(16 * 86_400_000);
      for (const r of rows) {
        const local = onClock(r.startsAt, timeZone);
        expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], `${r.startsAt.toISOString()}`).toContain(local.weekday);
        expect(local.minutes, `${r.startsAt.toISOString()} in ${timeZone}`).toBeGreaterThanOrEqual(9 * 60);
        expect(local.minutes, `${r.startsAt.toISOString()} in ${timeZone}`).toBeLessThanOrEqual(17 * 60);
      }
    });
  }

  it('comes with a ranked target list, scored by LAMP, advocacy read from the people in it', async () => {
    const ws = await sampleIn('Europe/Paris', '2026-11-24T09:00:00Z');
    const targets = await listTargets(ws);
    expect(
      targets.map((x) => ({
        rank: x.rank,
        name: x.name,
        motivation: x.motivation,
        posting: x.posting,
        advocacy: x.advocacy,
      })),
    ).toEqual([
      { rank: 1, name: 'Brightpath Learning', motivation: 3, posting: 2, advocacy: true },
      { rank: 2, name: 'Open Classroom Foundation', motivation: 3, posting: 1, advocacy: false },
      { rank: 3, name: 'Northwind Health', motivation: 2, posting: 3, advocacy: true },
      { rank: 4, name: 'Civic Data Lab', motivation: 1, posting: 2, advocacy: false },
    ]);
    expect(targets.every((x) => x.working)).toBe(true);
    // Brightpath's open posting comes with the caution about requests that look like applications.
    expect(targets[0]?.caution).toBeTruthy();
  });
});
