import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';

let t: TestDb;
let call: Send;
beforeAll(async () => {
  ({ t, send: call } = await openTestApi());
});
afterAll(() => t.close());

async function add(input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  return (await (await call('POST', '/api/people', input)).json()) as { id: string; version: number };
}

interface ErrorBody {
  error: { code: string; message: string };
}

describe('duplicates over HTTP', () => {
  it('lists a pair with its reason, compares, merges, lists the merge and undoes it', async () => {
    const ana = await add({ fullName: 'Ana Silva', email: 'ana@example.com' });
    const other = await add({ fullName: 'Ana S.', email: 'ANA@example.com', phone: '+351 900' });
    await call('POST', '/api/notes', { personId: other.id, body: 'Likes coffee' });

    const list = (await (await call('GET', '/api/duplicates')).json()) as {
      items: { labels: string[] }[];
      total: number;
    };
    expect(list.total).toBe(1);
    expect(list.items[0]!.labels).toEqual(['Same e-mail']);

    const cmp = await call('GET', `/api/duplicates/compare?keptId=${ana.id}&otherId=${other.id}`);
    expect(cmp.status).toBe(200);
    const comparison = (await cmp.json()) as { counts: { other: { notes: number } } };
    expect(comparison.counts.other.notes).toBe(1);

    const stale = await call('POST', '/api/duplicates/merge', {
      keptId: ana.id,
      mergedId: other.id,
      keptVersion: ana.version + 5,
      mergedVersion: other.version,
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as ErrorBody).error.message).toMatch(/changed elsewhere/);

    const merged = await call('POST', '/api/duplicates/merge', {
      keptId: ana.id,
      mergedId: other.id,
      keptVersion: ana.version,
      mergedVersion: other.version,
      choices: { phone: 'merged' },
    });
    expect(merged.status).toBe(201);
    const result = (await merged.json()) as { mergeId: string; moved: Record<string, number> };
    expect(result.moved.notes).toBe(1);
    expect((await call('GET', `/api/people/${other.id}`)).status).toBe(404);
    expect(((await (await call('GET', '/api/duplicates')).json()) as { total: number }).total).toBe(0);

    const merges = (await (await call('GET', `/api/merges?personId=${ana.id}`)).json()) as {
      items: { id: string; mergedName: string }[];
    };
    expect(merges.items[0]).toMatchObject({ id: result.mergeId, mergedName: 'Ana S.' });

    expect((await call('POST', `/api/merges/${result.mergeId}/undo`)).status).toBe(200);
    expect((await call('GET', `/api/people/${other.id}`)).status).toBe(200);
    const again = await call('POST', `/api/merges/${result.mergeId}/undo`);
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.message).toMatch(/already undone/);
  });

  it('remembers "not the same person" and names bad input', async () => {
    const a = await add({ fullName: 'Kai One', email: 'kai@example.com' });
    const b = await add({ fullName: 'Kai Two', email: 'kai@example.com' });
    expect((await call('POST', '/api/duplicates/dismiss', { aId: a.id, bId: b.id })).status).toBe(204);
    const list = (await (await call('GET', '/api/duplicates')).json()) as { items: { a: { id: string } }[] };
    expect(list.items.some((p) => p.a.id === a.id || p.a.id === b.id)).toBe(false);
    const bad = await call('POST', '/api/duplicates/merge', { keptId: 'nope', mergedId: b.id });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toMatch(
      /^The person to keep does not point to a record/,
    );
    const same = await call('POST', '/api/duplicates/merge', { keptId: a.id, mergedId: a.id });
    expect(((await same.json()) as ErrorBody).error.message).toMatch(/two different people/);
    expect((await call('POST', '/api/merges/00000000-0000-4000-8000-000000000000/undo')).status).toBe(404);
  });
});
